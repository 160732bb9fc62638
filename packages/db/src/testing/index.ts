/**
 * @module
 * @klastry/db/testing: throw-away databases for tests of this package and of the packages above it
 * (API, CLI, end-to-end). Records come from `@klastry/domain/testing`, a knowledge base from
 * `@klastry/knowledge/testing`.
 */

/** A fresh migrated SQLite file or PostgreSQL database, with `dispose()`. */
export {
  openTestDatabase,
  postgresAvailability,
  databasesUnderTest,
  withPostgresClient,
} from "./open-test-database.ts";
export type { TestDatabase } from "./open-test-database.ts";
/** The test server's url for a database name. */
export { postgresUrl } from "./env.ts";
/** Bulk inserts of generated clusters and assessments, and forgetting stored verdicts (benches). */
export {
  insertClustersInBulk,
  insertRows,
  forgetStoredVerdicts,
  analyzeAfterBulkLoad,
} from "./bulk-insert.ts";
export type { BulkCluster } from "./bulk-insert.ts";
/** Accepts self-registered answers into a national test round, so region figures count them. */
export { acceptAnswers } from "./accept-answers.ts";
