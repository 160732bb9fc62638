import { describe, expect, it } from "vitest";
import { slope } from "./heap-soak.ts";

describe("slope", () => {
  it("gives the least-squares slope of noisy samples around a line", () => {
    const points = [0, 0.5, 1, 1.5, 2, 2.5, 3].map((x, i) => ({
      x,
      y: 40 + 2 * x + (i % 2 === 0 ? 0.1 : -0.1),
    }));
    expect(slope(points)).toBeCloseTo(2, 1);
  });

  it("is zero for a flat heap and for fewer than two samples", () => {
    expect(slope([0, 1, 2].map((x) => ({ x, y: 38 })))).toBe(0);
    expect(slope([{ x: 0, y: 38 }])).toBe(0);
  });
});
