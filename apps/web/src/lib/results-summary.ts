/**
 * @module
 * What a recommendation set means for the coordinator's next step, counted from the engine's own
 * fields (verdict, availability status and window, questions): what can be applied for now, what
 * opens soon, how many questions would settle how many instruments, and, when nothing is open,
 * what is expected next and what closed last.
 */
import type {
  Recommendation,
  RecentlyClosed,
  RecommendationSet,
  StatusWindow,
} from "@klastry/domain";

export interface NextWindow {
  recommendation: Recommendation;
  window: Pick<StatusWindow, "opens" | "closes" | "precision"> & { label?: string };
}

export interface ResultsSummary {
  /** Eligible, with an open call or an offer available today. */
  applyNow: Recommendation[];
  /** Eligible or can't-tell-yet, with a call announced for a date. */
  openSoon: Recommendation[];
  /** Distinct questions that would settle the undecided instruments. */
  questions: number;
  /** Instruments the coordinator can't be told about yet (can't tell yet). */
  undecided: number;
  eligible: number;
  nearMisses: number;
  /** True when no instrument that fits or may fit has a call open today. */
  nothingOpen: boolean;
  /** The earliest announced or expected window among those that fit or may fit. */
  next?: NextWindow;
  /** The call that closed last among those that would fit. */
  lastClosed?: RecentlyClosed;
}

const STILL_POSSIBLE = new Set(["eligible", "unknown"]);

export function summariseResults(set: RecommendationSet): ResultsSummary {
  const all = set.recommendations;
  const possible = all.filter((r) => STILL_POSSIBLE.has(r.verdict));
  const undecided = all.filter((r) => r.verdict === "unknown");
  const upcoming = possible
    .filter(
      (r) =>
        (r.availability.status === "planned" || r.availability.status === "expected") &&
        r.availability.window !== undefined,
    )
    .map((r) => ({ recommendation: r, window: r.availability.window as NextWindow["window"] }))
    .sort((a, b) =>
      a.window.opens < b.window.opens ? -1 : a.window.opens > b.window.opens ? 1 : 0,
    );
  const lastClosed = [...set.recentlyClosed].sort((a, b) =>
    a.closedOn < b.closedOn ? 1 : a.closedOn > b.closedOn ? -1 : 0,
  )[0];
  return {
    applyNow: all.filter(
      (r) =>
        r.verdict === "eligible" &&
        (r.availability.status === "open" || r.availability.status === "available"),
    ),
    openSoon: possible.filter((r) => r.availability.status === "planned"),
    questions: new Set(undecided.flatMap((r) => r.questions.map((q) => q.fact))).size,
    undecided: undecided.length,
    eligible: all.filter((r) => r.verdict === "eligible").length,
    nearMisses: all.filter((r) => r.verdict === "not_eligible" && r.nearMiss).length,
    nothingOpen: !possible.some((r) => r.availability.status === "open"),
    ...(upcoming[0] === undefined ? {} : { next: upcoming[0] }),
    ...(lastClosed === undefined ? {} : { lastClosed }),
  };
}
