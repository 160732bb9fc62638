/**
 * Guards the time model of the shipped catalogue: on every month from 2015 to 2027 "open" rests
 * on a day-exact window that is not weak, an instrument past its end is "ended", regional
 * programmes are never open, closed EU periods stay closed, recurring calls are expected with
 * their history, continuous offers are available only between dated bounds, and the catalogue
 * passes its own check today.
 */
import { describe, expect, it } from "vitest";
import {
  availabilityOn,
  resolveWindows,
  todayInPoland,
  type Instrument,
  type IsoDate,
} from "@klastry/domain";
import { checkCatalogue, formatCatalogueIssues } from "./check-catalogue.ts";
import { loadKnowledgeBase } from "./load-knowledge-base.ts";
import { instrumentById } from "./lookup.ts";
import { internalWordIn } from "./user-facing-text.ts";

const kb = loadKnowledgeBase();
const REFERENCE: IsoDate = "2026-12-02";

function instrument(id: string): Instrument {
  const found = instrumentById(kb, id);
  if (!found) throw new Error(`no instrument ${id}`);
  return found;
}

/** The first day of every month from `from` (YYYY-MM) to `to` (YYYY-MM), inclusive. */
function monthStarts(from: string, to: string): IsoDate[] {
  const days: IsoDate[] = [];
  let [year, month] = from.split("-").map(Number) as [number, number];
  const [endYear, endMonth] = to.split("-").map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    days.push(`${year}-${String(month).padStart(2, "0")}-01`);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return days;
}

const MONTHS = monthStarts("2015-01", "2027-12");

function openWindowContains(i: Instrument, date: IsoDate): boolean {
  return resolveWindows(i).some(
    (w) => w.precision === "day" && w.confidence !== "L" && w.opens <= date && date <= w.closes,
  );
}

