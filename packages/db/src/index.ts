/**
 * @module
 * @klastry/db: the database of Klastry. SQLite (a WAL-mode file) by default, PostgreSQL for the
 * scale-out path; the same migrations, repositories and seed run on both. Everything read back is
 * re-validated with the @klastry/domain schemas.
 */

// Opening, migrating, health
/**
 * Opens the database: `./data/klastry.sqlite` by default, PostgreSQL for a `postgres://` url.
 * Call `migrate()` once before use.
 */
export { openDatabase, DEFAULT_SQLITE_PATH } from "./open-database.ts";
/**
 * Runs work in one transaction; on SQLite (one shared connection) never alongside another (the
 * survey bench's bulk inserts).
 */
export { inTransaction } from "./sqlite-gate.ts";
/** The opened database: data source, dialect, repositories, `migrate`, `close`, `health`. */
export type { Database } from "./open-database.ts";
/** "sqlite" or "postgres". */
export type { DatabaseKind } from "./sql.ts";

// Seeding the knowledge base
/** Idempotent seed of the catalogue and sample clusters in one transaction; refuses invalid data. */
export { seedKnowledgeBase } from "./seed/seed-knowledge-base.ts";

// Repositories, one noun each
/** Needs by actor x function and public-task readiness of a region's latest assessments. */
export type { NeedsMatrixCell } from "./repositories/regional-aggregates.ts";
/** A stored assessment with its day, region and private-link hash, as repositories read it. */
export type { AssessmentRecord } from "./repositories/assessment-rows.ts";
/**
 * Stored verdicts (per assessment, with the rulebook version and day that made them), the
 * coverage counted from them in SQL, and the batch queue of background recomputes.
 */
export type {
  AssessmentVerdicts,
  ServedNeed,
  StoredCoverage,
  StoredVerdict,
  VerdictTarget,
} from "./repositories/verdict-repository.ts";
export type { EvaluateBatch } from "./repositories/verdict-batches.ts";
/** API keys: created with a one-time secret, stored as sha256, verified, revoked, listed. */
export { ApiKeyRoleSchema, hashSecret } from "./repositories/api-key-repository.ts";
export type { ApiKeyInfo } from "./repositories/api-key-repository.ts";
/** The counts of one set of survey answers, computed in SQL (the API protects them). */
export type { SurveyCounts } from "./repositories/survey-aggregates.ts";
/** Versioned key/value state shared by several API processes. */
export { STATE_KEYS } from "./repositories/system-state-repository.ts";

// Errors
/** The one error class of this package, with a code and every issue found. */
export { DbError } from "./errors.ts";
