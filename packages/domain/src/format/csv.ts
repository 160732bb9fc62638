/**
 * @module
 * CSV for every export of the product (RFC 4180): the API's and the web app's, written so that no cell can start a formula however a
 * spreadsheet splits it (issue 15 item 3; OWASP "CSV Injection"). Excel splits on the list
 * separator of its locale: `,` in English, `;` in Polish. So a cell with a comma, a semicolon,
 * a quote, a tab or a line break is quoted (quotes doubled), and wherever a cell would begin
 * under either split (the start, or after `,`, `;`, a tab or a line break, past spaces and
 * quotes) a formula trigger (= + - @, and their full-width forms) gets an apostrophe before it,
 * which spreadsheets read as "text". A cell starting with a tab or a carriage return gets one too.
 * Files start with a UTF-8 byte-order mark, so Excel reads Polish letters right. Lines end CRLF.
 */
export type CsvCell = string | number | boolean | null | undefined;

/** The byte-order mark Excel needs to read a CSV file as UTF-8. */
export const UTF8_BOM = "\uFEFF";

/** A formula trigger where a cell begins under a `,` or `;` split (or a naive line split). */
const TRIGGER_AT_CELL_START = /(^|[,;\t\r\n])([\s"]*)(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;
const CONTROL_START = /^[\t\r]/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** Renders one cell; numbers stay numbers, even negative ones. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const neutral = value.replace(TRIGGER_AT_CELL_START, "$1$2'");
  const guarded = CONTROL_START.test(neutral) ? `'${neutral}` : neutral;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/**
 * Renders a header row and data rows, after a byte-order mark.
 *
 * @example
 * toCsv(["actor", "count"], [["sme", 3]]); // "\uFEFFactor,count\r\nsme,3\r\n"
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(","));
  return `${UTF8_BOM}${lines.join("\r\n")}\r\n`;
}
