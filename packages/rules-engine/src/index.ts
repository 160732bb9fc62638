/**
 * @module
 * @klastry/rules-engine: loads rule files (`rules/<area>/<rule-id>.rule.json`), validates them
 * against the fact catalogue and the knowledge base, compiles each rule once to closures, and
 * evaluates an assessment on a date into ranked recommendations with reasons, near misses and
 * open questions. `evaluateReference` runs json-rules-engine itself on the same rules.
 */

// Loading and validation
/**
 * Reads every `*.rule.json` under `dir` (recursively), validates and compiles them. Throws
 * `RuleFileError` (code RULEBOOK_INVALID) with every issue when any file is invalid.
 *
 * @example
 * const rulebook = loadRulebook({ dir: "rules", knowledge: loadKnowledgeBase() });
 * rulebook.version; // "3f2a9c0b1d4e"
 */
export { loadRulebook, validateRulebook, readRuleSources } from "./load-rulebook.ts";
/**
 * Validates rule files without throwing: `validateRuleSources` for texts, `validateRuleFile` for
 * one parsed file. `validateRulebook({ dir, knowledge })` returns all issues of a folder.
 *
 * @example
 * const issues = validateRulebook({ dir: "rules", knowledge, language: "pl" });
 * if (issues.length > 0) console.error(formatRuleIssues(issues));
 */
export { validateRuleSources } from "./validate-rule.ts";
export type { RuleKnowledge, RuleSource } from "./validate-rule.ts";
/**
 * Validates and compiles rule objects without files (benchmarks, tests).
 *
 * @example
 * const rulebook = compileRulebook([buildRuleFile({ instrument: "demo" })], { instruments });
 */
export { compileRulebook } from "./compile-rulebook.ts";
export type { Rulebook } from "./compile-rulebook.ts";

// The rule file format
/** The zod schema of a rule file and its parts; `RuleFile` is the parsed type. */
export { ConditionReasonSchema } from "./rule-file.ts";

// Facts
/**
 * Derives every catalogue fact once from a parsed assessment and a date.
 *
 * @example
 * deriveFacts(buildAssessment(), "2025-03-01", knowledge.instruments).values.memberCount; // 51
 */
export { deriveFacts } from "./derive-facts.ts";

// Evaluating
/**
 * Evaluates a rulebook for an assessment on a date: eligible, unknown (with questions) and near
 * misses, ranked; deterministic.
 *
 * @example
 * const set = evaluate(rulebook, assessment, { date: "2025-03-01", language: "pl" });
 */
export { evaluate } from "./evaluate.ts";
/**
 * The same evaluation with json-rules-engine deciding each condition (`engine: "reference"`).
 *
 * @example
 * const audit = await evaluateReference(rulebook, assessment, { date: "2025-03-01", language: "en" });
 */
export { evaluateReference, referenceEngineFor } from "./reference-engine.ts";
/**
 * Which needs of a cluster support covers on a date, by the same verdicts as its recommendations.
 *
 * @example
 * needsCoverage(rulebook, assessment, "2026-12-02")[0]?.coveredBy; // ["kkk-status"]
 */
export { needsCoverage, COVERING_STATUSES } from "./coverage.ts";
/** An instrument's availability on a day, with its basis in words. */
export { availabilityOf } from "./availability-of.ts";

// Explaining
/**
 * The full trace of an evaluation and its terminal rendering.
 *
 * @example
 * console.log(formatTrace(explain(rulebook, assessment, { date: "2025-03-01", language: "pl" })));
 */
export { explain, formatTrace } from "./explain.ts";
export type { EvaluationTrace, RuleTrace, ConditionTrace } from "./explain.ts";

// Reviewing
/**
 * A rule in words for an audit, without evaluating it: the facts it reads (catalogue labels), its
 * conditions with thresholds in words, levers and questions (`klastry rules review`).
 *
 * @example
 * reviewRulebook(rulebook, "en").map((r) => `${r.ruleId}: ${r.facts.length} facts`);
 */
export { reviewRule } from "./review-rule.ts";
export type { RuleReview, ReviewedCondition } from "./review-rule.ts";

// Errors
/** `RuleFileError` (code RULEBOOK_INVALID) with every `RuleIssue`; codes and rendering. */
export { RuleFileError } from "./errors.ts";
export type { RuleIssue } from "./errors.ts";

// Verdicts only, and the impact of a candidate rulebook
/**
 * Verdict and near-miss flag per instrument for a parsed assessment, with no texts: the fast
 * path for impact analysis and dashboards over many assessments.
 *
 * @example
 * evaluateVerdicts(rulebook, AssessmentInputSchema.parse(body), "2026-11-29").get(id)?.verdict;
 */
export { evaluateVerdicts } from "./evaluate-verdicts.ts";
/**
 * Instruments whose rules differ between two rulebooks, and the verdict changes of one assessment,
 * evaluating only those rules.
 *
 * @example
 * const delta = rulebookDelta(served, candidate);
 * const changes = compareVerdicts(served, candidate, assessment, "2026-11-29", delta);
 */
export { rulebookDelta, compareVerdicts } from "./compare-rulebooks.ts";

// The impact of a changed rulebook on a population (klastry rules impact, POST /rules/impact)
/**
 * Compares two rulebooks over a population of assessments on a date: rules added, removed or
 * changed with a readable condition diff; per instrument, region and cluster who gains or loses
 * eligible, near miss or can't-tell, and the conditions that made the difference. The report
 * matches `RulebookImpactSchema` (JSON Schema: `impact-report.schema.json`).
 *
 * @example
 * const subjects = [{ id: "a1", name: "Klaster (fikcyjny)", region: "24", assessment }];
 * const report = rulebookImpact(main, branch, subjects, { date: "2021-07-01" });
 * report.summary.clustersGaining; // 1
 * describeChange("memberCount >= 51", "memberCount >= 40"); // "memberCount >= 51 -> >= 40"
 */
export {
  rulebookImpact,
  describeChange,
  RulebookImpactSchema,
  ImpactCauseSchema,
  StandingSchema,
} from "./impact/index.ts";
export type {
  ImpactSubject,
  RulebookImpact,
  ImpactCause,
  CauseSummary,
  InstrumentChange,
  Standing,
  StandingCounts,
} from "./impact/index.ts";
