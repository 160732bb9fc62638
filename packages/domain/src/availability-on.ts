/**
 * @module
 * An instrument's status on a date, derived from its availability data (never stored), with the
 * basis a person can check: the window and its source, the pattern and the years it rests on, the
 * end and its rule. "Open" is said only when a day-exact window from a source that is not weak
 * contains the date.
 */
import { addYears, daysBetween, endOfMonth } from "./format/dates.ts";
import { availabilityBasis } from "./availability-basis.ts";
import type { Availability, AvailabilityOn, CallWindow, End } from "./schemas/availability.ts";
import type { IsoDate, Source } from "./schemas/primitives.ts";
import type { Confidence } from "./vocabulary/vocabulary.ts";

/** What the derivation reads of an instrument. */
export interface AvailabilityRecord {
  readonly availability: Availability;
  readonly confidence: Confidence;
  readonly sources: readonly Source[];
}

/** A window with its source and confidence filled in from the record. */
export interface ResolvedWindow extends CallWindow {
  readonly source: string;
  readonly confidence: Confidence;
}

/**
 * The status on `date`, first match wins: ended (after the real end); open (a day-exact window
 * contains the date); planned (a day-exact window opens later); expected (a published schedule
 * lists a later window, or a recurring call's next window); available (a continuous offer dated
 * by its source); programme running (no confirmed call); closed (the last known call is over and
 * none is announced, or a recurring call has not been seen for longer than its pattern allows);
 * unknown (nothing dated to go by).
 *
 * @example
 * availabilityOn(feng217, "2023-06-01").status; // "open"
 */
export function availabilityOn(record: AvailabilityRecord, date: IsoDate): AvailabilityOn {
  const a = record.availability;
  const windows = resolveWindows(record);
  const usable = windows.filter((w) => w.confidence !== "L");
  const dayWindows = usable.filter((w) => w.precision === "day");
  const lastClosedWindow = lastClosedBefore(dayWindows, date);
  const common = lastClosedWindow ? { lastClosed: lastClosedWindow.closes } : {};

  if (a.ended && date > a.ended.on) return ended(a.ended, common);

  const open = dayWindows.find((w) => w.opens <= date && date <= w.closes);
  if (open) {
    return {
      ...fromWindow("open", open),
      deadline: open.closes,
      daysLeft: daysBetween(date, open.closes),
      ...common,
    };
  }
  const next = dayWindows.find((w) => w.opens > date);
  if (next && daysBetween(date, next.opens) <= PLANNED_HORIZON_DAYS) {
    return { ...fromWindow("planned", next), opensOn: next.opens, ...common };
  }

  const scheduled = usable.find(
    (w) => (w.precision === "month" || w.precision === "quarter") && w.closes >= date,
  );
  if (scheduled) return { ...fromWindow("expected", scheduled), ...common };

  const continuous = a.continuous;
  if (continuous && continuous.confidence !== "L") {
    const start = continuous.from ?? continuous.confirmedOn;
    const end = continuous.until ?? (continuous.confirmedOn && addYears(continuous.confirmedOn, 1));
    if (start !== undefined && end !== undefined && start <= date && date <= end) {
      return {
        status: "available",
        basis: availabilityBasis({ kind: "available", offer: continuous }),
        source: continuous.source,
        confidence: continuous.confidence,
        ...common,
      };
    }
  }

  const recurring = expectedRecurrence(a, usable, date);
  if (recurring?.kind === "expected") return { ...recurring.status, ...common };

  const programme = a.programme;
  if (
    programme &&
    programme.from <= date &&
    (programme.until === undefined || date <= programme.until)
  ) {
    return {
      status: "programme_running",
      basis: availabilityBasis({ kind: "programme_running", programme }),
      source: programme.source,
      confidence: programme.confidence,
      ...common,
    };
  }
  if (recurring?.kind === "lapsed") {
    // A recurring call not seen for longer than its pattern allows no longer recurs as far as
    // the sources show: closed, saying when it was last seen.
    return {
      status: "closed",
      basis: availabilityBasis({ kind: "lapsed", lastYear: recurring.lastYear }),
      ...common,
    };
  }
  if (lastClosedWindow) {
    return { ...fromWindow("closed", lastClosedWindow), ...common };
  }
  if (continuous?.until !== undefined && date > continuous.until) {
    return {
      status: "closed",
      basis: availabilityBasis({ kind: "offer_over", offer: continuous }),
      source: continuous.source,
      confidence: continuous.confidence,
    };
  }
  return {
    status: "unknown",
    basis: availabilityBasis(
      next
        ? { kind: "far_future", opens: next.opens }
        : continuous?.confirmedOn !== undefined && continuous.confirmedOn < date
          ? { kind: "stale_offer", offer: continuous }
          : { kind: "undated" },
    ),
    ...common,
  };
}

