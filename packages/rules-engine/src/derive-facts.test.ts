import { FACT_CATALOGUE, type AssessmentInputRaw } from "@klastry/domain";
import { buildAssessment } from "@klastry/domain/testing";
import { AssessmentInputSchema } from "@klastry/domain";
import { describe, expect, it } from "vitest";
import { deriveFacts } from "./derive-facts.ts";
import { buildInstrument } from "./testing/index.ts";

const parse = (raw: AssessmentInputRaw) => AssessmentInputSchema.parse(raw);
const base = buildAssessment();
const withCluster = (cluster: Record<string, unknown>) =>
  parse({ ...base, cluster: { name: "K", region: "24", ...cluster } } as AssessmentInputRaw);
const withMembers = (members: Record<string, number>) => parse({ ...base, profile: { members } });

describe("deriveFacts", () => {
  it("derives a value for every fact of the catalogue that has no params", () => {
    const { values } = deriveFacts(base, "2025-03-01");
    const plain = FACT_CATALOGUE.filter((f) => !f.params)
      .map((f) => f.name)
      .sort();
    expect(Object.keys(values).sort()).toEqual(plain);
  });

  it("counts members: blank types count as 0 once any count is given", () => {
    const { values } = deriveFacts(
      withMembers({ sme: 12, research_organisation: 2 }),
      "2025-03-01",
    );
    expect(values).toMatchObject({
      memberCount: 14,
      smeMemberCount: 12,
      enterpriseMemberCount: 12,
      memberTypesCount: 2,
      memberTypes: ["sme", "research_organisation"],
    });
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
    expect(kkk({ holds: true })).toBe(true);
    expect(kkk({ holds: false })).toBe(false);
    expect(deriveFacts(withCluster({}), "2025-03-01").values.kkkValidOnDate).toBeUndefined();
    const esca = deriveFacts(
      withCluster({ esca: { label: "gold", validUntil: "2025-01-01" } }),
      "2025-03-01",
    ).values;
    expect([esca.escaLabelValidOnDate, esca.escaLabelOnDate]).toEqual([false, "none"]);
  });

  it("computes the cluster's age in years from the year founded", () => {
    expect(
      deriveFacts(withCluster({ foundedYear: 2020 }), "2025-03-01").values.clusterAgeYears,
    ).toBe(5);
    expect(deriveFacts(withCluster({}), "2025-03-01").values.clusterAgeYears).toBeUndefined();
  });

  it("lists needs by actor with null for actors without needs", () => {
    const assessment = parse({
      ...base,
      needs: [
        { actor: "sme", function: "skills_training", priority: 1 },
        { actor: "sme", function: "internationalisation", priority: 2 },
        { actor: "coordinator", function: "skills_training", priority: 3 },
      ],
    } as AssessmentInputRaw);
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

  it("gives the call status and days until the deadline of the rule's instrument", () => {
    const instruments = [
      buildInstrument({
        id: "open-one",
        callWindows: [{ opens: "2025-01-01", closes: "2025-03-31" }],
      }),
      buildInstrument({ id: "standing", callWindows: [{ opens: "2024-01-01" }] }),
    ];
    const facts = deriveFacts(base, "2025-03-01", instruments);
    expect(facts.param("instrumentCallStatus", "s1", { instrument: "open-one" })).toBe("open");
    expect(facts.param("daysUntilDeadline", "d1", { instrument: "open-one" })).toBe(30);
    expect(facts.param("daysUntilDeadline", "d2", { instrument: "standing" })).toBeNull();
    expect(facts.param("instrumentCallStatus", "s3", { instrument: "absent" })).toBeUndefined();
  });
});
