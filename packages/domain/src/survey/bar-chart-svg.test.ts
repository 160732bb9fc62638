import { describe, expect, it } from "vitest";
import { barChartSvg } from "./bar-chart-svg.ts";

describe("barChartSvg", () => {
  it("draws one bar per count, scaled to the largest, and none for a protected count", () => {
    const svg = barChartSvg(
      [
        { label: "Koordynator", value: 10 },
        { label: "Firmy", value: 5 },
        { label: "Nauka <i>", value: "<3" },
      ],
      { title: "Kto potrzebuje", width: 500 },
    );
    const widths = [...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[0]).toBe(widths[1]! * 2);
    expect(svg).toContain("&lt;3");
    expect(svg).toContain("Nauka &lt;i&gt;");
    expect(svg).toContain("<title>Kto potrzebuje</title>");
  });
});
