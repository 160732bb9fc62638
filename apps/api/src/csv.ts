/**
 * @module
 * CSV for the regional exports (RFC 4180): fields with commas, quotes or line breaks are quoted,
 * quotes doubled, lines end with CRLF. Cells starting with = + - @ (or tab, carriage return) are
 * prefixed with an apostrophe so a spreadsheet never runs them as formulas (OWASP "CSV Injection").
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Renders one cell; numbers stay numbers, even negative ones. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/**
 * Renders a header row and data rows.
 *
 * @example
 * toCsv(["actor", "count"], [["sme", 3]]); // "actor,count\r\nsme,3\r\n"
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** True when the client asked for CSV (Accept: text/csv) rather than JSON. */
export function wantsCsv(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  return accept.split(",").some((part) => part.split(";")[0]?.trim().toLowerCase() === "text/csv");
}
