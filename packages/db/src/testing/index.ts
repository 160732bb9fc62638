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
  planDatabasesUnderTest,
} from "./open-test-database.ts";
export type { TestDatabase, DatabaseUnderTest } from "./open-test-database.ts";
/** The test server's url for a database name. */
export { postgresUrl } from "./env.ts";
/** Accepts self-registered answers into a national test round, so region figures count them. */
export { acceptAnswers } from "./accept-answers.ts";
