/**
 * @module
 * Throw-away databases for tests: a SQLite file in a fresh temp folder, or a freshly created
 * PostgreSQL database named klastry_test_<random>, each migrated and removed by `dispose`.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../open-database.ts";
import type { DatabaseKind } from "../sql.ts";
import { postgresUrl, testEnv } from "./env.ts";

export interface TestDatabase {
  db: Database;
  /** Closes the database and deletes its file or drops it. */
  dispose: () => Promise<void>;
}

async function withAdminClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: postgresUrl("postgres"),
    connectionTimeoutMillis: 3000,
  });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Opens a fresh, migrated database of `kind`.
 *
 * @example
 * const { db, dispose } = await openTestDatabase("sqlite");
 * try { await db.apiKeys.create({ role: "admin", label: "test" }); } finally { await dispose(); }
 */
export async function openTestDatabase(
  kind: DatabaseKind,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (kind === "sqlite") {
    const dir = await mkdtemp(path.join(tmpdir(), "klastry-db-"));
    const db = await openDatabase({ sqlitePath: path.join(dir, "klastry.sqlite") });
    if (migrate) await db.migrate();
    return {
      db,
      async dispose() {
        await db.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `klastry_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const db = await openDatabase({ url: postgresUrl(name) });
  if (migrate) await db.migrate();
  return {
    db,
    async dispose() {
      await db.close();
      await withAdminClient((client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

/** Whether the test PostgreSQL server answers; the reason when it does not. */
export async function postgresAvailability(): Promise<
  { available: true } | { available: false; reason: string }
> {
  try {
    await withAdminClient((client) => client.query("SELECT 1"));
    return { available: true };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      available: false,
      reason: `PostgreSQL at ${testEnv.PGHOST}:${testEnv.PGPORT} is unreachable (${detail})`,
    };
  }
}

export interface DatabaseUnderTest {
  kind: DatabaseKind;
  /** Set when the suite must be skipped (PostgreSQL unreachable outside CI). */
  skip?: string;
  /** Set when the suite must fail (PostgreSQL unreachable under CI=true). */
  failure?: string;
}

/**
 * The dialects a shared suite runs against: SQLite always; PostgreSQL when reachable, skipped
 * with a reason locally, and a failure under CI=true (CI must prove both dialects).
 */
export async function databasesUnderTest(): Promise<DatabaseUnderTest[]> {
  return planDatabasesUnderTest(await postgresAvailability(), testEnv.CI);
}

/** The decision of `databasesUnderTest`, apart from the network and the environment. */
export function planDatabasesUnderTest(
  postgres: { available: true } | { available: false; reason: string },
  ci: boolean,
): DatabaseUnderTest[] {
  if (postgres.available) return [{ kind: "sqlite" }, { kind: "postgres" }];
  return ci
    ? [
        { kind: "sqlite" },
        { kind: "postgres", failure: `${postgres.reason}; CI=true requires PostgreSQL` },
      ]
    : [{ kind: "sqlite" }, { kind: "postgres", skip: postgres.reason }];
}
