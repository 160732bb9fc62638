/**
 * @module
 * Derives an instrument's call status on a date from its dated windows (never stored).
 */
import type { CallStatusOn, CallWindow, Instrument } from "./schemas/instrument.ts";
import type { IsoDate } from "./schemas/primitives.ts";

/**
 * Open when a window contains the date; planned when a window opens later; for a standing offer,
 * open between its known `from` and `until` days; unknown when the record has neither windows nor a
 * standing offer (nothing dated to go by) and has not ended; closed otherwise. A window with no
 * close, like a standing offer, stays open until the record's `endedBy` day.
 *
 * @example
 * callStatusOn({ callWindows: [{ opens: "2023-05-30", closes: "2023-09-29" }] }, "2023-06-01");
 * // { status: "open", deadline: "2023-09-29" }
 */
export function callStatusOn(
  instrument: Pick<Instrument, "callWindows" | "endedBy"> & { standing?: Instrument["standing"] },
  date: IsoDate,
): CallStatusOn {
  const ended = instrument.endedBy !== undefined && date >= instrument.endedBy;
  const windows = [...instrument.callWindows].sort(byOpening);
  if (!ended) {
    const open = windows.find(
      (w) => w.opens <= date && (w.closes === undefined || date <= w.closes),
    );
    if (open)
      return open.closes === undefined
        ? { status: "open" }
        : { status: "open", deadline: open.closes };
    const next = windows.find((w) => w.opens > date);
    if (next) return { status: "planned", opensOn: next.opens };
    const standing = instrument.standing;
    if (standing && (standing.until === undefined || date <= standing.until)) {
      if (standing.from === undefined || standing.from <= date) return { status: "open" };
      return { status: "planned", opensOn: standing.from };
    }
    if (windows.length === 0 && !standing) return { status: "unknown" };
  }
  return { status: "closed" };
}

function byOpening(a: CallWindow, b: CallWindow): number {
  return a.opens < b.opens ? -1 : a.opens > b.opens ? 1 : 0;
}

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
