/**
 * @module
 * The region's headline figures from what the API answers: clusters assessed (named and
 * anonymous), the most uncovered needs, and the calls open this quarter among the instruments
 * serving the region (day-exact windows overlapping the quarter), with the next expected one
 * when none is open today.
 */
import type { CoverageRow, ListedInstrument } from "./api-types.ts";

export interface QuarterCalls {
  /** First and last day of the quarter of `today`. */
  from: string;
  to: string;
  /** Instruments with a dated call window overlapping the quarter. */
  thisQuarter: ListedInstrument[];
  /** Of all serving the region, those open today. */
  openToday: ListedInstrument[];
  /** The announced or expected instrument whose window opens first, when none is open today. */
  next?: ListedInstrument;
}

/** The first and last day of the calendar quarter of `today` (YYYY-MM-DD). */
export function quarterOf(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const first = quarter * 3 + 1;
  const lastDay = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDay)}` };
}

export function quarterCalls(
  instruments: readonly ListedInstrument[],
  today: string,
): QuarterCalls {
  const { from, to } = quarterOf(today);
  const thisQuarter = instruments.filter((instrument) =>
    instrument.availability.calls.some(
      (call) => (call.precision ?? "day") === "day" && call.opens <= to && call.closes >= from,
    ),
  );
  const openToday = instruments.filter((instrument) => instrument.availabilityOn.status === "open");
  const upcoming = instruments
    .filter(
      (instrument) =>
        (instrument.availabilityOn.status === "planned" ||
          instrument.availabilityOn.status === "expected") &&
        instrument.availabilityOn.window !== undefined,
    )
    .sort((a, b) =>
      (a.availabilityOn.window?.opens ?? "") < (b.availabilityOn.window?.opens ?? "") ? -1 : 1,
    );
  return {
    from,
    to,
    thisQuarter,
    openToday,
    ...(openToday.length === 0 && upcoming[0] ? { next: upcoming[0] } : {}),
  };
}

/** The needs with the most clusters left uncovered, at most `limit`. */
export function topUnmetNeeds(rows: readonly CoverageRow[], limit = 3): CoverageRow[] {
  return rows
    .filter((row) => row.uncoveredClusters > 0)
    .sort((a, b) => b.uncoveredClusters - a.uncoveredClusters || b.count - a.count)
    .slice(0, limit);
}
