import { describe, expect, it } from "vitest";
import { todayInPoland } from "./call-status.ts";

describe("todayInPoland", () => {
  it("uses the Polish calendar day, not UTC's", () => {
    // 23:30 UTC on 31 December is already 1 January in Warsaw (UTC+1 in winter).
    expect(todayInPoland(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
  });
});
