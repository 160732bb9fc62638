import { describe, expect, it } from "vitest";
import { todayInPoland } from "./call-status.ts";

describe("todayInPoland", () => {
  it("uses the Polish calendar day, not UTC's", () => {
    // 23:30 UTC on 31 December is already 1 January in Warsaw (UTC+1 in winter).
    expect(todayInPoland(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
  });

  it("answers each call for the moment it is given (the formatter is shared, not its answer)", () => {
    // 22:30 UTC is the next day in summer (UTC+2) and still the same day in winter (UTC+1).
    expect(todayInPoland(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(todayInPoland(new Date("2026-01-30T22:30:00Z"))).toBe("2026-01-30");
  });
});
