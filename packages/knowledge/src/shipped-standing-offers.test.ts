/**
 * Guards the standing offers and the funding sources of the shipped catalogue: an offer without
 * call windows is open only between the days its source gives, with the source's words as basis,
 * and no record names a fund that facts.md does not state.
 */
import { describe, expect, it } from "vitest";
import { callStatusOn, type IsoDate } from "@klastry/domain";
import { loadKnowledgeBase } from "./load-knowledge-base.ts";
import { instrumentById } from "./lookup.ts";

const kb = loadKnowledgeBase();
const FACTS_COMPILED: IsoDate = "2026-11-29";

function statusOf(id: string, date: IsoDate): string {
  const instrument = instrumentById(kb, id);
  if (!instrument) throw new Error(`no instrument ${id}`);
  return callStatusOn(instrument, date).status;
}

describe("shipped knowledge base: standing offers", () => {
  const standing = kb.instruments.filter((i) => i.standing !== undefined);

  it("quotes, for every standing offer, what its source states in both languages", () => {
    // At least the 16 regional programmes and the guarantee lines, so the loop below is not empty.
    expect(standing.length).toBeGreaterThanOrEqual(20);
    for (const { id, standing: offer } of standing) {
      expect(offer?.basis.pl.trim(), id).not.toBe("");
      expect(offer?.basis.en.trim(), id).not.toBe("");
      expect(offer?.basis.pl, id).toContain("facts.md");
      expect(offer?.basis.en, id).toContain("facts.md");
    }
  });

  it("never lets a standing offer end before it starts", () => {
    for (const { id, standing: offer } of standing) {
      if (offer?.from !== undefined && offer.until !== undefined) {
        expect(offer.from <= offer.until, id).toBe(true);
      }
    }
  });

  it("shows the 16 regional programmes as open today and planned before the EC approved them", () => {
    const programmes = kb.instruments.filter(
      (i) => i.kind === "programme_priority" && i.level === "regional",
    );
    expect(programmes).toHaveLength(16);
    for (const programme of programmes) {
      expect(callStatusOn(programme, FACTS_COMPILED).status, programme.id).toBe("open");
      expect(callStatusOn(programme, "2022-12-01").status, programme.id).toBe("planned");
    }
  });

  it("keeps the FENG guarantees open until loans are disbursed by 31.12.2029, then closed", () => {
    for (const id of ["gwarancja-biznesmax-plus", "gwarancja-ekomax"]) {
      expect(statusOf(id, FACTS_COMPILED), id).toBe("open");
      expect(statusOf(id, "2029-12-31"), id).toBe("open");
      expect(statusOf(id, "2030-01-01"), id).toBe("closed");
    }
  });

  it("bounds Interreg Europe by its eligibility period 1.01.2020-31.12.2029", () => {
    expect(statusOf("interreg-europe", "2019-12-31")).toBe("planned");
    expect(statusOf("interreg-europe", FACTS_COMPILED)).toBe("open");
    expect(statusOf("interreg-europe", "2030-01-01")).toBe("closed");
  });

  it("shows the undated standing offers as open today", () => {
    for (const id of [
      "gwarancja-de-minimis",
      "eccp-platform",
      "esca-cluster-management-excellence-labels",
      "eic-accelerator",
    ]) {
      expect(statusOf(id, FACTS_COMPILED), id).toBe("open");
    }
  });
});

describe("shipped knowledge base: funding sources only as sourced", () => {
  it("lists no funding source where facts.md states none", () => {
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
      "kujawsko-pomorskie-fundusz-powiazan-kooperacyjnych",
      "swietokrzyskie-powiazania-kooperacyjne-2007-2013",
    ];
    for (const id of unstated) expect(instrumentById(kb, id)?.fundingSources, id).toEqual([]);
    // Only the firm's 15% share is stated for the lubuskie fairs and missions.
    expect(instrumentById(kb, "lubuskie-targi-i-misje")?.fundingSources).toEqual([
      "own-contribution",
    ]);
  });

  it("names no fund only because the schema once required one", () => {
    for (const { id, notes } of kb.instruments) {
      expect(notes?.en ?? "", id).not.toMatch(/schema needs|placeholder/i);
      expect(notes?.pl ?? "", id).not.toMatch(/schemat wymaga/i);
    }
  });
});
