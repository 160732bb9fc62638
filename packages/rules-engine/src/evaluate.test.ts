import {
  DomainValidationError,
  RecommendationSetSchema,
  type AssessmentInputRaw,
} from "@klastry/domain";
import { buildAssessment } from "@klastry/domain/testing";
import { loadKnowledgeBase } from "@klastry/knowledge";
import { describe, expect, it } from "vitest";
import { compileRulebook } from "./compile-rulebook.ts";
import { evaluate } from "./evaluate.ts";
import { CALL_STATUS_BONUS } from "./rank.ts";
import { loadRulebook } from "./load-rulebook.ts";
import { evaluateReference } from "./reference-engine.ts";
import {
  buildInstrument,
  buildRuleFile,
  FIXTURE_RULES_DIR,
  fixtureKnowledge,
} from "./testing/index.ts";

const DATE = "2025-03-01";
const knowledge = fixtureKnowledge();
const rulebook = loadRulebook({ dir: FIXTURE_RULES_DIR, knowledge, today: DATE });

const withMembers = (members: Record<string, number>): AssessmentInputRaw => ({
  ...buildAssessment(),
  profile: { ...buildAssessment().profile, members },
});

function find(set: ReturnType<typeof evaluate>, id: string) {
  return set.recommendations.find((r) => r.instrumentId === id);
}

