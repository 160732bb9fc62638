/**
 * @module
 * Scores and orders recommendations. Order: eligible, then unknown, then near misses; within a
 * group by score (descending), then by the most urgent need served (priority 1 first), then by
 * instrument id, so equal inputs always give the same order.
 */
import type { CallStatus, Instrument, Need, Recommendation } from "@klastry/domain";

/** Bonus per served need by priority: a need of priority 1 adds 3, 2 adds 2, 3 adds 1. */
export const NEED_PRIORITY_BONUS: Readonly<Record<1 | 2 | 3, number>> = { 1: 3, 2: 2, 3: 1 };

/**
 * The cluster's needs an instrument serves: the need's function is among the instrument's
 * functions and its actor among the eligible actors; most urgent first.
 */
export function servedNeeds(
  instrument: Pick<Instrument, "functions" | "eligibleActors">,
  needs: readonly Need[],
): Need[] {
  return needs
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
 * Bonus for what a cluster can act on now: an open call before a planned one, both before an
 * instrument whose sources date no call (the coordinator would have to ask the operator first).
 */
export const CALL_STATUS_BONUS: Readonly<Record<CallStatus, number>> = {
  open: 4,
  planned: 2,
  unknown: 0,
  closed: 0,
};

/** Rule weight, plus the need bonus of every served need, plus the call-status bonus. */
export function scoreOf(
  weight: number,
  served: readonly Need[],
  callStatus: CallStatus = "unknown",
): number {
  return served.reduce(
    (score, need) => score + NEED_PRIORITY_BONUS[need.priority],
    weight + CALL_STATUS_BONUS[callStatus],
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
