/**
 * @module
 * Scores and orders recommendations. Order: eligible, then unknown, then near misses; within a
 * group by score (descending), then by the most urgent need served (priority 1 first), then by
 * instrument id, so equal inputs always give the same order.
 */
import type { AvailabilityOn, Instrument, Need, Recommendation } from "@klastry/domain";

/** Bonus per served need by priority: a need of priority 1 adds 3, 2 adds 2, 3 adds 1. */
export const NEED_PRIORITY_BONUS: Readonly<Record<1 | 2 | 3, number>> = { 1: 3, 2: 2, 3: 1 };

/**
 * The cluster's needs an instrument serves: the need's function is among the instrument's
 * functions and its actor among the eligible actors; most urgent first. No needs answered, none served.
 */
export function servedNeeds(
  instrument: Pick<Instrument, "functions" | "eligibleActors">,
  needs: readonly Need[] | undefined,
): Need[] {
  return (needs ?? [])
    .filter(
      (need) =>
        instrument.functions.includes(need.function) &&
        instrument.eligibleActors.includes(need.actor),
    )
    .sort(
      (a, b) =>
        a.priority - b.priority ||
        compareText(a.actor, b.actor) ||
        compareText(a.function, b.function),
    );
}

/**
 * Bonus for what a cluster can act on: an open call (4) before an announced one (2) before a
 * recurring call expected in a known window (1). Nothing for a continuous offer's mere
 * availability, a programme with no confirmed call, or a status with no dates behind it.
 */
export function availabilityBonus(availability: Pick<AvailabilityOn, "status" | "window">): number {
  switch (availability.status) {
    case "open":
      return 4;
    case "planned":
      return 2;
    case "expected":
      return availability.window === undefined ? 0 : 1;
    default:
      return 0;
  }
}

/** Rule weight, plus the need bonus of every served need, plus the availability bonus. */
export function scoreOf(
  weight: number,
  served: readonly Need[],
  availability: Pick<AvailabilityOn, "status" | "window">,
): number {
  return served.reduce(
    (score, need) => score + NEED_PRIORITY_BONUS[need.priority],
    weight + availabilityBonus(availability),
  );
}

const GROUP = (r: Recommendation): number =>
  r.verdict === "eligible" ? 0 : r.verdict === "unknown" ? 1 : 2;
const URGENCY = (r: Recommendation): number =>
  r.servesNeeds.reduce((min, n) => Math.min(min, n.priority), 4);

/** Sorts in place and returns the array. */
export function rankRecommendations(recommendations: Recommendation[]): Recommendation[] {
  return recommendations.sort(
    (a, b) =>
      GROUP(a) - GROUP(b) ||
      b.score - a.score ||
      URGENCY(a) - URGENCY(b) ||
      compareText(a.instrumentId, b.instrumentId),
  );
}

/** Code-unit order, independent of locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
