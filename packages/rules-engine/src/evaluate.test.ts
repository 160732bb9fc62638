import {
  AssessmentInputSchema,
  RecommendationSetSchema,
  type AssessmentInput,
  type AssessmentInputRaw,
} from "@klastry/domain";
import { buildAssessment, buildInstrument } from "@klastry/domain/testing";
import { loadKnowledgeBase, sampleAssessmentInputs } from "@klastry/knowledge";
import { describe, expect, it } from "vitest";
import { compileRulebook } from "./compile-rulebook.ts";
import { evaluate } from "./evaluate.ts";
import { loadRulebook } from "./load-rulebook.ts";
import { evaluateReference } from "./reference-engine.ts";
import { buildRuleFile, FIXTURE_RULES_DIR, fixtureKnowledge } from "./testing/index.ts";

const DATE = "2025-03-01";
const knowledge = fixtureKnowledge();
const rulebook = loadRulebook({ dir: FIXTURE_RULES_DIR, knowledge, today: DATE });

const ALL_ZERO = {
  sme: 0,
  large_enterprise: 0,
  research_organisation: 0,
  business_support_institution: 0,
  local_government: 0,
  other: 0,
};

const withMembers = (members: Record<string, number>): AssessmentInput =>
  buildAssessment({ profile: { ...buildAssessment().profile, members } });

