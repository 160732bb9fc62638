import { FACT_CATALOGUE, type AssessmentInputRaw } from "@klastry/domain";
import { buildAssessment, buildInstrument } from "@klastry/domain/testing";
import { AssessmentInputSchema } from "@klastry/domain";
import { describe, expect, it } from "vitest";
import { deriveFacts } from "./derive-facts.ts";

const parse = (raw: AssessmentInputRaw) => AssessmentInputSchema.parse(raw);
const base = buildAssessment();
const withCluster = (cluster: Record<string, unknown>) =>
  parse({ ...base, cluster: { name: "K", region: "24", ...cluster } });
const withMembers = (members: Record<string, number>) => parse({ ...base, profile: { members } });

describe("deriveFacts", () => {
  it("derives a value for every fact of the catalogue that has no params", () => {
    const { values } = deriveFacts(base, "2025-03-01");
    const plain = FACT_CATALOGUE.filter((f) => !f.params)
      .map((f) => f.name)
      .sort();
    expect(Object.keys(values).sort()).toEqual(plain);
  });

  it("counts members once every type's count is given (0 is an answer)", () => {
    const all = {
      large_enterprise: 0,
      business_support_institution: 0,
      local_government: 0,
      other: 0,
    };
    const { values } = deriveFacts(
      withMembers({ ...all, sme: 12, research_organisation: 2 }),
      "2025-03-01",
    );
    expect(values).toMatchObject({
      memberCount: 14,
      smeMemberCount: 12,
      enterpriseMemberCount: 12,
      memberTypesCount: 2,
      memberTypes: ["sme", "research_organisation"],
      helixSectorsCount: 2,
    });
  });

  it("never reads a blank member type as 0: facts over it stay unknown, others are known", () => {
    const { values } = deriveFacts(
      withMembers({ sme: 12, research_organisation: 2 }),
      "2025-03-01",
    );
    expect(values).toMatchObject({ smeMemberCount: 12 });
    expect([values.memberCount, values.enterpriseMemberCount, values.memberTypes]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("counts the triple helix in sectors, so SMEs and large firms are one sector", () => {
    const members = (m: Record<string, number>) =>
      withMembers({
        sme: 0,
        large_enterprise: 0,
        research_organisation: 0,
        business_support_institution: 0,
        local_government: 0,
        other: 0,
        ...m,
      });
    const helix = (m: Record<string, number>) =>
      deriveFacts(members(m), "2025-03-01").values.helixSectorsCount;
    expect(helix({ sme: 20, large_enterprise: 3 })).toBe(1);
    expect(helix({ sme: 20, research_organisation: 1 })).toBe(2);
    expect(helix({ sme: 20, research_organisation: 1, local_government: 1 })).toBe(3);
  });

  it("leaves member facts unknown when no count is given", () => {
    const { values } = deriveFacts(withMembers({}), "2025-03-01");
    expect([
      values.memberCount,
      values.smeMemberCount,
      values.enterpriseMemberCount,
      values.memberTypesCount,
      values.memberTypes,
    ]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it("places mazowieckie in Eastern Poland only outside the Warsaw capital region, unknown without the answer", () => {
    expect(
      deriveFacts(withCluster({ region: "14", inWarsawCapitalRegion: false }), "2025-03-01").values
        .inEasternPoland,
    ).toBe(true);
    expect(
      deriveFacts(withCluster({ region: "14", inWarsawCapitalRegion: true }), "2025-03-01").values
        .inEasternPoland,
    ).toBe(false);
    expect(
      deriveFacts(withCluster({ region: "14" }), "2025-03-01").values.inEasternPoland,
    ).toBeUndefined();
    expect(deriveFacts(withCluster({ region: "06" }), "2025-03-01").values.inEasternPoland).toBe(
      true,
    );
    expect(deriveFacts(withCluster({ region: "24" }), "2025-03-01").values.inEasternPoland).toBe(
      false,
    );
  });

  it("judges KKK and ESCA status on the date, unknown when not answered", () => {
    const kkk = (k: unknown) =>
      deriveFacts(withCluster({ kkk: k }), "2025-03-01").values.kkkValidOnDate;
    expect(kkk({ holds: true, validUntil: "2025-03-01" })).toBe(true);
    expect(kkk({ holds: true, validUntil: "2025-02-28" })).toBe(false);
    // Every known round's status has expired: a held status with no end date is not assumed valid.
    expect(kkk({ holds: true })).toBeUndefined();
    expect(kkk({ holds: false })).toBe(false);
    expect(deriveFacts(withCluster({}), "2025-03-01").values.kkkValidOnDate).toBeUndefined();
    const esca = deriveFacts(
      withCluster({ esca: { label: "gold", validUntil: "2025-01-01" } }),
      "2025-03-01",
    ).values;
    expect([esca.escaLabelValidOnDate, esca.escaLabelOnDate]).toEqual([false, "none"]);
    const undated = deriveFacts(withCluster({ esca: { label: "gold" } }), "2025-03-01").values;
    expect([undated.escaLabelValidOnDate, undated.escaLabelOnDate]).toEqual([undefined, undefined]);
  });

  it("counts the cluster's age in full years, to a range of one year from the year alone", () => {
    const age = (cluster: Record<string, unknown>) => {
      const facts = deriveFacts(withCluster(cluster), "2025-03-01");
      return [facts.values.clusterAgeYears, facts.upper?.clusterAgeYears];
    };
    // Founded in 2020: 4 full years if on 31 December, 5 if on 1 January.
    expect(age({ foundedYear: 2020 })).toEqual([4, 5]);
    // The end of February 2020 is more than 5 years before 1 March 2025; the end of March is not.
    expect(age({ foundedYear: 2020, foundedMonth: 2 })).toEqual([5, undefined]);
    expect(age({ foundedYear: 2020, foundedMonth: 3 })).toEqual([4, undefined]);
    expect(age({})).toEqual([undefined, undefined]);
  });

  it("leaves needs and public-task facts unknown when not answered, empty when the answer is none", () => {
    const { needs: _n, publicTasks: _p, ...unanswered } = base;
    const unknown = deriveFacts(unanswered, "2025-03-01").values;
    expect([
      unknown.neededFunctions,
      unknown.actorNeeds,
      unknown.actorsWithNeeds,
      unknown.readyPublicTasks,
      unknown.publicTaskReadiness,
    ]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    const none = deriveFacts({ ...unanswered, needs: [], publicTasks: [] }, "2025-03-01").values;
    expect(none.neededFunctions).toEqual([]);
    expect(none.actorNeeds).toMatchObject({ sme: null, coordinator: null });
    expect(none.readyPublicTasks).toEqual([]);
  });

  it("lists needs by actor with null for actors without needs", () => {
    const assessment = parse({
      ...base,
      needs: [
        { actor: "sme", function: "skills_training", priority: 1 },
        { actor: "sme", function: "internationalisation", priority: 2 },
        { actor: "coordinator", function: "skills_training", priority: 3 },
      ],
    });
    const { values } = deriveFacts(assessment, "2025-03-01");
    expect(values.actorNeeds).toMatchObject({
      sme: ["internationalisation", "skills_training"],
      coordinator: ["skills_training"],
      other: null,
    });
    expect(values.neededFunctions).toEqual(["internationalisation", "skills_training"]);
    expect(values.highPriorityFunctions).toEqual(["skills_training"]);
    expect(values.actorsWithNeeds).toEqual(["coordinator", "sme"]);
  });

  it("gives an instrument's availability and the days until its deadline", () => {
    const instruments = [
      buildInstrument({
        id: "open-one",
        availability: { calls: [{ opens: "2025-01-01", closes: "2025-03-31" }] },
      }),
      buildInstrument({
        id: "standing",
        availability: {
          continuous: {
            from: "2024-01-01",
            until: "2029-12-31",
            note: { pl: "n", en: "n" },
            source: "https://example.org/a",
            confidence: "M",
          },
        },
      }),
    ];
    const facts = deriveFacts(base, "2025-03-01", instruments);
    expect(facts.param("instrumentCallStatus", "s1", { instrument: "open-one" })).toBe("open");
    expect(facts.param("daysUntilDeadline", "d1", { instrument: "open-one" })).toBe(30);
    expect(facts.param("instrumentCallStatus", "s2", { instrument: "standing" })).toBe("available");
    expect(facts.param("daysUntilDeadline", "d2", { instrument: "standing" })).toBeNull();
    expect(facts.param("instrumentCallStatus", "s3", { instrument: "absent" })).toBeUndefined();
  });
});