describe("evaluate", () => {
  it("returns a set that matches the domain schema", () => {
    const set = evaluate(rulebook, buildAssessment(), { date: DATE, language: "pl" });
    expect(RecommendationSetSchema.parse(set)).toEqual(set);
    expect(set).toMatchObject({
      rulebookVersion: rulebook.version,
      evaluatedOn: DATE,
      language: "pl",
      engine: "compiled",
    });
  });

  it("recommends an instrument whose rule is satisfied, with every satisfied condition in words", () => {
    const set = evaluate(rulebook, buildAssessment(), { date: DATE, language: "pl" });
    const voucher = find(set, "demo-export-voucher");
    expect(voucher).toMatchObject({
      verdict: "eligible",
      nearMiss: false,
      missing: [],
      questions: [],
      ruleIds: ["demo-export-voucher"],
    });
    expect(voucher?.reasons.map((r) => r.text)).toEqual([
      "MŚP potrzebują wsparcia: Umiędzynarodowienie i eksport",
      "Klaster ma 40 członków MŚP",
      "Eksportuje 40% członków",
    ]);
    expect(voucher?.reasons[1]).toMatchObject({
      ruleId: "demo-export-voucher",
      condition: "enough-smes",
      fact: "smeMemberCount",
      actual: 40,
      required: 10,
    });
  });

  it("shows a near miss with what is missing, values included", () => {
    const set = evaluate(rulebook, withMembers({ sme: 10, large_enterprise: 2 }), {
      date: DATE,
      language: "en",
    });
    const grant = find(set, "demo-cluster-grant");
    expect(grant).toMatchObject({ verdict: "not_eligible", nearMiss: true });
    expect(grant?.missing.map((m) => m.text)).toEqual([
      "Requires KKK status valid on the evaluation date",
      "Requires supra-regional growth cluster status",
      "Requires at least 15 members, you have 12",
    ]);
  });

  it("counts a failed any-group as one failure: three failed units are not a near miss", () => {
    const assessment = {
      ...withMembers({ sme: 10, large_enterprise: 2 }),
      needs: [{ actor: "sme", function: "internationalisation", priority: 2 }],
    } as AssessmentInputRaw;
    const set = evaluate(rulebook, assessment, { date: DATE, language: "en" });
    expect(find(set, "demo-cluster-grant")).toBeUndefined();
    // The eastern loan fails on the seat (region 24), which no advice can change: not a near miss either.
    expect(find(set, "demo-eastern-loan")).toBeUndefined();
    expect(set.notEligibleCount).toBe(2);
  });

  it("does not offer as a near miss a rule that fails only on what the cluster cannot change", () => {
    const silesian = buildAssessment({ ownContribution: { maxSharePercent: 30 } });
    expect(
      find(evaluate(rulebook, silesian, { date: DATE, language: "en" }), "demo-eastern-loan"),
    ).toBeUndefined();
    // The same shortfall on something the cluster controls (its own contribution) is a near miss.
    const lublin = buildAssessment({
      cluster: { ...buildAssessment().cluster, region: "06" },
      ownContribution: { maxSharePercent: 5 },
    });
    expect(
      find(evaluate(rulebook, lublin, { date: DATE, language: "en" }), "demo-eastern-loan"),
    ).toMatchObject({ verdict: "not_eligible", nearMiss: true });
  });

  it("says unknown and asks the questions that would settle it when answers are missing", () => {
    const base = buildAssessment();
    const { kkk: _kkk, supraRegionalGrowthCluster: _supra, ...cluster } = base.cluster;
    const set = evaluate(rulebook, { ...base, cluster }, { date: DATE, language: "pl" });
    const grant = find(set, "demo-cluster-grant");
    expect(grant).toMatchObject({ verdict: "unknown", nearMiss: false, missing: [] });
    expect(grant?.questions).toEqual([
      {
        fact: "cluster.kkk",
        label: "Czy klaster ma status Krajowego Klastra Kluczowego i do kiedy?",
      },
      { fact: "cluster.supraRegionalGrowthCluster", label: "Ponadregionalny klaster wzrostowy" },
    ]);
  });

  it("is never eligible on a missing member count, and asks for it", () => {
    const set = evaluate(rulebook, withMembers({}), { date: DATE, language: "en" });
    const voucher = find(set, "demo-export-voucher");
    expect(voucher?.verdict).toBe("unknown");
    expect(voucher?.questions).toEqual([
      { fact: "profile.members.sme", label: "Number of SME members" },
    ]);
  });

  it("ranks eligible, then unknown, then near misses, before score", () => {
    const base = buildAssessment();
    const { kkk: _kkk, inWarsawCapitalRegion: _warsaw, ...cluster } = base.cluster;
    const assessment = {
      ...base,
      cluster: { ...cluster, region: "14", supraRegionalGrowthCluster: true },
      profile: { ...base.profile, exportingSharePercent: 10 },
    } as AssessmentInputRaw;
    const set = evaluate(rulebook, assessment, { date: DATE, language: "en" });
    expect(
      set.recommendations.map((r) => [r.instrumentId, r.verdict, r.nearMiss, r.score]),
    ).toEqual([
      // Calls on 2025-03-01: the grant and the voucher open (+4), the loan planned (+2).
      ["demo-cluster-grant", "eligible", false, 13 + CALL_STATUS_BONUS.open],
      ["demo-eastern-loan", "unknown", false, 9 + CALL_STATUS_BONUS.planned],
      ["demo-export-voucher", "not_eligible", true, 10 + CALL_STATUS_BONUS.open],
    ]);
    expect(set.recommendations[1]?.questions.map((q) => q.fact)).toEqual([
      "cluster.inWarsawCapitalRegion",
      "cluster.kkk",
    ]);
  });

  it("orders equal scores by the most urgent need served, then by instrument id", () => {
    const instruments = [
      buildInstrument({ id: "b-urgent", functions: ["cluster_management"] }),
      buildInstrument({
        id: "a-less-urgent",
        eligibleActors: ["sme"],
        functions: ["internationalisation"],
      }),
      buildInstrument({
        id: "c-same",
        eligibleActors: ["sme"],
        functions: ["internationalisation"],
      }),
    ];
    const rules = [
      buildRuleFile({ id: "b-urgent", instrument: "b-urgent", weight: 10 }),
      buildRuleFile({ id: "a-less-urgent", instrument: "a-less-urgent", weight: 11 }),
      buildRuleFile({ id: "c-same", instrument: "c-same", weight: 11 }),
    ];
    const book = compileRulebook(rules, { instruments }, { today: DATE });
    // Default needs: coordinator/cluster_management priority 1 (+3), sme/internationalisation priority 2 (+2).
    const set = evaluate(book, buildAssessment(), { date: DATE, language: "en" });
    const open = CALL_STATUS_BONUS.open;
    expect(set.recommendations.map((r) => [r.instrumentId, r.score])).toEqual([
      ["b-urgent", 13 + open],
      ["a-less-urgent", 13 + open],
      ["c-same", 13 + open],
    ]);
  });

  it("puts an open call before an instrument whose sources date no call, at equal weight and needs", () => {
    const instruments = [
      buildInstrument({ id: "a-no-dates", callWindows: [] }),
      buildInstrument({
        id: "b-open",
        callWindows: [{ opens: "2025-01-01", closes: "2025-12-31" }],
      }),
    ];
    const rules = [
      buildRuleFile({ id: "a-no-dates", instrument: "a-no-dates" }),
      buildRuleFile({ id: "b-open", instrument: "b-open" }),
    ];
    const set = evaluate(
      compileRulebook(rules, { instruments }, { today: DATE }),
      buildAssessment(),
      { date: DATE, language: "en" },
    );
    expect(set.recommendations.map((r) => [r.instrumentId, r.callStatus])).toEqual([
      ["b-open", "open"],
      ["a-no-dates", "unknown"],
    ]);
  });

  it("scores by rule weight plus a bonus per served need (priority 1: 3, 2: 2, 3: 1)", () => {
    const assessment = {
      ...buildAssessment(),
      needs: [{ actor: "sme", function: "internationalisation", priority: 3 }],
    } as AssessmentInputRaw;
    const set = evaluate(rulebook, assessment, { date: DATE, language: "en" });
    expect(find(set, "demo-export-voucher")).toMatchObject({
      score: 9 + CALL_STATUS_BONUS.open,
      servesNeeds: [{ actor: "sme", function: "internationalisation", priority: 3 }],
    });
  });

  it("skips a rule outside its validity dates", () => {
    const instruments = [buildInstrument({ id: "test-instrument" })];
    const rules = [buildRuleFile({ validFrom: "2025-06-01", validTo: "2025-12-31" })];
    const book = compileRulebook(rules, { instruments }, { today: DATE });
    expect(
      evaluate(book, buildAssessment(), { date: "2025-05-31", language: "en" }).recommendations,
    ).toEqual([]);
    expect(
      evaluate(book, buildAssessment(), { date: "2025-06-01", language: "en" }).recommendations,
    ).toHaveLength(1);
    expect(
      evaluate(book, buildAssessment(), { date: "2026-01-01", language: "en" }).recommendations,
    ).toEqual([]);
  });

  it("takes the best verdict of several rules for one instrument and lists the rules that gave it", () => {
    const instruments = [buildInstrument({ id: "test-instrument" })];
    const rules = [
      buildRuleFile({
        id: "a-fails",
        conditions: {
          all: [{ name: "n", fact: "memberCount", operator: "greaterThan", value: 1000 }],
        },
      }),
      buildRuleFile({ id: "b-passes" }),
      buildRuleFile({ id: "c-passes", weight: 20 }),
    ];
    const set = evaluate(
      compileRulebook(rules, { instruments }, { today: DATE }),
      buildAssessment(),
      { date: DATE, language: "en" },
    );
    expect(set.recommendations).toHaveLength(1);
    expect(set.recommendations[0]).toMatchObject({
      verdict: "eligible",
      ruleIds: ["b-passes", "c-passes"],
      score: 23 + CALL_STATUS_BONUS.open,
    });
  });

  it("gives call status and deadline on the date", () => {
    const lublin = buildAssessment({ cluster: { ...buildAssessment().cluster, region: "06" } });
    const set = evaluate(rulebook, lublin, { date: DATE, language: "en" });
    expect(find(set, "demo-cluster-grant")).toMatchObject({
      callStatus: "open",
      deadline: "2025-04-30",
    });
    expect(find(set, "demo-eastern-loan")).toMatchObject({ callStatus: "planned" });
  });

  it("is deterministic: two runs give byte-identical JSON", () => {
    const a = JSON.stringify(evaluate(rulebook, buildAssessment(), { date: DATE, language: "pl" }));
    const b = JSON.stringify(evaluate(rulebook, buildAssessment(), { date: DATE, language: "pl" }));
    expect(a).toBe(b);
  });

  it("throws DomainValidationError listing every issue of a bad assessment", () => {
    const bad = {
      ...buildAssessment(),
      needs: [{ actor: "sme", function: "nope", priority: 4 }],
    } as unknown as AssessmentInputRaw;
    expect(() => evaluate(rulebook, bad, { date: DATE, language: "en" })).toThrowError(
      DomainValidationError,
    );
    try {
      evaluate(rulebook, bad, { date: DATE, language: "en" });
    } catch (error) {
      expect((error as DomainValidationError).issues.map((i) => i.path)).toEqual([
        "needs[0].function",
        "needs[0].priority",
      ]);
    }
  });

  it("rejects a date that is not a calendar day", () => {
    expect(() =>
      evaluate(rulebook, buildAssessment(), { date: "2025-02-30", language: "en" }),
    ).toThrowError(DomainValidationError);
  });
});

