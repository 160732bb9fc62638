import { describe, expect, it } from "vitest";
import { availabilityOn, type AvailabilityRecord } from "./availability-on.ts";
import { AvailabilitySchema, type AvailabilityInput } from "./schemas/availability.ts";

const SOURCE = "https://example.org/operator";

function record(
  availability: AvailabilityInput,
  confidence: "H" | "M" | "L" = "H",
): AvailabilityRecord {
  return {
    availability: AvailabilitySchema.parse(availability),
    confidence,
    sources: [{ url: SOURCE }],
  };
}

const note = { pl: "notatka", en: "note" };

// A one-off call, 30.05-29.09.2023 (the shape of FENG 2.17's 2023 call).
const oneOff = record({ calls: [{ opens: "2023-05-30", closes: "2023-09-29" }] });

describe("availabilityOn with dated windows", () => {
  it("is planned before the window opens, with its first day", () => {
    const on = availabilityOn(oneOff, "2023-05-29");
    expect(on).toMatchObject({ status: "planned", opensOn: "2023-05-30", source: SOURCE });
    expect(on.basis.pl).toContain("30.05–29.09.2023");
  });

  it("is not planned years ahead of a window nobody had announced then", () => {
    const early = availabilityOn(oneOff, "2021-06-01");
    expect(early.status).toBe("unknown");
    expect(early.basis.en).toContain("opens only on 30 May 2023");
    expect(availabilityOn(oneOff, "2022-05-30").status).toBe("planned");
  });

  it("is open on the first and the last day, with the deadline and the days left", () => {
    expect(availabilityOn(oneOff, "2023-05-30")).toMatchObject({
      status: "open",
      deadline: "2023-09-29",
      daysLeft: 122,
    });
    expect(availabilityOn(oneOff, "2023-09-29")).toMatchObject({ status: "open", daysLeft: 0 });
  });

  it("is closed the day after, naming the last window and its closing day", () => {
    const on = availabilityOn(oneOff, "2023-09-30");
    expect(on).toMatchObject({ status: "closed", lastClosed: "2023-09-29" });
    expect(on.basis.en).toContain("Last known call");
  });

  it("never opens on a window from a weak (L) source, which stays unknown", () => {
    const weak = record({
      calls: [{ opens: "2026-09-16", closes: "2026-11-04", confidence: "L" }],
    });
    expect(availabilityOn(weak, "2026-10-01").status).toBe("unknown");
  });

  it("is expected, not open, inside a window a schedule gives only to the quarter", () => {
    const scheduled = record({
      calls: [{ opens: "2027-01-01", closes: "2027-03-31", precision: "quarter" }],
    });
    expect(availabilityOn(scheduled, "2027-02-01")).toMatchObject({
      status: "expected",
      window: { precision: "quarter" },
    });
    expect(availabilityOn(scheduled, "2026-12-02").status).toBe("expected");
  });
});

describe("availabilityOn for the real end", () => {
  const ended = record({
    calls: [{ opens: "2020-04-15", closes: "2020-09-30" }],
    ended: { on: "2023-12-31", rule: "eu_2014_2020", source: SOURCE },
  });

  it("is closed between the last call and the end of eligibility, ended after it", () => {
    expect(availabilityOn(ended, "2023-12-31").status).toBe("closed");
    const after = availabilityOn(ended, "2024-01-01");
    expect(after.status).toBe("ended");
    expect(after.basis.pl).toContain("1303/2013");
  });
});

