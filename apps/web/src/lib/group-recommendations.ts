/**
 * @module
 * Splits a recommendation set into the three groups the results page shows.
 */
import type { Recommendation, RecommendationSet } from "@klastry/domain";

export interface RecommendationGroups {
  eligible: Recommendation[];
  undecided: Recommendation[];
  nearMisses: Recommendation[];
}

/** Eligible, can't tell yet, near misses; each in the engine's ranking order. */
export function groupRecommendations(set: RecommendationSet): RecommendationGroups {
  const byScore = (a: Recommendation, b: Recommendation) => b.score - a.score;
  const all = set.recommendations;
  return {
    eligible: all.filter((r) => r.verdict === "eligible").sort(byScore),
    undecided: all.filter((r) => r.verdict === "unknown").sort(byScore),
    nearMisses: all.filter((r) => r.verdict === "not_eligible" && r.nearMiss).sort(byScore),
  };
}
