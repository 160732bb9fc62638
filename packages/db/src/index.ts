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
/** The opened database: data source, dialect, repositories, `migrate`, `close`, `health`. */
export type { Database, DatabaseHealth, OpenDatabaseOptions } from "./open-database.ts";
/** "sqlite" or "postgres". */
export type { DatabaseKind } from "./sql.ts";
/**
 * Runs work in one transaction; on SQLite (one shared connection) never alongside another, so
 * use it instead of `dataSource.transaction` for your own transactions.
 */
export { inTransaction } from "./sqlite-gate.ts";
/** Every migration class, oldest first, and the tables they create. */
export { MIGRATIONS, TABLES, APPEND_ONLY_TABLES } from "./migrations/index.ts";
/** TypeORM entity schemas (no decorators) for one dialect. */
export { entitySchemas } from "./entities/index.ts";
export type { EntitySchemas } from "./entities/index.ts";

// Seeding the knowledge base
/** Idempotent seed of the catalogue and sample clusters in one transaction; refuses invalid data. */
export { seedKnowledgeBase, instrumentSearchText } from "./seed/seed-knowledge-base.ts";
export type { SeedCounts, UpsertCounts } from "./seed/seed-knowledge-base.ts";
/** Checks a knowledge base without writing it: every issue, with record id and path. */
export { validateKnowledgeBase } from "./seed/validate-knowledge-base.ts";

// Repositories, one noun each
/** Instruments (filtered and paged in SQL), funding sources, public tasks, catalogue version. */
export {
  CatalogueRepository,
  InstrumentFilterSchema,
} from "./repositories/catalogue-repository.ts";
export type { InstrumentFilter, Page } from "./repositories/catalogue-repository.ts";
/** Clusters: find, list by region, create or update from a profile. */
export {
  ClusterRepository,
  PageRequestSchema,
  newClusterId,
} from "./repositories/cluster-repository.ts";
export type { PageRequest } from "./repositories/cluster-repository.ts";
/** Append-only assessments and the regional aggregates computed in SQL. */
export { AssessmentRepository } from "./repositories/assessment-repository.ts";
export type { CreateAssessment } from "./repositories/assessment-repository.ts";
/** An assessment with its date, region, recommendations and whether it has a private link. */
export type { AssessmentRecord } from "./repositories/assessment-rows.ts";
/** Needs by actor x function and public-task readiness of a region's latest assessments. */
export type {
  NeedsMatrix,
  NeedsMatrixCell,
  PublicTaskReadinessSummary,
  ReadinessCount,
  RegionAudience,
} from "./repositories/regional-aggregates.ts";
/** API keys: created with a one-time secret, stored as sha256, verified, revoked, listed. */
export {
  ApiKeyRepository,
  ApiKeyRoleSchema,
  hashSecret,
} from "./repositories/api-key-repository.ts";
export type { ApiKeyInfo, ApiKeyRole, VerifiedApiKey } from "./repositories/api-key-repository.ts";
/** Survey rounds, invitations, moderation of self-registered answers, national counts in SQL. */
export { SurveyRepository } from "./repositories/survey-repository.ts";
export type { InvitationLine, OpenedInvitation } from "./repositories/survey-repository.ts";
export type { SurveyCounts } from "./repositories/survey-aggregates.ts";
/** Versioned key/value state shared by several API processes. */
export { SystemStateRepository, STATE_KEYS } from "./repositories/system-state-repository.ts";
export type { SystemState } from "./repositories/system-state-repository.ts";

// Errors
/** The one error class of this package, with a code and every issue found. */
export { DbError, DB_ERROR_CODES } from "./errors.ts";
export type { DbErrorCode } from "./errors.ts";

// Text helpers shared with callers
/** Lower-cases and strips Polish diacritics, as the instrument search does. */
export { foldText } from "./text.ts";
