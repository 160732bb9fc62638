/**
 * @module
 * Counts as the national view and the report show them: the API sends a cell standing for fewer
 * than 3 clusters as "<3" instead of its number, so no figure can point at one cluster, and a
 * larger cell as "x" where showing it would let "<3" be worked out by subtraction. Charts draw
 * such cells as no bar with their mark; totals never add them up.
 */
import { HIDDEN, SUPPRESSED, type CountCell } from "@klastry/domain";
import { formatNumber } from "../i18n/index.ts";

export type { CountCell };

export function countText(value: CountCell | undefined): string {
  if (value === SUPPRESSED || value === HIDDEN) return value;
  return formatNumber(value ?? 0);
}

/** The number to draw: a suppressed cell draws nothing. */
export function countValue(value: CountCell | undefined): number {
  return typeof value === "number" ? value : 0;
}
