/**
 * @module
 * What changed between two recommendation sets of one cluster: instruments gained and lost
 * (eligible now but not then, and the reverse).
 */
import type { Recommendation, RecommendationSet } from "@klastry/domain";

export interface Comparison {
  gained: Recommendation[];
  lost: Recommendation[];
  kept: Recommendation[];
}

function eligible(set: RecommendationSet): Map<string, Recommendation> {
  return new Map(
    set.recommendations.filter((r) => r.verdict === "eligible").map((r) => [r.instrumentId, r]),
  );
}

export function compareSets(earlier: RecommendationSet, now: RecommendationSet): Comparison {
  const before = eligible(earlier);
  const after = eligible(now);
  return {
    gained: [...after.values()].filter((r) => !before.has(r.instrumentId)),
    lost: [...before.values()].filter((r) => !after.has(r.instrumentId)),
    kept: [...after.values()].filter((r) => before.has(r.instrumentId)),
  };
}
