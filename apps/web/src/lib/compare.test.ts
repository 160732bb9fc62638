import { describe, expect, it } from "vitest";
import { buildRecommendationSet } from "../testing/recommendations.ts";
import { compareSets } from "./compare.ts";

describe("compareSets", () => {
  it("lists the instruments gained and lost between two evaluations", () => {
    const before = buildRecommendationSet({ kkkKnown: false });
    const after = buildRecommendationSet({ kkkKnown: true });
    const forward = compareSets(before, after);
    expect(forward.gained.map((r) => r.instrumentId)).toEqual(["kkk-internationalisation"]);
    expect(forward.lost).toEqual([]);
    expect(forward.kept.map((r) => r.instrumentId)).toEqual(["feng-2-17-rozwoj-oferty-klastrow"]);
    expect(compareSets(after, before).lost.map((r) => r.instrumentId)).toEqual([
      "kkk-internationalisation",
    ]);
  });
});
