import { describe, expect, it } from "vitest";
import { buildRecommendationSet } from "../testing/recommendations.ts";
import { resultsCsv } from "./results-export.ts";

describe("resultsCsv", () => {
  it("writes one row per listed instrument in the page's order, with status, dates, amounts and links", () => {
    const lines = resultsCsv(buildRecommendationSet())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const header = lines[0]?.split(",") ?? [];
    expect(header.slice(0, 3)).toEqual(["applicant", "instrument_id", "name"]);
    expect(lines).toHaveLength(4);
    const cell = (line: string | undefined, column: string) =>
      line?.split(",")[header.indexOf(column)];
    expect(cell(lines[1], "instrument_id")).toBe("feng-2-17-rozwoj-oferty-klastrow");
    expect(cell(lines[1], "deadline")).toBe("2026-12-15");
    expect(cell(lines[1], "days_left")).toBe("16");
    expect(cell(lines[3], "applicant")).toBe("member_firms");
    expect(cell(lines[3], "call_budget")).toBe("20000000");
    expect(cell(lines[3], "call_url")).toBe("https://example.org/nabor-2027");
    expect(lines.some((line) => line.includes("far-away-instrument"))).toBe(false);
  });
});
