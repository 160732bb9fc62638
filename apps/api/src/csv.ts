/**
 * @module
 * Content negotiation for CSV answers; the CSV itself is written by `toCsv` of @klastry/domain,
 * the one writer the API and the web app share (formula guard for `,` and `;` splits, BOM).
 */

/** True when the client asked for CSV (Accept: text/csv) rather than JSON. */
export function wantsCsv(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  return accept.split(",").some((part) => part.split(";")[0]?.trim().toLowerCase() === "text/csv");
}
