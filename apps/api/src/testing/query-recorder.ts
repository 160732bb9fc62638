/**
 * @module
 * Records the SQL a database runs while a piece of work runs, with the number of rows each
 * statement returned, through TypeORM's own subscriber hook (`afterQuery`): tests use it to show
 * that a request read no row of a table (issue 15 item 1: a made-up token reads no assessment).
 */
import type { Database } from "@klastry/db";

export interface RecordedQuery {
  sql: string;
  rows: number;
}

function rowsOf(raw: unknown): number {
  if (Array.isArray(raw)) return raw.length;
  const rows = (raw as { rows?: unknown } | null | undefined)?.rows;
  return Array.isArray(rows) ? rows.length : 0;
}

/** Runs `work` and returns what it answered with every query run meanwhile. */
export async function recordQueries<T>(
  db: Database,
  work: () => Promise<T>,
): Promise<{ result: T; queries: RecordedQuery[] }> {
  const queries: RecordedQuery[] = [];
  const subscriber = {
    afterQuery(event: { query: string; rawResults?: unknown }) {
      queries.push({
        sql: event.query.replace(/\s+/g, " ").trim(),
        rows: rowsOf(event.rawResults),
      });
    },
  };
  const subscribers = db.dataSource.subscribers as unknown as object[];
  subscribers.push(subscriber);
  try {
    return { result: await work(), queries };
  } finally {
    subscribers.splice(subscribers.indexOf(subscriber), 1);
  }
}

/** The queries that read the table `name` itself (not `name_something`). */
export function queriesOn(queries: readonly RecordedQuery[], name: string): RecordedQuery[] {
  const table = new RegExp(`\\b(?:FROM|JOIN)\\s+"?${name}"?(?![\\w])`, "i");
  return queries.filter((query) => table.test(query.sql));
}