const parse = (raw: AssessmentInputRaw): AssessmentInput => AssessmentInputSchema.parse(raw);

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

  it("recommends an instrument whose rule is satisfied, every condition in words with units", () => {
    const set = evaluate(rulebook, buildAssessment(), { date: DATE, language: "pl" });
    const voucher = find(set, "demo-export-voucher");
    expect(voucher).toMatchObject({
      verdict: "eligible",
      nearMiss: false,
      missing: [],
      questions: [],
      ruleIds: ["demo-export-voucher"],
      applicant: "member_firms",
      // Firms of the kinds that may apply: the cluster's 40 SMEs (large firms are not eligible).
      applicantMembers: 40,
    });
    expect(voucher?.reasons.map((r) => r.text)).toEqual([
      "Zgłoszona potrzeba – MŚP (mikro, małe i średnie przedsiębiorstwa): Umiędzynarodowienie i eksport",
      "Członkowie MŚP: 40 członków (wymagane co najmniej 10 członków)",
      "Udział eksportujących członków: 40% (wymagane co najmniej 20%)",
    ]);
    expect(voucher?.reasons[1]).toMatchObject({
      ruleId: "demo-export-voucher",
      condition: "enough-smes",
      fact: "smeMemberCount",
      actual: 40,
      required: 10,
      lever: "actionable",
    });
  });

  it("shows a near miss with what is missing: a failed 'any' group as one line, values with units", () => {
    const set = evaluate(rulebook, withMembers({ ...ALL_ZERO, sme: 10, large_enterprise: 2 }), {
      date: DATE,
      language: "en",
    });
    const grant = find(set, "demo-cluster-grant");
    expect(grant).toMatchObject({ verdict: "not_eligible", nearMiss: true });
    expect(grant?.missing.map((m) => m.text)).toEqual([
      "One of: The cluster holds valid KKK status; or The cluster is a supra-regional growth cluster",
      // The rule file's own template, with the formatter's units.
      "Requires at least 15 members, you have 12 members",
    ]);
    expect(grant?.missing[0]?.alternatives?.map((a) => a.condition)).toEqual([
      "kkk-valid",
      "supra-regional-growth",
    ]);
  });

  it("is no near miss when it also fails on a need the cluster did not report", () => {
    const assessment = parse({
      ...withMembers({ ...ALL_ZERO, sme: 10, large_enterprise: 2 }),
      needs: [{ actor: "sme", function: "internationalisation", priority: 2 }],
    });
    const set = evaluate(rulebook, assessment, { date: DATE, language: "en" });
    expect(find(set, "demo-cluster-grant")).toBeUndefined();
    // The eastern loan fails on the seat (region 24), which no advice can change.
    expect(find(set, "demo-eastern-loan")).toBeUndefined();
    expect(set.notEligibleCount).toBe(2);
  });

  it("lists an instrument that fails only on needs the cluster did not mark apart, not as a near miss", () => {
    const assessment = parse({
      ...buildAssessment(),
      needs: [{ actor: "coordinator", function: "cluster_management", priority: 1 }],
    });
    const set = evaluate(rulebook, assessment, { date: DATE, language: "en" });
    expect(find(set, "demo-export-voucher")).toBeUndefined();
    expect(set.alsoFunds).toEqual([
      expect.objectContaining({
        instrumentId: "demo-export-voucher",
        functions: ["internationalisation"],
        text: "Also funds: Internationalisation and export (needs you did not mark)",
      }),
    ]);
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

  it("is no near miss when it fails only because the cluster already holds the status it would apply for", () => {
    const instruments = [buildInstrument({ id: "test-instrument" })];
    const rules = [
      buildRuleFile({
        conditions: {
          all: [
            {
              name: "not-yet-held",
              fact: "cluster",
              path: "$.regionalKeyCluster",
              operator: "notEqual",
              value: true,
            },
          ],
        },
      }),
    ];
    const book = compileRulebook(rules, { instruments }, { today: DATE });
    const holding = (regionalKeyCluster: boolean) =>
      buildAssessment({ cluster: { ...buildAssessment().cluster, regionalKeyCluster } });
    const held = evaluate(book, holding(true), { date: DATE, language: "en" });
    expect(held.recommendations).toEqual([]);
    expect(held.notEligibleCount).toBe(1);
    expect(evaluate(book, holding(false), { date: DATE, language: "en" }).recommendations).toEqual([
      expect.objectContaining({ instrumentId: "test-instrument", verdict: "eligible" }),
    ]);
    // Lacking a status the rule asks for stays something the cluster can change.
    const wants = compileRulebook(
      [
        buildRuleFile({
          conditions: {
            all: [
              {
                name: "holds",
                fact: "cluster",
                path: "$.regionalKeyCluster",
                operator: "equal",
                value: true,
              },
            ],
          },
        }),
      ],
      { instruments },
      { today: DATE },
    );
    expect(
      evaluate(wants, holding(false), { date: DATE, language: "en" }).recommendations[0],
    ).toMatchObject({ verdict: "not_eligible", nearMiss: true });
  });

  it("can at best be unknown on a member firm's own check, and asks the rule's question for it", () => {
    const instruments = [buildInstrument({ id: "test-instrument" })];
    const question = { pl: "Czy obroty firmy spadły?", en: "Did the firm's turnover drop?" };
    const rules = [
      buildRuleFile({
        conditions: {
          all: [{ name: "firm-check", fact: "memberFirmCheck", operator: "equal", value: true }],
        },
        reasons: { "firm-check": { question } },
      }),
    ];
    const book = compileRulebook(rules, { instruments }, { today: DATE });
    const [only] = evaluate(book, buildAssessment(), {
      date: DATE,
      language: "en",
    }).recommendations;
    expect(only).toMatchObject({
      verdict: "unknown",
      questions: [{ fact: "memberFirmCheck", label: "Did the firm's turnover drop?" }],
    });
  });

  it("says unknown and asks the questions that would settle it when answers are missing", () => {
    const base = buildAssessment();
    const { kkk: _kkk, supraRegionalGrowthCluster: _supra, ...cluster } = base.cluster;
    const set = evaluate(rulebook, { ...base, cluster }, { date: DATE, language: "pl" });
    const grant = find(set, "demo-cluster-grant");
    expect(grant).toMatchObject({ verdict: "unknown", nearMiss: false, missing: [] });
    expect(grant?.questions).toEqual([
      // The rule file's own question.
      {
        fact: "cluster.kkk",
        label: "Czy klaster ma status Krajowego Klastra Kluczowego i do kiedy?",
      },
      // The catalogue's question.
      {
        fact: "cluster.supraRegionalGrowthCluster",
        label: "Czy klaster jest ponadregionalnym klastrem wzrostowym?",
      },
    ]);
  });

  it("treats an answer not given as unknown, never as none", () => {
    const { needs: _needs, ...unanswered } = buildAssessment();
    const set = evaluate(rulebook, unanswered, { date: DATE, language: "en" });
    expect(find(set, "demo-export-voucher")).toMatchObject({ verdict: "unknown" });
    expect(find(set, "demo-export-voucher")?.questions[0]?.fact).toBe("needs");
    // "None" is an answer of its own: the voucher then fails on the need alone.
    const none = evaluate(rulebook, { ...unanswered, needs: [] }, { date: DATE, language: "en" });
    expect(find(none, "demo-export-voucher")).toBeUndefined();
    expect(none.alsoFunds.map((a) => a.instrumentId)).toContain("demo-export-voucher");
  });

  it("is never eligible on a missing member count, and asks for the members", () => {
    const set = evaluate(rulebook, withMembers({}), { date: DATE, language: "en" });
    const voucher = find(set, "demo-export-voucher");
    expect(voucher?.verdict).toBe("unknown");
    expect(voucher?.questions).toEqual([
      {
        fact: "profile.members",
        label: "How many members of each type does the cluster have?",
      },
    ]);
  });

  it("ranks eligible, then unknown, then near misses, before score", () => {
    const base = buildAssessment();
    const { kkk: _kkk, inWarsawCapitalRegion: _warsaw, ...cluster } = base.cluster;
    const assessment = parse({
      ...base,
      cluster: { ...cluster, region: "14", supraRegionalGrowthCluster: true },
      profile: { ...base.profile, exportingSharePercent: 10 },
    });
    const set = evaluate(rulebook, assessment, { date: DATE, language: "en" });
    expect(
      set.recommendations.map((r) => [
        r.instrumentId,
        r.verdict,
        r.nearMiss,
        r.score,
        r.availability.status,
      ]),
    ).toEqual([
      // weight 10 + a priority-1 need (3) + an open call (4)
      ["demo-cluster-grant", "eligible", false, 17, "open"],
      // weight 6 + a priority-1 need (3) + an announced call (2)
      ["demo-eastern-loan", "unknown", false, 11, "planned"],
      // weight 8 + a priority-2 need (2); a continuous offer earns no bonus
      ["demo-export-voucher", "not_eligible", true, 10, "available"],
    ]);
    expect(set.recommendations[1]?.questions.map((q) => q.fact)).toEqual([
      "cluster.inWarsawCapitalRegion",
      "cluster.kkk",
    ]);
    expect(set.groups).toEqual([
      {
        applicant: "coordinator",
        label: "The coordinator, for the cluster",
        instrumentIds: ["demo-cluster-grant", "demo-eastern-loan"],
      },
      { applicant: "member_firms", label: "Member firms", instrumentIds: ["demo-export-voucher"] },
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
    // Needs: coordinator/cluster_management priority 1 (+3), sme/internationalisation priority 2 (+2); open (+4).
    const set = evaluate(book, buildAssessment(), { date: DATE, language: "en" });
    expect(set.recommendations.map((r) => [r.instrumentId, r.score])).toEqual([
      ["b-urgent", 17],
      ["a-less-urgent", 17],
      ["c-same", 17],
    ]);
  });

  it("puts an open call before an instrument whose sources date no call, at equal weight and needs", () => {
    const instruments = [
      buildInstrument({ id: "a-no-dates", availability: { calls: [] } }),
      buildInstrument({ id: "b-open" }),
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
    expect(set.recommendations.map((r) => [r.instrumentId, r.availability.status])).toEqual([
      ["b-open", "open"],
      ["a-no-dates", "unknown"],
    ]);
    expect(set.recommendations[1]?.availability.basis).toBe("The sources give no call dates");
  });

  it("scores by rule weight plus a bonus per served need (priority 1: 3, 2: 2, 3: 1)", () => {
    const assessment = parse({
      ...buildAssessment(),
      needs: [{ actor: "sme", function: "internationalisation", priority: 3 }],
    });
    const set = evaluate(rulebook, assessment, { date: DATE, language: "en" });
    expect(find(set, "demo-export-voucher")).toMatchObject({
      score: 9,
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
      score: 27,
    });
  });

  it("gives the availability on the date with its deadline, days left and basis", () => {
    const lublin = buildAssessment({ cluster: { ...buildAssessment().cluster, region: "06" } });
    const set = evaluate(rulebook, lublin, { date: DATE, language: "en" });
    expect(find(set, "demo-cluster-grant")?.availability).toMatchObject({
      status: "open",
      deadline: "2025-04-30",
      daysLeft: 60,
      basis: "Applications open: 15 January – 30 April 2025",
      source: "https://example.org/klastry-test-source",
    });
    expect(find(set, "demo-eastern-loan")?.availability).toMatchObject({
      status: "planned",
      opensOn: "2025-06-01",
    });
  });

  it("never recommends an instrument after its end, nor one whose only call is over", () => {
    const instruments = [
      buildInstrument({
        id: "ended-programme",
        availability: {
          calls: [{ opens: "2020-04-15", closes: "2020-09-30" }],
          ended: { on: "2023-12-31", rule: "eu_2014_2020", source: "https://example.org/law" },
        },
      }),
      buildInstrument({
        id: "one-off",
        availability: { calls: [{ opens: "2025-01-15", closes: "2025-02-12" }] },
      }),
    ];
    const rules = [
      buildRuleFile({ id: "ended-programme", instrument: "ended-programme" }),
      buildRuleFile({ id: "one-off", instrument: "one-off" }),
    ];
    const book = compileRulebook(rules, { instruments }, { today: DATE });
    const set = evaluate(book, buildAssessment(), { date: DATE, language: "en" });
    expect(set.recommendations).toEqual([]);
    expect(set.notAvailableCount).toBe(2);
    // The one-off call closed 17 days before: listed as recently closed, the 2020 one is not.
    expect(set.recentlyClosed).toEqual([
      {
        instrumentId: "one-off",
        name: "Test instrument one-off (fictional)",
        verdict: "eligible",
        closedOn: "2025-02-12",
      },
    ]);
    // During its call, years before its end, the programme was open.
    expect(
      evaluate(book, buildAssessment(), { date: "2020-06-01", language: "en" }).recommendations.map(
        (r) => [r.instrumentId, r.availability.status],
      ),
    ).toContainEqual(["ended-programme", "open"]);
  });

  it("keeps a recurring call with its next expected window and its near misses", () => {
    const instruments = [
      buildInstrument({
        id: "yearly-grant",
        availability: {
          calls: [
            { opens: "2024-01-15", closes: "2024-02-12" },
            { opens: "2025-01-18", closes: "2025-02-10" },
          ],
          recurrence: {
            cycle: "yearly",
            note: { pl: "Co roku.", en: "Every year." },
            source: "https://example.org/yearly",
            confidence: "H",
          },
        },
      }),
    ];
    const rules = [
      buildRuleFile({
        id: "yearly-grant",
        instrument: "yearly-grant",
        conditions: {
          all: [
            { name: "members", fact: "memberCount", operator: "greaterThanInclusive", value: 60 },
          ],
        },
      }),
    ];
    const book = compileRulebook(rules, { instruments }, { today: DATE });
    const set = evaluate(book, buildAssessment(), { date: "2026-12-02", language: "en" });
    expect(set.recommendations[0]).toMatchObject({
      instrumentId: "yearly-grant",
      verdict: "not_eligible",
      nearMiss: true,
      availability: { status: "expected", window: { opens: "2027-01-01", closes: "2027-02-28" } },
    });
  });

  it("asks for the founding month when the year alone leaves an age threshold undecided", () => {
    const instruments = [buildInstrument({ id: "test-instrument" })];
    const rules = [
      buildRuleFile({
        conditions: {
          all: [
            { name: "age", fact: "clusterAgeYears", operator: "greaterThanInclusive", value: 3 },
          ],
        },
      }),
    ];
    const book = compileRulebook(rules, { instruments }, { today: DATE });
    const founded = (cluster: object) =>
      buildAssessment({ cluster: { ...buildAssessment().cluster, ...cluster } });
    const verdictOf = (cluster: object) =>
      evaluate(book, founded(cluster), { date: DATE, language: "en" }).recommendations[0];
    // 2022 -> 2025-03-01: two or three full years, depending on the month.
    expect(verdictOf({ foundedYear: 2022 })).toMatchObject({
      verdict: "unknown",
      questions: [
        { fact: "cluster.foundedMonth", label: "When (year and month) was the cluster founded?" },
      ],
    });
    expect(verdictOf({ foundedYear: 2022, foundedMonth: 1 })?.verdict).toBe("eligible");
    expect(verdictOf({ foundedYear: 2022, foundedMonth: 6 })).toMatchObject({
      verdict: "not_eligible",
      nearMiss: true,
    });
    // Far from the threshold the year alone decides.
    expect(verdictOf({ foundedYear: 2015 })?.verdict).toBe("eligible");
  });

  it("is deterministic: two runs give byte-identical JSON", () => {
    const a = JSON.stringify(evaluate(rulebook, buildAssessment(), { date: DATE, language: "pl" }));
    const b = JSON.stringify(evaluate(rulebook, buildAssessment(), { date: DATE, language: "pl" }));
    expect(a).toBe(b);
  });
});

describe("evaluateReference", () => {
  it("gives the same recommendations as the compiled engine on sample assessments", async () => {
    const base = buildAssessment();
    const { kkk: _kkk, ...noKkk } = base.cluster;
    const samples: AssessmentInput[] = [
      base,
      withMembers({ ...ALL_ZERO, sme: 10, large_enterprise: 2 }),
      withMembers({}),
      parse({ ...base, cluster: { ...noKkk, region: "14", inWarsawCapitalRegion: false } }),
      parse({ ...base, cluster: { ...noKkk, region: "14" } }),
      parse({
        ...base,
        cluster: { ...base.cluster, region: "06", kkk: { holds: true, validUntil: "2026-01-01" } },
      }),
      parse({ ...base, cluster: { ...base.cluster, foundedYear: 2022 } }),
      parse({ ...base, needs: [] }),
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
    const samples = sampleAssessmentInputs(loadKnowledgeBase());
    expect(samples.length).toBeGreaterThan(0);
    for (const { assessedOn, input } of samples) {
      const compiled = evaluate(rulebook, input, { date: assessedOn, language: "en" });
      const reference = await evaluateReference(rulebook, input, {
        date: assessedOn,
        language: "en",
      });
      expect({ ...reference, engine: "compiled" }).toEqual(compiled);
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
      for (let i = 0; i < ticks; i++) await Promise.resolve();
      const second = evaluateReference(book, buildAssessment(), { date: DATE, language: "en" });
      expect(await Promise.all([first, second])).toEqual([expected, expected]);
    }
  });
});