describe("evaluateReference", () => {
  it("gives the same recommendations as the compiled engine on sample assessments", async () => {
    const base = buildAssessment();
    const { kkk: _kkk, ...noKkk } = base.cluster;
    const samples: AssessmentInputRaw[] = [
      base,
      withMembers({ sme: 10, large_enterprise: 2 }),
      withMembers({}),
      { ...base, cluster: { ...noKkk, region: "14", inWarsawCapitalRegion: false } },
      { ...base, cluster: { ...noKkk, region: "14" } },
      {
        ...base,
        cluster: { ...base.cluster, region: "06", kkk: { holds: true, validUntil: "2026-01-01" } },
      },
      { ...base, needs: [] },
    ];
    for (const sample of samples) {
      for (const date of ["2025-03-01", "2025-07-01"]) {
        const compiled = evaluate(rulebook, sample, { date, language: "pl" });
        const reference = await evaluateReference(rulebook, sample, { date, language: "pl" });
        expect(reference.engine).toBe("reference");
        expect({ ...reference, engine: "compiled" }).toEqual(compiled);
      }
    }
  });

  it("gives the same recommendations as the compiled engine for the knowledge base's sample clusters", async () => {
    const { sampleClusters } = loadKnowledgeBase();
    expect(sampleClusters.length).toBeGreaterThan(0);
    for (const sample of sampleClusters) {
      for (const { assessedOn, ...assessment } of sample.assessments) {
        const compiled = evaluate(rulebook, assessment, { date: assessedOn, language: "en" });
        const reference = await evaluateReference(rulebook, assessment, {
          date: assessedOn,
          language: "en",
        });
        expect({ ...reference, engine: "compiled" }).toEqual(compiled);
      }
    }
  });
});

describe("evaluateReference under concurrency", () => {
  it("gives every overlapping evaluation all its rules, whatever their priorities", async () => {
    // json-rules-engine keeps one run status per Engine: without queueing, a run finishing first
    // would make an overlapping one skip its remaining (lower-priority) rules. Starts are staggered
    // by 0-40 microtask ticks to hit every overlap.
    const instruments = [buildInstrument({ id: "test-instrument" })];
    const rules = [1, 2, 3, 4].map((priority) =>
      buildRuleFile({ id: `rule-${priority}`, priority }),
    );
    const book = compileRulebook(rules, { instruments }, { today: DATE });
    const expected = {
      ...evaluate(book, buildAssessment(), { date: DATE, language: "en" }),
      engine: "reference",
    };
    for (let ticks = 0; ticks <= 40; ticks++) {
      const first = evaluateReference(book, buildAssessment(), { date: DATE, language: "en" });
      for (let i = 0; i < ticks; i++) await null;
      const second = evaluateReference(book, buildAssessment(), { date: DATE, language: "en" });
      expect(await Promise.all([first, second])).toEqual([expected, expected]);
    }
  });
});
