import { describe, expect, it } from "vitest";
import { REGIONS, REGION_CODES } from "./regions.ts";
import { vocabularyDocument } from "./document.ts";

describe("regions", () => {
  it("lists the 16 voivodeships by their two-digit TERYT codes, even numbers 02 to 32", () => {
    expect(REGION_CODES).toHaveLength(16);
    expect([...REGION_CODES]).toEqual(
      Array.from({ length: 16 }, (_, i) => String((i + 1) * 2).padStart(2, "0")),
    );
    expect(REGIONS.map((r) => r.code)).toEqual([...REGION_CODES]);
  });

  it("names mazowieckie 14 and śląskie 24 as TERYT does", () => {
    expect(REGIONS.find((r) => r.code === "14")?.label.pl).toBe("mazowieckie");
    expect(REGIONS.find((r) => r.code === "24")?.label.pl).toBe("śląskie");
  });
});

describe("vocabularies", () => {
  const document = vocabularyDocument();

  it("gives every entry of every vocabulary a Polish and an English label", () => {
    for (const [name, entries] of Object.entries(document)) {
      for (const entry of entries as { code: string; label: { pl: string; en: string } }[]) {
        expect(entry.label.pl, `${name}.${entry.code}.pl`).toMatch(/\S/);
        expect(entry.label.en, `${name}.${entry.code}.en`).toMatch(/\S/);
      }
    }
  });

  it("keeps codes unique within each vocabulary and written as stable slugs", () => {
    for (const [name, entries] of Object.entries(document)) {
      const codes = (entries as { code: string }[]).map((e) => e.code);
      expect(new Set(codes).size, name).toBe(codes.length);
      for (const code of codes) expect(code, name).toMatch(/^([a-z0-9_]+|[HML]|PLN|EUR)$/);
    }
  });

  it("covers the actor types of seed question 6 and the support functions of the product brief", () => {
    expect(document.actorTypes.map((e) => e.code)).toEqual([
      "coordinator",
      "sme",
      "large_enterprise",
      "research_organisation",
      "business_support_institution",
      "local_government",
      "other",
    ]);
    expect(document.supportFunctions.map((e) => e.code)).toEqual(
      expect.arrayContaining([
        "cluster_management",
        "rdi_cooperation",
        "internationalisation",
        "access_to_finance",
        "advisory_services",
      ]),
    );
    expect(document.supportFunctions).toHaveLength(12);
    expect(document.publicTasks).toHaveLength(11);
    expect(document.levels.map((e) => e.code)).toEqual(["eu", "national", "regional"]);
  });
});
