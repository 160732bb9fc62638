import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ActorTypes,
  AssessmentInputSchema,
  REGION_CODES,
  SupportFunctions,
  type AssessmentInput,
} from "@klastry/domain";
import { buildAssessment } from "@klastry/domain/testing";
import { compileRulebook } from "./compile-rulebook.ts";
import { compareVerdicts, rulebookDelta } from "./compare-rulebooks.ts";
import { evaluate } from "./evaluate.ts";
import { evaluateVerdicts } from "./evaluate-verdicts.ts";
import { buildRuleFile, fixtureKnowledge } from "./testing/index.ts";

const knowledge = fixtureKnowledge();
const DATE = "2025-03-01";

// Two rules for one instrument (the best verdict wins), unknowns from missing answers, near
// misses from one or two failed conditions.
const rules = [
  buildRuleFile({
    id: "cluster-grant-kkk",
    instrument: "demo-cluster-grant",
    conditions: {
      all: [
        { name: "kkk", fact: "kkkValidOnDate", operator: "equal", value: true },
        { name: "members", fact: "memberCount", operator: "greaterThanInclusive", value: 51 },
        {
          name: "coordinator-needs",
          fact: "actorNeeds",
          path: "$.coordinator",
          operator: "notEqual",
          value: null,
        },
      ],
    },
  }),
  buildRuleFile({
    id: "cluster-grant-growth",
    instrument: "demo-cluster-grant",
    weight: 5,
    conditions: {
      all: [
        {
          name: "growth",
          fact: "cluster",
          path: "$.supraRegionalGrowthCluster",
          operator: "equal",
          value: true,
        },
        { name: "smes", fact: "smeMemberCount", operator: "greaterThanInclusive", value: 20 },
      ],
    },
  }),
  buildRuleFile({
    id: "export-voucher",
    instrument: "demo-export-voucher",
    conditions: {
      all: [
        {
          name: "sme-export",
          fact: "actorNeeds",
          path: "$.sme",
          operator: "contains",
          value: "internationalisation",
        },
        {
          name: "share",
          fact: "profile",
          path: "$.exportingSharePercent",
          operator: "lessThan",
          value: 80,
        },
      ],
    },
  }),
  buildRuleFile({
    id: "eastern-loan",
    instrument: "demo-eastern-loan",
    conditions: {
      any: [
        { name: "east", fact: "inEasternPoland", operator: "equal", value: true },
        {
          name: "not-mazovia",
          not: { name: "mazovia", fact: "region", operator: "equal", value: "14" },
        },
      ],
    },
  }),
];

const assessmentArb: fc.Arbitrary<AssessmentInput> = fc
  .record({
    region: fc.constantFrom(...REGION_CODES),
    warsaw: fc.option(fc.boolean(), { nil: undefined }),
    kkk: fc.option(
      fc.record({ holds: fc.boolean(), validUntil: fc.constantFrom("2024-12-31", "2025-12-17") }),
      { nil: undefined },
    ),
    growth: fc.option(fc.boolean(), { nil: undefined }),
    sme: fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }),
    large: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    share: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    needs: fc.uniqueArray(
      fc.record({
        actor: fc.constantFrom(...ActorTypes.codes),
        function: fc.constantFrom(...SupportFunctions.codes),
        priority: fc.constantFrom(1, 2, 3),
      }),
      { maxLength: 5, selector: (n) => `${n.actor}/${n.function}` },
    ),
  })
  .map((g) => {
    const base = buildAssessment();
    return AssessmentInputSchema.parse({
      cluster: {
        name: base.cluster.name,
        region: g.region,
        inWarsawCapitalRegion: g.warsaw,
        kkk: g.kkk,
        supraRegionalGrowthCluster: g.growth,
      },
      profile: {
        members: { sme: g.sme, large_enterprise: g.large },
        exportingSharePercent: g.share,
      },
      needs: g.needs,
    });
  });

