import { describe, expect, it } from "vitest";
import type { RegionCode } from "@klastry/domain";
import { buildAssessment } from "@klastry/domain/testing";
import { compileRulebook } from "../compile-rulebook.ts";
import type { RuleFile } from "../rule-file.ts";
import { buildRuleFile, fixtureKnowledge } from "../testing/index.ts";
import { RulebookImpactSchema } from "./impact-schema.ts";
import { rulebookImpact, type ImpactSubject } from "./rulebook-impact.ts";

const knowledge = fixtureKnowledge();
const DATE = "2025-03-01"; // the demo cluster grant's call is open
const compile = (rules: RuleFile[]) => compileRulebook(rules, knowledge, { today: DATE });

const grant = (members: number) =>
  buildRuleFile({
    id: "grant",
    instrument: "demo-cluster-grant",
    conditions: {
      all: [
        { name: "members", fact: "memberCount", operator: "greaterThanInclusive", value: members },
        {
          name: "needs-management",
          fact: "actorNeeds",
          path: "$.coordinator",
          operator: "contains",
          value: "cluster_management",
        },
      ],
    },
  });
const voucher = buildRuleFile({ id: "voucher", instrument: "demo-export-voucher" });

/** A cluster of `sme` members (none given: the count is unknown) in `region`. */
const subject = (id: string, region: RegionCode, sme?: number): ImpactSubject => ({
  id,
  name: `Klaster ${id} (fikcyjny)`,
  region,
  source: id.startsWith("s") ? "sample" : "generated",
  assessment: buildAssessment({
    cluster: { name: `Klaster ${id} (fikcyjny)`, region, foundedYear: 2015 },
    // Every member type's count is given (0 is an answer) unless the SME count is left out.
    profile: {
      members:
        sme === undefined
          ? {}
          : {
              sme,
              large_enterprise: 0,
              research_organisation: 0,
              business_support_institution: 0,
              local_government: 0,
              other: 0,
            },
    },
  }),
});

const population = [
  subject("a", "24", 45), // 45 members: short of 51, enough for 40
  subject("b", "14", 60), // enough either way
  subject("c", "24", 30), // short either way
  subject("d", "02"), // no member count: can't tell either way
  subject("s-e", "14", 42),
];

