/**
 * @module
 * Client-side downloads (JSON, CSV) through a Blob: nothing goes back to the server.
 */

/** Offers `content` as a file download. */
export function downloadText(filename: string, content: string, type: string): void {
  downloadBlob(filename, new Blob([content], { type }));
}

/** Offers a file the API sent (a CSV, an XLSX workbook) as a download. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
