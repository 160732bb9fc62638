/**
 * @module
 * Today's date in Poland: calls open and close on Polish calendar days. The status of an
 * instrument on a date is derived in availability-on.ts.
 */
import type { IsoDate } from "./schemas/primitives.ts";

/**
 * One formatter for the life of the process: building an Intl.DateTimeFormat loads time zone and
 * locale data and cost 9% of a recommendation request's CPU when it was made per call.
 * The en-CA locale writes dates as YYYY-MM-DD.
 */
const polishCalendarDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw" });

/** Today's date in Poland, as YYYY-MM-DD (calls open and close on Polish calendar days). */
export function todayInPoland(now: Date = new Date()): IsoDate {
  return polishCalendarDay.format(now);
}
