import { describe, expect, it } from "vitest";
import { callStatusOn, todayInPoland } from "./call-status.ts";

// FENG 2.17, 2023 call: applications 30.05-29.09.2023 (facts.md section 3.1, N2).
const feng217 = { callWindows: [{ opens: "2023-05-30", closes: "2023-09-29" }] };

describe("callStatusOn", () => {
  it("is planned before the window opens, with the opening day", () => {
    expect(callStatusOn(feng217, "2023-05-29")).toEqual({
      status: "planned",
      opensOn: "2023-05-30",
    });
  });

  it("is open on the first and the last day, with the deadline", () => {
    expect(callStatusOn(feng217, "2023-05-30")).toEqual({ status: "open", deadline: "2023-09-29" });
    expect(callStatusOn(feng217, "2023-09-29")).toEqual({ status: "open", deadline: "2023-09-29" });
  });

  it("is closed the day after the deadline", () => {
    expect(callStatusOn(feng217, "2023-09-30").status).toBe("closed");
  });

  it("picks the window that contains the date among several, in any order", () => {
    const yearly = {
      callWindows: [
        { opens: "2024-01-15", closes: "2024-02-12" },
        { opens: "2021-02-08", closes: "2021-03-02" },
      ],
    };
    expect(callStatusOn(yearly, "2022-06-01")).toEqual({
      status: "planned",
      opensOn: "2024-01-15",
    });
    expect(callStatusOn(yearly, "2021-02-10")).toEqual({ status: "open", deadline: "2021-03-02" });
  });

  it("keeps a window without a close open until the record ended", () => {
    const standing = { callWindows: [{ opens: "2020-10-30" }], endedBy: "2023-12-31" };
    expect(callStatusOn(standing, "2021-01-01")).toEqual({ status: "open" });
    expect(callStatusOn(standing, "2024-01-01")).toEqual({ status: "closed" });
  });

  it("is unknown when the sources date nothing, rather than claiming closed", () => {
    expect(callStatusOn({ callWindows: [] }, "2025-01-01").status).toBe("unknown");
  });

  it("is closed without windows once the record is known to have ended, unknown before", () => {
    expect(callStatusOn({ callWindows: [], endedBy: "2024-01-01" }, "2025-01-01").status).toBe(
      "closed",
    );
    expect(callStatusOn({ callWindows: [], endedBy: "2024-01-01" }, "2023-06-01").status).toBe(
      "unknown",
    );
  });
});

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

describe("callStatusOn for standing offers", () => {
  // Biznesmax Plus: loans disbursed by 31.12.2029 (facts.md N12); no call windows.
  const guarantee = {
    callWindows: [],
    standing: { until: "2029-12-31", basis: { pl: "do 31.12.2029", en: "until 31.12.2029" } },
  };

  it("is open while the offer runs and closed after its last day", () => {
    expect(callStatusOn(guarantee, "2026-11-29")).toEqual({ status: "open" });
    expect(callStatusOn(guarantee, "2030-01-01").status).toBe("closed");
  });

  it("is planned before a known start", () => {
    const programme = {
      callWindows: [],
      standing: { from: "2022-12-07", basis: { pl: "x", en: "x" } },
    };
    expect(callStatusOn(programme, "2022-01-01")).toEqual({
      status: "planned",
      opensOn: "2022-12-07",
    });
  });

  it("is closed once the record has ended, whatever the standing offer says", () => {
    expect(callStatusOn({ ...guarantee, endedBy: "2025-01-01" }, "2026-01-01").status).toBe(
      "closed",
    );
  });
});
