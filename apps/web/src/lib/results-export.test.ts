import { describe, expect, it } from "vitest";
import { buildRecommendationSet } from "../testing/recommendations.ts";
import { resultsCsv } from "./results-export.ts";

describe("resultsCsv", () => {
  it("writes one row per listed instrument with its group, quoting text with separators", () => {
    const lines = resultsCsv(buildRecommendationSet())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]?.startsWith("group,instrument_id,name")).toBe(true);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain("eligible,feng-2-17-rozwoj-oferty-klastrow");
    expect(lines[3]).toContain("near_miss,regional-growth-cluster-grant");
    expect(lines.some((line) => line.includes("far-away-instrument"))).toBe(false);
  });
});