describe("shipped availability: on every month from 2015 to 2027", () => {
  it("covers 156 months", () => {
    expect(MONTHS).toHaveLength(156);
    expect(MONTHS[0]).toBe("2015-01-01");
    expect(MONTHS.at(-1)).toBe("2027-12-01");
  });

  it("says open only inside a day-exact window from a source that is not weak", () => {
    const unfounded: string[] = [];
    let opens = 0;
    for (const date of MONTHS) {
      for (const i of kb.instruments) {
        if (availabilityOn(i, date).status !== "open") continue;
        opens += 1;
        if (!openWindowContains(i, date)) unfounded.push(`${i.id} ${date}`);
      }
    }
    expect(unfounded).toEqual([]);
    // The loop is not empty: dated calls of the catalogue are open on some month starts.
    expect(opens).toBeGreaterThan(10);
  });

  it("says ended, and nothing else, for every day after an instrument's end", () => {
    const wrong: string[] = [];
    const withEnd = kb.instruments.filter((i) => i.availability.ended !== undefined);
    expect(withEnd.length).toBeGreaterThanOrEqual(15);
    for (const date of MONTHS) {
      for (const i of withEnd) {
        const end = i.availability.ended?.on as IsoDate;
        if (date > end && availabilityOn(i, date).status !== "ended") wrong.push(`${i.id} ${date}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("never says open or gives a ranking-worthy status to a regional programme record", () => {
    const programmes = kb.instruments.filter(
      (i) => i.kind === "programme_priority" && i.level === "regional",
    );
    expect(programmes).toHaveLength(16);
    for (const date of MONTHS) {
      for (const p of programmes) {
        expect(["programme_running", "unknown"], `${p.id} ${date}`).toContain(
          availabilityOn(p, date).status,
        );
      }
    }
    for (const p of programmes) {
      expect(availabilityOn(p, REFERENCE).status, p.id).toBe("programme_running");
    }
  });

  it("keeps every 2014-2020 and 2007-2013 record closed or ended in 2024-2026", () => {
    const oldPeriods = kb.instruments.filter((i) =>
      ["eu_2014_2020", "eu_2007_2013"].includes(i.availability.ended?.rule ?? ""),
    );
    const ids = oldPeriods.map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "poir-2-3-3-umiedzynarodowienie-kkk",
        "poir-3-3-3-go-to-brand",
        "poir-rozwoj-potencjalu-koordynatorow-kkk",
        "popw-ponadregionalne-powiazania-kooperacyjne",
        "popw-wzor-na-konkurencje",
        "dolnoslaski-bon-na-innowacje",
        "malopolska-bony-na-innowacje",
        "lubuskie-targi-i-misje",
        "kujawsko-pomorskie-fundusz-powiazan-kooperacyjnych",
        "swietokrzyskie-powiazania-kooperacyjne-2007-2013",
      ]),
    );
    const named = [
      "cosme",
      "pomorskie-regionalny-program-wspierania-klastrow",
      "escp-4i-clusters-go-international",
    ];
    for (const date of monthStarts("2024-01", "2026-12")) {
      for (const i of [...oldPeriods, ...named.map(instrument)]) {
        expect(["closed", "ended"], `${i.id} ${date}`).toContain(availabilityOn(i, date).status);
      }
    }
  });

  it("writes every basis in both languages without naming how the catalogue was made", () => {
    const leaks: string[] = [];
    for (const date of MONTHS.filter((_, n) => n % 6 === 0)) {
      for (const i of kb.instruments) {
        const { basis } = availabilityOn(i, date);
        expect(basis.pl.trim(), i.id).not.toBe("");
        expect(basis.en.trim(), i.id).not.toBe("");
        const word = internalWordIn(basis.pl) ?? internalWordIn(basis.en);
        if (word) leaks.push(`${i.id} ${date}: ${word}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});

describe("shipped availability: what a coordinator sees on 2026-12-02", () => {
  it("says open only where a day-exact window that is not weak contains the day", () => {
    for (const i of kb.instruments) {
      if (availabilityOn(i, REFERENCE).status === "open") {
        expect(openWindowContains(i, REFERENCE), i.id).toBe(true);
      }
    }
  });

  it("expects the Mazovian cluster grant in January-March 2027, from its yearly calls", () => {
    const on = availabilityOn(instrument("mazowsze-dotacje-dla-klastrow"), REFERENCE);
    expect(on.status).toBe("expected");
    expect(on.window).toEqual({ opens: "2027-01-01", closes: "2027-03-31", precision: "month" });
    expect(on.seenYears).toEqual(expect.arrayContaining([2019, 2021, 2024, 2025]));
    expect(on.lastClosed).toBe("2025-02-10");
  });

  it("shows KKK status as an expected round (never open) resting on its past rounds", () => {
    const kkk = instrument("kkk-status");
    expect(kkk.availability.recurrence?.statusValidYears).toBe(3);
    const on = availabilityOn(kkk, REFERENCE);
    expect(["expected", "unknown"]).toContain(on.status);
    expect(on.seenYears).toEqual(expect.arrayContaining([2015, 2016, 2021, 2022]));
    expect(on.basis.en).toContain("2021");
    for (const date of MONTHS) expect(availabilityOn(kkk, date).status, date).not.toBe("ended");
    expect(availabilityOn(kkk, "2021-06-01").status).toBe("open");
  });

  it("derives the next I3 and Ścieżka SMART calls from their yearly history", () => {
    const i3 = availabilityOn(instrument("i3-interregional-innovation-investments"), REFERENCE);
    expect(i3.status).toBe("expected");
    expect(i3.window?.opens.slice(0, 4)).toBe("2027");
    expect(i3.seenYears).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    for (const id of ["feng-1-1-sciezka-smart", "feng-1-1-sciezka-smart-konsorcja"]) {
      const on = availabilityOn(instrument(id), REFERENCE);
      expect(on.status, id).toBe("expected");
      expect(on.seenYears, id).toContain(2026);
    }
  });

  it("expects Małopolska's innovation vouchers in Q1 2027 from the published schedule", () => {
    const on = availabilityOn(instrument("fem-1-2-bony-na-innowacje-malopolska"), REFERENCE);
    expect(on.status).toBe("expected");
    expect(on.window).toMatchObject({
      opens: "2027-01-01",
      closes: "2027-03-31",
      precision: "quarter",
    });
  });

  it("keeps weak leads (L) from making anything open: Horizon Bridge stays unknown", () => {
    const bridge = instrument("parp-horizon-bridge");
    expect(bridge.confidence).toBe("L");
    expect(availabilityOn(bridge, REFERENCE).status).toBe("unknown");
    expect(bridge.maintainerNotes).toContain("15 Oct - 15 Dec 2026");
  });

  it("ends the closed EU periods on their legal or sourced end, never on a verification day", () => {
    const ends: Record<string, [IsoDate, string]> = {
      cosme: ["2021-02-02", "source"],
      "poir-rozwoj-potencjalu-koordynatorow-kkk": ["2023-12-31", "eu_2014_2020"],
      "popw-wzor-na-konkurencje": ["2023-12-31", "eu_2014_2020"],
      "kujawsko-pomorskie-fundusz-powiazan-kooperacyjnych": ["2015-12-31", "eu_2007_2013"],
      "pomorskie-regionalny-program-wspierania-klastrow": ["2015-12-31", "programme_name"],
      "pomorskie-smart-progress": ["2022-12-31", "source"],
    };
    for (const [id, [on, rule]] of Object.entries(ends)) {
      expect(instrument(id).availability.ended, id).toMatchObject({ on, rule });
    }
    for (const i of kb.instruments) {
      if (i.availability.ended) expect(i.availability.ended.on, i.id).not.toBe(i.lastVerified);
    }
  });
});

describe("shipped availability: continuous offers and programme periods", () => {
  it("makes an offer available only between the days its source dates", () => {
    expect(availabilityOn(instrument("enterprise-europe-network"), REFERENCE).status).toBe(
      "available",
    );
    expect(availabilityOn(instrument("enterprise-europe-network"), "2025-06-30").status).not.toBe(
      "available",
    );
    const loan = instrument("kpo-pozyczka-na-cyfryzacje");
    expect(availabilityOn(loan, "2025-10-01").status).toBe("available");
    expect(availabilityOn(loan, REFERENCE).status).toBe("ended");
  });

  it("leaves offers without a dated start or confirmation unknown, not open", () => {
    for (const id of [
      "gwarancja-biznesmax-plus",
      "gwarancja-ekomax",
      "gwarancja-de-minimis",
      "esca-cluster-management-excellence-labels",
    ]) {
      expect(availabilityOn(instrument(id), REFERENCE).status, id).toBe("unknown");
    }
    expect(availabilityOn(instrument("gwarancja-biznesmax-plus"), "2030-01-01").status).toBe(
      "closed",
    );
    expect(availabilityOn(instrument("eccp-platform"), "2024-09-01").status).toBe("available");
    expect(availabilityOn(instrument("eccp-platform"), REFERENCE).status).toBe("unknown");
  });

  it("says closed, not programme running, once a programme has said there is no further call", () => {
    expect(availabilityOn(instrument("interreg-europe"), REFERENCE).status).toBe("closed");
    expect(availabilityOn(instrument("interreg-central-europe"), REFERENCE).status).toBe("closed");
    expect(availabilityOn(instrument("interreg-baltic-sea-region"), REFERENCE).status).toBe(
      "programme_running",
    );
  });
});

describe("shipped availability: the catalogue check", () => {
  it("passes on the reference day and today with no errors", () => {
    for (const day of [REFERENCE, todayInPoland()]) {
      const errors = checkCatalogue(kb, day).filter((i) => i.severity === "error");
      expect(formatCatalogueIssues(errors), day).toBe("");
    }
  });
});
