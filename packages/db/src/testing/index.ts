/**
 * @module
 * @klastry/db/testing: throw-away databases and knowledge-base builders for tests of this package
 * and of the packages above it (API, CLI, end-to-end).
 */

/** A fresh migrated SQLite file or PostgreSQL database, with `dispose()`. */
export {
  openTestDatabase,
  postgresAvailability,
  databasesUnderTest,
  planDatabasesUnderTest,
} from "./open-test-database.ts";
export type { TestDatabase, DatabaseUnderTest } from "./open-test-database.ts";
/** Builders of valid, fictional knowledge-base records; override any field. */
export {
  buildKnowledgeBase,
  buildInstrument,
  buildFundingSource,
  buildPublicTaskRecord,
  buildSampleCluster,
} from "./build-knowledge-base.ts";
/** The test server's url for a database name. */
export { postgresUrl } from "./env.ts";
