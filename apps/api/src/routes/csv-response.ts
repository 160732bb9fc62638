/**
 * @module
 * Content negotiation for the regional exports: JSON by default, CSV for `Accept: text/csv`.
 */
import type { Context } from "hono";
import { toCsv, type CsvCell } from "@klastry/domain";
import { wantsCsv } from "../csv.ts";

export const csvContent = { "text/csv": { schema: { type: "string" as const } } };

/** A CSV response when the client asked for one, else undefined (the caller answers JSON). */
export function csvIfAccepted(
  c: Context,
  filename: string,
  header: readonly string[],
  rows: () => readonly (readonly CsvCell[])[],
): Response | undefined {
  c.header("Vary", "Accept", { append: true });
  if (!wantsCsv(c.req.header("accept"))) return undefined;
  return c.body(toCsv(header, rows()), 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
  });
}
