/**
 * @module
 * Portable raw SQL: named `:params` expanded by the active driver (`?` on SQLite, `$1` on
 * PostgreSQL), and the small conversions between what each driver returns and what we expose.
 */
import type { DataSource, EntityManager } from "typeorm";
import { outsideOtherTransactions } from "./sqlite-gate.ts";

/** Anything that can run a query: the data source or a transaction's entity manager. */
export type Queryable = DataSource | EntityManager;

export type DatabaseKind = "sqlite" | "postgres";

/** The entity manager behind a data source or a transaction. */
export function managerOf(target: Queryable): EntityManager {
  return "manager" in target ? target.manager : target;
}

/**
 * Runs one statement through an entity manager (e.g. an entity repository's `findOneBy`), taking
 * its turn on SQLite's shared connection when outside a transaction (see sqlite-gate.ts).
 */
export function withManager<T>(
  target: Queryable,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const manager = managerOf(target);
  return outsideOtherTransactions(manager, () => work(manager));
}

/**
 * Runs `sql` with named parameters (`:name`, `:...list`) on either dialect and returns its rows
 * (RETURNING rows for writes). Uses the transaction's query runner when given a transaction's manager.
 */
export async function runSql<Row = Record<string, unknown>>(
  target: Queryable,
  sql: string,
  params: Record<string, unknown> = {},
): Promise<Row[]> {
  return withManager(target, async (manager) => {
    const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
    const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
    try {
      // The structured result has the same shape on both drivers; the raw one does not.
      const result = await runner.query(text, values, true);
      return (result.records ?? []) as Row[];
    } finally {
      if (!manager.queryRunner) await runner.release();
    }
  });
}

/** JSON columns are text on SQLite and jsonb (already parsed) on PostgreSQL. */
export function readJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? JSON.parse(value) : value;
}

/** What we bind for a JSON column: text on SQLite; PostgreSQL casts the text to jsonb. */
export function writeJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** timestamptz comes back as a Date from pg; SQLite keeps the ISO text we wrote. */
export function readTimestamp(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(String(value)).toISOString();
}

export function readOptionalTimestamp(value: unknown): string | null {
  return value === null || value === undefined ? null : readTimestamp(value);
}

/** SQLite returns booleans as 0/1, PostgreSQL as true/false. */
export function readBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === "1" || value === "t";
}

/** PostgreSQL returns COUNT(*) as a bigint string. */
export function readCount(value: unknown): number {
  return Number(value ?? 0);
}

/** Escapes LIKE wildcards so user text matches literally (paired with `ESCAPE '\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * ` COLLATE "C"` on PostgreSQL: ORDER BY on codes and ids must sort bytewise as SQLite does,
 * whatever the server's locale (en_US ignores hyphens and underscores at the first level).
 */
export function bytewise(target: Queryable): string {
  return dialectOf(target) === "postgres" ? ` COLLATE "C"` : "";
}

/** Which dialect a data source or transaction speaks. */
export function dialectOf(target: Queryable): DatabaseKind {
  return managerOf(target).connection.driver.options.type === "postgres" ? "postgres" : "sqlite";
}
