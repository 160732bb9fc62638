/**
 * Guards the catalogue shipped in data/: minimum coverage, provenance on every record, fictional
 * sample clusters, and the call status of a few real records on dates the sources give.
 */
import { describe, expect, it } from "vitest";
import {
  ActorTypes,
  callStatusOn,
  Levels,
  REGION_CODES,
  SupportFunctions,
  type IsoDate,
} from "@klastry/domain";
import { loadKnowledgeBase } from "./load-knowledge-base.ts";
import { instrumentById } from "./lookup.ts";

const kb = loadKnowledgeBase();
const FACTS_COMPILED: IsoDate = "2026-11-29";

describe("shipped knowledge base: minimums", () => {
  it("has at least 40 instruments, with at least one per level", () => {
    expect(kb.instruments.length).toBeGreaterThanOrEqual(40);
    for (const level of Levels.codes) {
      expect(kb.instruments.filter((i) => i.level === level).length, level).toBeGreaterThan(0);
    }
  });

  it("has at least 12 funding sources, each used by some instrument", () => {
    expect(kb.fundingSources.length).toBeGreaterThanOrEqual(12);
    const used = new Set(kb.instruments.flatMap((i) => i.fundingSources));
    expect(kb.fundingSources.filter((s) => !used.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it("has a regional programme record for each of the 16 voivodeships", () => {
    const programmes = kb.instruments.filter(
      (i) => i.kind === "programme_priority" && i.level === "regional",
    );
    const covered = new Set(programmes.flatMap((i) => i.regions));
    expect([...covered].sort()).toEqual([...REGION_CODES].sort());
    for (const programme of programmes) {
      // The record must say plainly that it is not a confirmed cluster measure.
      expect(programme.description.pl, programme.id).toContain(
        "Nie potwierdzono działania przeznaczonego dla klastrów",
      );
      expect(programme.description.en, programme.id).toContain(
        "No cluster-specific measure was confirmed",
      );
      expect(programme.clusterSpecific, programme.id).toBe(false);
    }
  });

  it("serves every support function with at least one instrument", () => {
    const served = new Set(kb.instruments.flatMap((i) => i.functions));
    expect(SupportFunctions.codes.filter((code) => !served.has(code))).toEqual([]);
  });

  it("makes every actor type eligible somewhere", () => {
    const eligible = new Set(kb.instruments.flatMap((i) => i.eligibleActors));
    expect(ActorTypes.codes.filter((code) => !eligible.has(code))).toEqual([]);
  });

  it("gives national and EU instruments open to all of Poland all 16 regions", () => {
    // FEPW serves eastern Poland only (facts.md N19): the served subset, not the whole country.
    expect([...(instrumentById(kb, "fepw-wzornictwo-w-msp")?.regions ?? [])].sort()).toEqual([
      "06",
      "14",
      "18",
      "20",
      "26",
      "28",
    ]);
    expect(instrumentById(kb, "feng-2-17-rozwoj-oferty-klastrow")?.regions).toHaveLength(16);
    expect(instrumentById(kb, "euroclusters")?.regions).toHaveLength(16);
  });
});

describe("shipped knowledge base: provenance", () => {
  it("gives every instrument a source url, a lastVerified date not after compilation, and a confidence", () => {
    for (const instrument of kb.instruments) {
      expect(instrument.sources.length, instrument.id).toBeGreaterThan(0);
      for (const source of instrument.sources)
        expect(source.url, instrument.id).toMatch(/^https?:\/\//);
      expect(instrument.lastVerified <= FACTS_COMPILED, instrument.id).toBe(true);
      expect(["H", "M", "L"], instrument.id).toContain(instrument.confidence);
    }
  });

  it("gives every funding source and public task a source url", () => {
    for (const source of kb.fundingSources)
      expect(source.sources[0]?.url, source.id).toMatch(/^https?:\/\//);
    for (const task of kb.publicTasks)
      expect(task.sources[0]?.url, task.code).toMatch(/^https?:\/\//);
  });

  it("keeps an amount's purpose explicit and rates within 0-100", () => {
    for (const instrument of kb.instruments) {
      if (instrument.amount) expect(instrument.amount.of, instrument.id).toBeTruthy();
      if (instrument.maxCoFinancingRate !== undefined) {
        expect(instrument.maxCoFinancingRate, instrument.id).toBeGreaterThan(0);
        expect(instrument.maxCoFinancingRate, instrument.id).toBeLessThanOrEqual(100);
      }
    }
  });

  it("links closed predecessors to their successors", () => {
    expect(instrumentById(kb, "poir-3-3-3-go-to-brand")?.predecessorOf).toBe(
      "feng-2-25-promocja-marki-innowacyjnych-msp",
    );
    expect(instrumentById(kb, "popw-wzor-na-konkurencje")?.predecessorOf).toBe(
      "fepw-wzornictwo-w-msp",
    );
  });

  it("requires KKK or supra-regional growth-cluster standing for FENG 2.17, and KKK for POIR 2.3.3", () => {
    const feng217 = instrumentById(kb, "feng-2-17-rozwoj-oferty-klastrow");
    expect(feng217?.eligibleActors).toEqual(["coordinator"]);
    expect(feng217?.prerequisites).toEqual(
      expect.arrayContaining(["kkk_status", "supra_regional_growth_cluster"]),
    );
    expect(instrumentById(kb, "poir-2-3-3-umiedzynarodowienie-kkk")?.prerequisites).toEqual([
      "kkk_status",
    ]);
  });
});

describe("shipped knowledge base: sample clusters", () => {
  it("has at least 12 fictional sample clusters over at least 8 regions", () => {
    expect(kb.sampleClusters.length).toBeGreaterThanOrEqual(12);
    const regions = new Set(
      kb.sampleClusters.flatMap((c) => c.assessments.map((a) => a.cluster.region)),
    );
    expect(regions.size).toBeGreaterThanOrEqual(8);
  });

  it("marks every sample cluster's name as fictional so nobody takes it for a real organisation", () => {
    for (const sample of kb.sampleClusters) {
      expect(sample.fictional).toBe(true);
      for (const assessment of sample.assessments) {
        expect(assessment.cluster.name, sample.id).toMatch(/^Przykładowy .*\(fikcyjny\)$/);
      }
    }
  });

  it("includes a KKK status valid on one assessment date and expired on another", () => {
    const flips = kb.sampleClusters.filter((sample) => {
      const valid = sample.assessments.map((a) => {
        const until = a.cluster.kkk?.validUntil;
        return a.cluster.kkk?.holds === true && until !== undefined && a.assessedOn <= until;
      });
      return valid.includes(true) && valid.includes(false);
    });
    expect(flips.length).toBeGreaterThan(0);
  });

  it("includes assessments with unanswered facts, so rules can say they can't tell yet", () => {
    const withGaps = kb.sampleClusters
      .flatMap((s) => s.assessments)
      .filter((a) => a.cluster.kkk === undefined || a.cluster.foundedYear === undefined);
    expect(withGaps.length).toBeGreaterThan(0);
  });
});

describe("shipped knowledge base: call status of real records", () => {
  const statusOf = (id: string, date: IsoDate) => {
    const instrument = instrumentById(kb, id);
    if (!instrument) throw new Error(`no instrument ${id}`);
    return callStatusOn(instrument, date);
  };

  it("FENG 2.17 is planned before, open during and closed after its 2023 call", () => {
    expect(statusOf("feng-2-17-rozwoj-oferty-klastrow", "2023-04-25")).toEqual({
      status: "planned",
      opensOn: "2023-05-30",
    });
    expect(statusOf("feng-2-17-rozwoj-oferty-klastrow", "2023-06-01")).toEqual({
      status: "open",
      deadline: "2023-09-29",
    });
    expect(statusOf("feng-2-17-rozwoj-oferty-klastrow", "2023-09-29").status).toBe("open");
    expect(statusOf("feng-2-17-rozwoj-oferty-klastrow", "2024-01-01").status).toBe("closed");
  });

  it("the Mazovian grants for clusters are open during the 2024 call and closed after it", () => {
    expect(statusOf("mazowsze-dotacje-dla-klastrow", "2024-02-01")).toEqual({
      status: "open",
      deadline: "2024-02-12",
    });
    expect(statusOf("mazowsze-dotacje-dla-klastrow", "2024-02-13").status).toBe("closed");
    expect(statusOf("mazowsze-dotacje-dla-klastrow", "2022-06-01")).toEqual({
      status: "planned",
      opensOn: "2024-01-15",
    });
  });

  it("closed predecessors (POIR, POPW, COSME, RPO 2014-2020 and 2007-2013) are closed today", () => {
    // A standing block or an open-ended window added to one of these would reopen it.
    const predecessors = [
      "poir-2-3-3-umiedzynarodowienie-kkk",
      "poir-rozwoj-potencjalu-koordynatorow-kkk",
      "poir-3-3-3-go-to-brand",
      "cosme",
      "popw-wzor-na-konkurencje",
      "popw-ponadregionalne-powiazania-kooperacyjne",
      "pomorskie-smart-progress",
      "dolnoslaski-bon-na-innowacje",
      "malopolska-bony-na-innowacje",
      "pomorskie-regionalny-program-wspierania-klastrow",
      "kujawsko-pomorskie-fundusz-powiazan-kooperacyjnych",
      "swietokrzyskie-powiazania-kooperacyjne-2007-2013",
    ];
    for (const id of predecessors) {
      expect(statusOf(id, FACTS_COMPILED).status, id).toBe("closed");
      expect(instrumentById(kb, id)?.standing, id).toBeUndefined();
    }
  });

  it("closed or historical records without a dated window end by a named day and say what it means", () => {
    // Known closed by lastVerified; the exact end was not in the sources, so before it: unknown.
    const knownClosedBy = [
      "poir-rozwoj-potencjalu-koordynatorow-kkk",
      "popw-ponadregionalne-powiazania-kooperacyjne",
      "cosme",
      "dolnoslaski-bon-na-innowacje",
      "kujawsko-pomorskie-fundusz-powiazan-kooperacyjnych",
      "swietokrzyskie-powiazania-kooperacyjne-2007-2013",
      "pomorskie-regionalny-program-wspierania-klastrow",
      "lubuskie-targi-i-misje",
    ];
    for (const id of knownClosedBy) {
      const instrument = instrumentById(kb, id);
      expect(instrument?.callWindows, id).toEqual([]);
      expect(instrument?.endedBy, id).toBe(instrument?.lastVerified);
      expect(instrument?.notes?.en, id).toContain(
        "known closed by this date; the exact end was not in the sources",
      );
      expect(instrument?.notes?.pl, id).toContain("dokładnej daty końca nie było w źródłach");
      expect(statusOf(id, FACTS_COMPILED).status, id).toBe("closed");
      expect(statusOf(id, "2026-11-28").status, id).toBe("unknown");
    }
  });

  it("records whose status facts.md leaves open have no invented date and are unknown today", () => {
    const openQuestions = [
      "edih-digital-europe",
      "horizon-europe-cluster-4",
      "i3-interregional-innovation-investments",
      "interreg-a-cross-border",
      "interreg-south-baltic",
      "investeu-investmax",
      "kpo-pozyczka-na-cyfryzacje",
      "kredyt-technologiczny",
      "polskie-mosty-technologiczne",
      "benchmarking-klastrow-parp",
      "rada-krajowych-klastrow-kluczowych",
      "mazowiecki-klaster-kluczowy",
      "opolskie-regionalny-klaster-kluczowy",
      "wielkopolska-certyfikacja-inicjatyw-klastrowych",
      "lubelskie-marketing-gospodarczy-ii",
      "pomorskie-smart-green-progress",
    ];
    for (const id of openQuestions) {
      const instrument = instrumentById(kb, id);
      expect(instrument?.endedBy, id).toBeUndefined();
      expect(instrument?.standing, id).toBeUndefined();
      expect(instrument?.callWindows, id).toEqual([]);
      expect(statusOf(id, FACTS_COMPILED), id).toEqual({ status: "unknown" });
    }
  });

  it("claims closed today only for records with a past window, a past standing end or an endedBy", () => {
    for (const instrument of kb.instruments) {
      if (callStatusOn(instrument, FACTS_COMPILED).status !== "closed") continue;
      const dated =
        instrument.callWindows.length > 0 ||
        instrument.standing?.until !== undefined ||
        (instrument.endedBy !== undefined && instrument.endedBy <= FACTS_COMPILED);
      expect(dated, instrument.id).toBe(true);
    }
  });

  it("Euroclusters 2024 call is open on 2025-01-15 and FEPW Wzornictwo on 2024-06-01", () => {
    expect(statusOf("euroclusters", "2025-01-15")).toEqual({
      status: "open",
      deadline: "2025-02-05",
    });
    expect(statusOf("fepw-wzornictwo-w-msp", "2024-06-01")).toEqual({
      status: "open",
      deadline: "2024-07-02",
    });
  });
});
