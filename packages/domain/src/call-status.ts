/**
 * @module
 * Today's date in Poland: calls open and close on Polish calendar days. The status of an
 * instrument on a date is derived in availability-on.ts.
 */
import type { IsoDate } from "./schemas/primitives.ts";

/** Today's date in Poland, as YYYY-MM-DD (calls open and close on Polish calendar days). */
export function todayInPoland(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw" }).format(now);
}
