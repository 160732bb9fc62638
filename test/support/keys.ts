/**
 * @module
 * API keys for tests of the real server, issued the way `npx klastry keys create` does (the CLI
 * core of @klastry/api over @klastry/db), straight into the database the server will open: the
 * SQLite file under a work directory, or a PostgreSQL url.
 */
import { join } from "node:path";
import { createApiKey, revokeApiKey } from "@klastry/api";
import { DEFAULT_SQLITE_PATH, openDatabase, type Database } from "@klastry/db";

/** Where the server's data lives: its work directory (SQLite) or a PostgreSQL url. */
export type DatabaseTarget = { workDir: string } | { databaseUrl: string };

export interface IssuedKey {
  id: string;
  role: string;
  secret: string;
  revoked: boolean;
}

export function sqlitePathOf(workDir: string): string {
  return join(workDir, DEFAULT_SQLITE_PATH);
}

/** Opens (and migrates) the target database, runs `work`, closes it. */
export async function withDatabase<T>(
  target: DatabaseTarget,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  const db = await openDatabase(
    "databaseUrl" in target
      ? { url: target.databaseUrl }
      : { sqlitePath: sqlitePathOf(target.workDir) },
  );
  try {
    await db.migrate();
    return await work(db);
  } finally {
    await db.close();
  }
}

/** Creates one key per spec (revoking those marked), before or while the server runs. */
export async function issueKeys(
  target: DatabaseTarget,
  specs: { role: string; revoked?: boolean }[],
): Promise<IssuedKey[]> {
  return withDatabase(target, async (db) => {
    const keys: IssuedKey[] = [];
    for (const spec of specs) {
      const created = await createApiKey(db, spec.role, `reliability test ${spec.role}`);
      if (spec.revoked === true) await revokeApiKey(db, created.id);
      keys.push({
        id: created.id,
        role: spec.role,
        secret: created.secret,
        revoked: spec.revoked === true,
      });
    }
    return keys;
  });
}
