/**
 * @module
 * @klastry/knowledge: the catalogue as reviewed YAML files (instruments, funding sources, public
 * tasks, fictional sample clusters) and the loader that validates them.
 */

// Loading
/**
 * Loads and validates the knowledge tree; throws one KnowledgeBaseError listing every issue.
 *
 * @example
 * const kb = loadKnowledgeBase();
 * kb.instruments.length; // >= 40
 */
export { loadKnowledgeBase } from "./load-knowledge-base.ts";
export type { KnowledgeBase } from "./load-knowledge-base.ts";
/** Absolute path of the data shipped with this package, and the tree's folder layout. */
export { defaultKnowledgeDir } from "./knowledge-dir.ts";

/**
 * Every dated assessment of every sample cluster as a parsed assessment input.
 *
 * @example
 * sampleAssessmentInputs(loadKnowledgeBase())[0]?.input.cluster.name; // "... (fikcyjny)"
 */
export { sampleAssessmentInputs } from "./sample-assessments.ts";

// Errors
/** The error thrown by the loader (code KNOWLEDGE_BASE_INVALID) and its issue rendering. */
export { KnowledgeBaseError, formatKnowledgeIssues } from "./errors.ts";

// Lookups and summaries
/** Finds records by id; undefined when unknown. */
export { sampleClusterById } from "./lookup.ts";

// Catalogue hygiene
/**
 * The rules a shipped catalogue keeps on a day: dated basis for open and available, official
 * sources behind high confidence, no past planned windows, real ends, no internal words in
 * user-facing text (errors); lastVerified within 180 days (warnings).
 *
 * @example
 * checkCatalogue(loadKnowledgeBase(), "2026-12-02").filter((i) => i.severity === "error"); // []
 */
export { checkCatalogue, formatCatalogueIssues } from "./check-catalogue.ts";