describe("evaluateVerdicts", () => {
  const rulebook = compileRulebook(rules, knowledge, { today: DATE });

  it("gives every instrument the verdict and near-miss flag that evaluate gives", () => {
    fc.assert(
      fc.property(assessmentArb, (assessment) => {
        const full = evaluate(rulebook, assessment, { date: DATE, language: "en" });
        const fast = evaluateVerdicts(rulebook, assessment, DATE, { nearMisses: true });
        const withoutNearMisses = evaluateVerdicts(rulebook, assessment, DATE);
        for (const instrument of knowledge.instruments) {
          const listed = full.recommendations.find((r) => r.instrumentId === instrument.id);
          // An instrument left out of the map is not eligible and not a near miss.
          const expected = listed
            ? { verdict: listed.verdict, nearMiss: listed.nearMiss }
            : undefined;
          expect(fast.get(instrument.id), instrument.id).toEqual(expected);
          expect(withoutNearMisses.get(instrument.id), instrument.id).toEqual(
            expected?.nearMiss ? undefined : expected,
          );
        }
      }),
      { numRuns: 400 },
    );
  });

  it("skips rules outside their validity, as evaluate does", () => {
    const dated = compileRulebook([{ ...rules[2]!, validFrom: "2026-01-01" }], knowledge, {
      today: DATE,
    });
    const assessment = buildAssessment({
      needs: [{ actor: "sme", function: "internationalisation", priority: 1 }],
    });
    expect(evaluateVerdicts(dated, assessment, "2025-12-31").size).toBe(0);
    expect(
      evaluateVerdicts(dated, assessment, "2026-01-01").get("demo-export-voucher")?.verdict,
    ).toBe("eligible");
  });
});

describe("compareVerdicts", () => {
  const current = compileRulebook(rules, knowledge, { today: DATE });
  // The candidate raises one threshold, drops one rule and leaves the rest untouched.
  const candidate = compileRulebook(
    [
      rules[0]!,
      buildRuleFile({
        id: "cluster-grant-growth",
        instrument: "demo-cluster-grant",
        conditions: {
          all: [
            { name: "smes", fact: "smeMemberCount", operator: "greaterThanInclusive", value: 40 },
          ],
        },
      }),
      rules[2]!,
    ],
    knowledge,
    { today: DATE },
  );

  it("finds the instruments whose rules differ and only those", () => {
    expect([...rulebookDelta(current, candidate).instruments].sort()).toEqual([
      "demo-cluster-grant",
      "demo-eastern-loan",
    ]);
    expect(rulebookDelta(current, current).instruments.size).toBe(0);
  });

  it("reports exactly the changes a full evaluation with both rulebooks shows", () => {
    const delta = rulebookDelta(current, candidate);
    const verdictOf = (set: ReturnType<typeof evaluate>, id: string) => {
      const r = set.recommendations.find((x) => x.instrumentId === id);
      return { verdict: r?.verdict ?? "not_eligible", nearMiss: r?.nearMiss ?? false };
    };
    fc.assert(
      fc.property(assessmentArb, (assessment) => {
        const before = evaluate(current, assessment, { date: DATE, language: "en" });
        const after = evaluate(candidate, assessment, { date: DATE, language: "en" });
        const expected = knowledge.instruments
          .map((i) => i.id)
          .sort()
          .map((id) => ({ id, was: verdictOf(before, id), is: verdictOf(after, id) }))
          .filter(({ was, is }) => was.verdict !== is.verdict || was.nearMiss !== is.nearMiss)
          .map(({ id, was, is }) => ({
            instrumentId: id,
            before: was.verdict,
            after: is.verdict,
            nearMissBefore: was.nearMiss,
            nearMissAfter: is.nearMiss,
          }));
        expect(
          compareVerdicts(current, candidate, assessment, DATE, delta, { nearMisses: true }),
        ).toEqual(expected);
        const verdictsOnly = expected
          .filter((c) => c.before !== c.after)
          .map((c) => ({ ...c, nearMissBefore: false, nearMissAfter: false }));
        expect(compareVerdicts(current, candidate, assessment, DATE, delta)).toEqual(verdictsOnly);
      }),
      { numRuns: 300 },
    );
  });
});