/**
 * A dated window counts as announced ("planned") only within this many days before it opens:
 * calls are announced weeks or months ahead, so a window years away was not known on the date.
 */
export const PLANNED_HORIZON_DAYS = 365;

/** The record's windows with source and confidence filled in, by opening day. */
export function resolveWindows(record: AvailabilityRecord): ResolvedWindow[] {
  const fallbackSource = record.sources[0]?.url ?? "";
  return record.availability.calls
    .map((w) => ({
      ...w,
      source: w.source ?? fallbackSource,
      confidence: w.confidence ?? record.confidence,
    }))
    .sort((x, y) => (x.opens < y.opens ? -1 : x.opens > y.opens ? 1 : 0));
}

function lastClosedBefore(windows: readonly ResolvedWindow[], date: IsoDate) {
  let last: ResolvedWindow | undefined;
  for (const w of windows) if (w.closes < date && (!last || w.closes > last.closes)) last = w;
  return last;
}

function fromWindow(
  status: "open" | "planned" | "expected" | "closed",
  w: ResolvedWindow,
): AvailabilityOn {
  return {
    status,
    basis: availabilityBasis({ kind: status === "expected" ? "scheduled" : status, window: w }),
    source: w.source,
    confidence: w.confidence,
    window: {
      opens: w.opens,
      closes: w.closes,
      precision: w.precision,
      ...(w.label !== undefined && { label: w.label }),
      ...(w.url !== undefined && { url: w.url }),
    },
  };
}

function ended(end: End, common: { lastClosed?: IsoDate }): AvailabilityOn {
  return {
    status: "ended",
    basis: availabilityBasis({ kind: "ended", end }),
    source: end.source,
    ...common,
  };
}

type RecurrenceOutcome =
  { kind: "expected"; status: AvailabilityOn } | { kind: "lapsed"; lastYear: number };

/**
 * A recurring call after its first known window: expected while the evidence is fresh (a yearly
 * call missed at most two years running; rounds no further apart than the widest gap seen or a
 * status's validity), with the next window derived for a yearly call from the months its past
 * windows used. Before the first known window, or for a weak (L) pattern: nothing is said.
 */
function expectedRecurrence(
  a: Availability,
  usable: readonly ResolvedWindow[],
  date: IsoDate,
): RecurrenceOutcome | undefined {
  const r = a.recurrence;
  if (!r || r.confidence === "L") return undefined;
  const seen = usable.filter((w) => w.opens <= date);
  if (seen.length === 0) return undefined;
  const years = [...new Set(seen.map((w) => Number(w.opens.slice(0, 4))))].sort((x, y) => x - y);
  const lastYear = years[years.length - 1] as number;
  const year = Number(date.slice(0, 4));
  const widestGap = years.reduce(
    (gap, y, i) => (i === 0 ? gap : Math.max(gap, y - (years[i - 1] as number))),
    0,
  );
  const lapse = r.cycle === "yearly" ? 2 : Math.max(r.statusValidYears ?? 3, widestGap);
  if (year - lastYear > lapse) return { kind: "lapsed", lastYear };

  const window = r.cycle === "yearly" ? nextYearlyWindow(seen, lastYear, date) : undefined;
  return {
    kind: "expected",
    status: {
      status: "expected",
      basis: availabilityBasis({ kind: "recurring", recurrence: r, years, window }),
      source: r.source,
      confidence: r.confidence,
      seenYears: years,
      ...(window && { window: { opens: window.opens, closes: window.closes, precision: "month" } }),
    },
  };
}

/**
 * The months a yearly call has used (earliest opening month to latest closing month of its
 * day- and month-exact windows), placed in the first year after the last known call whose
 * window has not yet passed on the date. None when the windows straddle the new year.
 */
function nextYearlyWindow(
  seen: readonly ResolvedWindow[],
  lastYear: number,
  date: IsoDate,
): { opens: IsoDate; closes: IsoDate } | undefined {
  const dated = seen.filter((w) => w.precision === "day" || w.precision === "month");
  const sameYear = dated.filter((w) => w.opens.slice(0, 4) === w.closes.slice(0, 4));
  if (sameYear.length === 0 || sameYear.length !== dated.length) return undefined;
  const openMonth = sameYear.map((w) => w.opens.slice(5, 7)).sort()[0] as string;
  const closeMonth = sameYear
    .map((w) => w.closes.slice(5, 7))
    .sort()
    .reverse()[0] as string;
  let year = Math.max(lastYear + 1, Number(date.slice(0, 4)));
  const place = (y: number) => ({
    opens: `${y}-${openMonth}-01`,
    closes: endOfMonth(`${y}-${closeMonth}-01`),
  });
  if (place(year).closes < date) year += 1;
  return place(year);
}
