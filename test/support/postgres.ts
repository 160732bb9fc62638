/**
 * @module
 * Throw-away PostgreSQL databases for real-server tests (the server opens them itself through
 * DATABASE_URL), and the decision to run, skip (with a reason) or fail when PostgreSQL is away:
 * under CI=true an unreachable PostgreSQL is a failure, never a skip.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { postgresAvailability, postgresUrl } from "@klastry/db/testing";

export interface ScratchDatabase {
  name: string;
  url: string;
  /** Runs one query on the scratch database. */
  query<T extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

async function withClient<T>(database: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: postgresUrl(database),
    connectionTimeoutMillis: 3000,
  });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database named klastry_<purpose>_<random>. */
export async function createScratchDatabase(purpose: string): Promise<ScratchDatabase> {
  const name = `klastry_${purpose}_${randomBytes(5).toString("hex")}`;
  await withClient("postgres", (client) => client.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: postgresUrl(name),
    query: <T extends pg.QueryResultRow>(sql: string, values?: unknown[]) =>
      withClient(name, async (client) => (await client.query<T>(sql, values)).rows),
    drop: () =>
      withClient(
        "postgres",
        async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
      ),
  };
}

/** "run", or why PostgreSQL suites are skipped; throws under CI=true when it is unreachable. */
export async function postgresPlan(): Promise<{ run: true } | { run: false; reason: string }> {
  const availability = await postgresAvailability();
  if (availability.available) return { run: true };
  if (process.env.CI === "true" || process.env.CI === "1") {
    return { run: true };
  }
  return { run: false, reason: availability.reason };
}
