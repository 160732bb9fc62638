/**
 * Guards the catalogue shipped in data/: minimum coverage, provenance on every record, who
 * applies, per-applicant amounts apart from call budgets, funding sources only as sourced, and
 * fictional sample clusters. The time model is guarded in shipped-availability.test.ts.
 */
import { describe, expect, it } from "vitest";
import { ActorTypes, Levels, REGION_CODES, SupportFunctions, todayInPoland } from "@klastry/domain";
import { loadKnowledgeBase } from "./load-knowledge-base.ts";
import { instrumentById } from "./lookup.ts";

const kb = loadKnowledgeBase();
const today = todayInPoland();

function instrument(id: string) {
  const found = instrumentById(kb, id);
  if (!found) throw new Error(`no instrument ${id}`);
  return found;
}

describe("shipped knowledge base: minimums", () => {
  it("has at least 80 instruments, with at least 20 per level", () => {
    expect(kb.instruments.length).toBeGreaterThanOrEqual(80);
    for (const level of Levels.codes) {
      expect(kb.instruments.filter((i) => i.level === level).length, level).toBeGreaterThanOrEqual(
        20,
      );
    }
  });

  it("has at least 12 funding sources, each used by some instrument", () => {
    expect(kb.fundingSources.length).toBeGreaterThanOrEqual(12);
    const used = new Set(kb.instruments.flatMap((i) => i.fundingSources));
    expect(kb.fundingSources.filter((s) => !used.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it("has a regional programme record for each of the 16 voivodeships, saying no cluster measure is confirmed", () => {
    const programmes = kb.instruments.filter(
      (i) => i.kind === "programme_priority" && i.level === "regional",
    );
    expect(programmes).toHaveLength(16);
    expect([...new Set(programmes.flatMap((i) => i.regions))].sort()).toEqual(
      [...REGION_CODES].sort(),
    );
    for (const programme of programmes) {
      expect(programme.description.pl, programme.id).toContain(
        "Nie potwierdzono działania przeznaczonego dla klastrów",
      );
      expect(programme.description.en, programme.id).toContain(
        "No cluster-specific measure was confirmed",
      );
      expect(programme.clusterSpecific, programme.id).toBe(false);
      expect(programme.availability.calls, programme.id).toEqual([]);
      expect(programme.availability.programme, programme.id).toBeDefined();
    }
  });

  it("serves every support function and makes every actor type eligible somewhere", () => {
    const served = new Set(kb.instruments.flatMap((i) => i.functions));
    expect(SupportFunctions.codes.filter((code) => !served.has(code))).toEqual([]);
    const eligible = new Set(kb.instruments.flatMap((i) => i.eligibleActors));
    expect(ActorTypes.codes.filter((code) => !eligible.has(code))).toEqual([]);
  });

  it("gives national and EU instruments open to all of Poland all 16 regions, eastern ones their 6", () => {
    for (const id of ["fepw-wzornictwo-w-msp", "fepw-1-2-automatyzacja-i-robotyzacja"]) {
      expect([...instrument(id).regions].sort(), id).toEqual(["06", "14", "18", "20", "26", "28"]);
    }
    for (const id of ["feng-2-17-rozwoj-oferty-klastrow", "euroclusters", "kkk-status"]) {
      expect(instrument(id).regions, id).toHaveLength(16);
    }
  });
});

describe("shipped knowledge base: provenance", () => {
  it("gives every instrument a source url, a confidence and a lastVerified not after today", () => {
    for (const i of kb.instruments) {
      expect(i.sources.length, i.id).toBeGreaterThan(0);
      for (const source of i.sources) expect(source.url, i.id).toMatch(/^https?:\/\//);
      expect(i.lastVerified <= today, i.id).toBe(true);
    }
  });

  it("rests every high-confidence record on at least one official source", () => {
    const records = [...kb.instruments, ...kb.fundingSources];
    const unbacked = records
      .filter((r) => r.confidence === "H" && !r.sources.some((s) => s.official === true))
      .map((r) => r.id);
    expect(unbacked).toEqual([]);
  });

  it("dates the verification of funding sources and public tasks, and sources every task or says why not", () => {
    for (const source of kb.fundingSources) {
      expect(source.lastVerified <= today, source.id).toBe(true);
      expect(source.sources[0]?.url, source.id).toMatch(/^https?:\/\//);
    }
    for (const task of kb.publicTasks) {
      expect(task.lastVerified <= today, task.code).toBe(true);
      expect(task.sources.length > 0 || task.unsourced !== undefined, task.code).toBe(true);
    }
    // The PARP article on FENG 2.17 mentions the working group but describes none of the tasks.
    const parpArticle = "84349:66-mln-zl-na-rozwoj-oferty-klastrow-dla-firm";
    expect(
      kb.publicTasks.filter((t) => t.sources.some((s) => s.url.includes(parpArticle))),
    ).toEqual([]);
  });

  it("keeps rates within 0-100 and an amount's purpose explicit", () => {
    for (const i of kb.instruments) {
      if (i.amount) expect(i.amount.of, i.id).toBeTruthy();
      if (i.maxCoFinancingRate !== undefined) {
        expect(i.maxCoFinancingRate, i.id).toBeGreaterThan(0);
        expect(i.maxCoFinancingRate, i.id).toBeLessThanOrEqual(100);
      }
    }
  });

  it("links closed predecessors to their successors", () => {
    expect(instrument("poir-3-3-3-go-to-brand").predecessorOf).toBe(
      "feng-2-25-promocja-marki-innowacyjnych-msp",
    );
    expect(instrument("popw-wzor-na-konkurencje").predecessorOf).toBe("fepw-wzornictwo-w-msp");
    expect(instrument("malopolska-bony-na-innowacje").predecessorOf).toBe(
      "fem-1-2-bony-na-innowacje-malopolska",
    );
  });
});

describe("shipped knowledge base: who applies and how much one applicant gets", () => {
  it("says who actually applies", () => {
    expect(instrument("eic-accelerator").applicant).toBe("member_firms");
    expect(instrument("kkk-status").applicant).toBe("coordinator");
    expect(instrument("feng-2-17-rozwoj-oferty-klastrow").applicant).toBe("coordinator");
    for (const id of ["gwarancja-biznesmax-plus", "gwarancja-ekomax", "gwarancja-de-minimis"]) {
      expect(instrument(id).applicant, id).toBe("member_firms");
    }
    const interreg = kb.instruments.filter((i) => i.id.startsWith("interreg-"));
    expect(interreg.length).toBeGreaterThanOrEqual(5);
    for (const i of interreg) expect(i.applicant, i.id).toBe("consortium");
    for (const id of [
      "euroclusters",
      "i3-interregional-innovation-investments",
      "feng-1-1-sciezka-smart-konsorcja",
    ]) {
      expect(instrument(id).applicant, id).toBe("consortium");
    }
  });

  it("keeps a call's whole budget apart from what one applicant can get", () => {
    const loan = instrument("kpo-pozyczka-na-cyfryzacje");
    expect(loan.callBudget?.amount).toBe(2_800_000_000);
    expect(loan.amount?.max).toBeUndefined();
    expect(loan.amount?.min).toBe(5_000_000);
    for (const i of kb.instruments) {
      if (
        i.amount?.max !== undefined &&
        i.callBudget !== undefined &&
        i.amount.currency === i.callBudget.currency
      ) {
        expect(i.amount.max, i.id).toBeLessThanOrEqual(i.callBudget.amount);
      }
    }
  });

  it("lists no funding source where the sources state none", () => {
    const unstated = [
      "kkk-status",
      "rada-krajowych-klastrow-kluczowych",
      "polskie-mosty-technologiczne",
      "mazowiecki-klaster-kluczowy",
      "opolskie-regionalny-klaster-kluczowy",
      "wielkopolska-certyfikacja-inicjatyw-klastrowych",
      "podlaskie-centrum-eksportera",
      "lubelskie-marketing-gospodarczy-ii",
      "pomorskie-regionalny-program-wspierania-klastrow",
      "pomorskie-smart-green-progress",
      "dolnoslaski-bon-na-innowacje",
      "malopolska-bony-na-innowacje",
      "fem-1-2-bony-na-innowacje-malopolska",
      "kujawsko-pomorskie-fundusz-powiazan-kooperacyjnych",
      "swietokrzyskie-powiazania-kooperacyjne-2007-2013",
      "parp-horizon-bridge",
    ];
    for (const id of unstated) expect(instrument(id).fundingSources, id).toEqual([]);
    expect(instrument("lubuskie-targi-i-misje").fundingSources).toEqual(["own-contribution"]);
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
