/**
 * @module
 * Opens the product's database the way `npm start` does (SQLite under ./data, or DATABASE_URL)
 * and brings its schema up to date, so a CLI command works on a fresh machine too.
 */
import { openDatabase, type Database } from "@klastry/db";
import { readEnv } from "./env.ts";

export async function openMigratedDatabase(cwd: string): Promise<Database> {
  const env = readEnv();
  const db = await openDatabase(
    env.DATABASE_URL ? { url: env.DATABASE_URL } : { sqlitePath: `${cwd}/data/klastry.sqlite` },
  );
  await db.migrate();
  return db;
}
