/**
 * @module
 * Client-side downloads (JSON, CSV) through a Blob: nothing goes back to the server.
 */

/** Offers `content` as a file download. */
export function downloadText(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One CSV cell: quoted when it holds a separator, a quote or a line break (RFC 4180). */
function cell(value: unknown): string {
  const text = value === undefined || value === null ? "" : String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows to CSV text with a BOM, so spreadsheet programs read Polish letters correctly. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
