import { buildAssessment, buildInstrument } from "@klastry/domain/testing";
import { describe, expect, it } from "vitest";
import { compileRulebook } from "./compile-rulebook.ts";
import { explain, formatTrace } from "./explain.ts";
import { loadRulebook } from "./load-rulebook.ts";
import { buildRuleFile, FIXTURE_RULES_DIR, fixtureKnowledge } from "./testing/index.ts";

const rulebook = loadRulebook({
  dir: FIXTURE_RULES_DIR,
  knowledge: fixtureKnowledge(),
  today: "2025-03-01",
});

describe("explain", () => {
  it("traces every rule and condition with actual and required values", () => {
    const trace = explain(rulebook, buildAssessment(), { date: "2025-03-01", language: "en" });
    expect(trace.facts.memberCount).toBe(51);
    const grant = trace.rules.find((r) => r.ruleId === "demo-cluster-grant");
    expect(grant).toMatchObject({
      active: true,
      verdict: "not_eligible",
      nearMiss: true,
      failedUnits: { actionable: 1, need: 0, fixed: 0 },
    });
    const members = grant?.conditions?.children?.find((c) => c.name === "enough-members");
    expect(members).toMatchObject({
      kind: "leaf",
      outcome: "pass",
      actual: 51,
      required: 15,
      text: "The cluster has 51 members (at least 15 members required)",
    });
  });

  it("lists unknown facts and marks skipped rules", () => {
    const instruments = [buildInstrument({ id: "test-instrument" })];
    const book = compileRulebook(
      [buildRuleFile({ validFrom: "2026-01-01" })],
      { instruments },
      { today: "2025-03-01" },
    );
    const assessment = { ...buildAssessment(), profile: { members: {} } };
    const trace = explain(book, assessment, { date: "2025-03-01", language: "en" });
    expect(trace.rules).toEqual([
      {
        ruleId: "test-rule",
        file: "test-rule.rule.json",
        instrument: "test-instrument",
        active: false,
      },
    ]);
    expect(trace.unknownFacts).toContain("memberCount");
  });
});

describe("formatTrace", () => {
  it("renders facts, condition trees with marks and values, and the recommendations", () => {
    const text = formatTrace(
      explain(rulebook, buildAssessment(), { date: "2025-03-01", language: "en" }),
    );
    expect(text).toContain("  memberCount = 51");
    expect(text).toContain("- demo-cluster-grant (demo-cluster-grant): not_eligible, near miss");
    expect(text).toContain("✓ enough-members: memberCount = 51 greaterThanInclusive 15");
    expect(text).toContain("✗ kkk-valid: kkkValidOnDate = false equal true");
    // The voucher is a continuous offer: available, no bonus (weight 8 + a priority-2 need).
    expect(text).toContain("demo-export-voucher: eligible, score 10, available");
  });
});