describe("rulebookImpact", () => {
  it("names the clusters that gain an instrument under a lowered threshold and the condition", () => {
    const report = rulebookImpact(compile([grant(51)]), compile([grant(40)]), population, {
      date: DATE,
      labels: { before: "main", after: "working tree" },
    });
    expect(report.clusters.map((c) => [c.id, c.gained, c.lost])).toEqual([
      ["a", ["demo-cluster-grant"], []],
      ["s-e", ["demo-cluster-grant"], []],
    ]);
    const change = report.clusters[0]?.changes[0];
    expect(change).toMatchObject({
      instrumentId: "demo-cluster-grant",
      instrumentName: { pl: "Instrument testowy demo-cluster-grant (fikcyjny)" },
      before: "not_eligible",
      after: "eligible",
      // One failed condition: a near miss before, eligible after.
      standingBefore: "near_miss",
      standingAfter: "eligible",
    });
    expect(change?.causes).toEqual([
      {
        kind: "condition",
        ruleId: "grant",
        condition: "members",
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers any
        label: expect.objectContaining({ en: expect.any(String) }),
        before: "memberCount >= 51",
        after: "memberCount >= 40",
        outcomeBefore: "fail",
        outcomeAfter: "pass",
        actual: 45,
      },
    ]);
    expect(report.instruments).toEqual([
      expect.objectContaining({
        instrumentId: "demo-cluster-grant",
        clusters: 2,
        gained: { eligible: 2, nearMiss: 0, unknown: 0 },
        lost: { eligible: 0, nearMiss: 2, unknown: 0 },
        causes: [expect.objectContaining({ condition: "members", clusters: 2 })],
      }),
    ]);
    expect(report.summary).toEqual({
      rulesAdded: 0,
      rulesRemoved: 0,
      rulesChanged: 1,
      instrumentsChanged: 1,
      clustersChanged: 2,
      clustersGaining: 2,
      clustersLosing: 0,
      changed: true,
    });
    expect(report.before).toMatchObject({ label: "main", rules: 1 });
    expect(report.population).toEqual({ total: 5, bySource: { generated: 4, sample: 1 } });
    expect(() => RulebookImpactSchema.parse(report)).not.toThrow();
  });

  it("totals every region of the population", () => {
    const report = rulebookImpact(compile([grant(51)]), compile([grant(40)]), population, {
      date: DATE,
    });
    expect(
      report.regions.map((r) => [
        r.region,
        r.clusters,
        r.changed,
        r.clustersGaining,
        r.gained.eligible,
      ]),
    ).toEqual([
      ["02", 1, 0, 0, 0],
      ["14", 2, 1, 1, 1],
      ["24", 2, 1, 1, 1],
    ]);
    expect(report.regions[0]?.regionName.pl).toBe("dolnośląskie");
  });

  it("counts the clusters that lose eligible under a raised threshold", () => {
    const report = rulebookImpact(compile([grant(40)]), compile([grant(55)]), population, {
      date: DATE,
    });
    expect(report.summary.clustersLosing).toBe(2);
    expect(report.instruments[0]?.lost.eligible).toBe(2);
    expect(report.clusters.map((c) => [c.id, c.lost])).toEqual([
      ["a", ["demo-cluster-grant"]],
      ["s-e", ["demo-cluster-grant"]],
    ]);
  });

  it("counts a cluster that becomes can't-tell when a failing condition is removed", () => {
    const regional = grant(51);
    const conditions = regional.conditions as { all: RuleFile["conditions"][] };
    const withRegion = {
      ...regional,
      conditions: {
        all: [
          { name: "in-region", fact: "region", operator: "in", value: ["14", "24"] },
          ...conditions.all,
        ],
      },
    } as RuleFile;
    withRegion.reasons["in-region"] = {
      pass: { pl: "tak", en: "yes" },
      fail: { pl: "nie", en: "no" },
    };
    const report = rulebookImpact(compile([withRegion]), compile([grant(51)]), population, {
      date: DATE,
    });
    const lower = report.clusters.find((c) => c.id === "d");
    expect(lower?.changes[0]).toMatchObject({
      standingBefore: "not_eligible",
      standingAfter: "unknown",
    });
    expect(lower?.changes[0]?.causes).toEqual([
      expect.objectContaining({
        condition: "in-region",
        before: 'region in ["14", "24"]',
        outcomeBefore: "fail",
        actual: "02",
      }),
    ]);
    expect(report.instruments[0]?.gained.unknown).toBe(1);
    expect(report.rules[0]?.conditions).toEqual([
      { condition: "in-region", change: "removed", before: 'region in ["14", "24"]' },
    ]);
  });

  it("names an added rule as the cause when a cluster gains through it", () => {
    const report = rulebookImpact(compile([grant(51)]), compile([grant(51), voucher]), population, {
      date: DATE,
    });
    const silesian = report.clusters.filter((c) => c.region === "24");
    expect(silesian.map((c) => c.gained)).toEqual([
      ["demo-export-voucher"],
      ["demo-export-voucher"],
    ]);
    expect(silesian[0]?.changes[0]?.causes).toEqual([
      { kind: "rule", ruleId: "voucher", change: "added" },
    ]);
    expect(report.rules).toEqual([expect.objectContaining({ ruleId: "voucher", change: "added" })]);
  });

  it("reports no change for the same rulebook and reports progress to the end", () => {
    const seen: [number, number][] = [];
    const report = rulebookImpact(compile([grant(51)]), compile([grant(51)]), population, {
      date: DATE,
      progressEvery: 2,
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(report.summary.changed).toBe(false);
    expect(report.clusters).toEqual([]);
    expect(report.instruments).toEqual([]);
    expect(seen).toEqual([
      [0, 5],
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });
});
