/**
 * @module
 * Counts as the national view and the report show them: a cell with fewer than 3 clusters comes
 * from the API suppressed (no number), so no figure can point at one cluster; it reads "<3".
 */
import { formatNumber } from "../i18n/index.ts";

/** A count, or `null` when the API suppressed it (fewer than 3 clusters). */
export type Count = number | null;

/** What a suppressed cell says instead of its number. */
export const SUPPRESSED = "<3";

export function countText(value: Count | undefined): string {
  return value === null || value === undefined ? SUPPRESSED : formatNumber(value);
}