describe("availabilityOn for a yearly call", () => {
  // The shape of Mazovia's yearly budget grant: January-March windows in 2021, 2024 and 2025.
  const yearly = record({
    calls: [
      { opens: "2021-02-08", closes: "2021-03-02" },
      { opens: "2024-01-15", closes: "2024-02-12" },
      { opens: "2025-01-18", closes: "2025-02-10" },
    ],
    recurrence: { cycle: "yearly", note, source: SOURCE, confidence: "H" },
  });

  it("expects the next year's window from the months the past windows used", () => {
    const on = availabilityOn(yearly, "2026-12-02");
    expect(on).toMatchObject({
      status: "expected",
      window: { opens: "2027-01-01", closes: "2027-03-31", precision: "month" },
      seenYears: [2021, 2024, 2025],
      lastClosed: "2025-02-10",
    });
    expect(on.basis.pl).toContain("styczeń–marzec 2027");
    expect(on.basis.pl).toContain("2021, 2024, 2025");
  });

  it("says a window is usual around now when this year's call is not dated", () => {
    expect(availabilityOn(yearly, "2026-02-01").window?.opens).toBe("2026-01-01");
  });

  it("is open, not expected, inside a dated window", () => {
    expect(availabilityOn(yearly, "2025-02-01").status).toBe("open");
  });

  it("stops expecting after two years with no call seen, and says when it was last seen", () => {
    expect(availabilityOn(yearly, "2027-12-31").status).toBe("expected");
    const lapsed = availabilityOn(yearly, "2028-01-01");
    expect(lapsed.status).toBe("closed");
    expect(lapsed.basis.en).toContain("2025");
  });

  it("says nothing of a recurrence before its first known window", () => {
    expect(availabilityOn(yearly, "2019-06-01").status).toBe("unknown");
    expect(availabilityOn(yearly, "2020-06-01").status).toBe("planned");
  });
});

describe("availabilityOn for rounds of a status", () => {
  // The shape of the KKK status competition: rounds in some years, a status valid 3 years.
  const rounds = record({
    calls: [
      { opens: "2015-01-01", closes: "2015-12-31", precision: "year" },
      { opens: "2016-01-01", closes: "2016-12-31", precision: "year" },
      { opens: "2021-05-31", closes: "2021-09-13" },
    ],
    recurrence: {
      cycle: "irregular",
      statusValidYears: 3,
      note,
      source: SOURCE,
      confidence: "H",
    },
  });

  it("expects a next round with no date, saying the years and the validity", () => {
    const on = availabilityOn(rounds, "2024-03-01");
    expect(on.status).toBe("expected");
    expect(on.window).toBeUndefined();
    expect(on.basis.pl).toContain("2015, 2016, 2021");
    expect(on.basis.pl).toContain("3 lata");
  });

  it("lapses to closed when no round is seen for longer than the widest gap", () => {
    expect(availabilityOn(rounds, "2026-12-31").status).toBe("expected");
    expect(availabilityOn(rounds, "2027-01-01").status).toBe("closed");
  });
});

describe("availabilityOn for continuous offers and programmes", () => {
  it("is available until the day its source gives, and closed after", () => {
    const guarantee = record({
      continuous: {
        from: "2023-03-14",
        until: "2029-12-31",
        note,
        source: SOURCE,
        confidence: "M",
      },
    });
    expect(availabilityOn(guarantee, "2026-12-02")).toMatchObject({
      status: "available",
      confidence: "M",
    });
    expect(availabilityOn(guarantee, "2030-01-01").status).toBe("closed");
    expect(availabilityOn(guarantee, "2022-01-01").status).toBe("unknown");
  });

  it("holds a source's confirmation for a year, then says it is stale", () => {
    const offer = record({
      continuous: { confirmedOn: "2025-03-01", note, source: SOURCE, confidence: "M" },
    });
    expect(availabilityOn(offer, "2026-03-01").status).toBe("available");
    const stale = availabilityOn(offer, "2026-03-02");
    expect(stale.status).toBe("unknown");
    expect(stale.basis.pl).toContain("01.03.2025");
  });

  it("says a programme runs with no confirmed call, and never that it is open", () => {
    const programme = record({
      programme: { from: "2022-12-08", note, source: SOURCE, confidence: "M" },
    });
    expect(availabilityOn(programme, "2026-12-02").status).toBe("programme_running");
    expect(availabilityOn(programme, "2022-01-01").status).toBe("unknown");
  });

  it("is unknown when nothing is dated", () => {
    const on = availabilityOn(record({}), "2026-12-02");
    expect(on.status).toBe("unknown");
    expect(on.basis.en).toBe("The sources give no call dates");
  });
});
