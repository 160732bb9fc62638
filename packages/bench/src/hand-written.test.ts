import { describe, expect, it } from "vitest";
import { evaluateVerdicts } from "@klastry/rules-engine";
import { loadKnowledgeBase } from "@klastry/knowledge";
import type { Instrument } from "./domain-bits.ts";
import { BENCH_DATE, syntheticRulebook } from "./engine-bench.ts";
import { handWrittenEvaluate } from "./hand-written.ts";
import { syntheticAssessments } from "./synthetic-rulebook.ts";

// The benchmark compares speeds; that only means something if all contenders decide the same.
describe("the hand-written baseline", () => {
  const template = loadKnowledgeBase().instruments[0] as Instrument;
  const { params, rulebook } = syntheticRulebook(300, template);
  const assessments = syntheticAssessments(300);

  it("finds exactly the instruments the compiled rulebook finds eligible", () => {
    let eligibleSeen = 0;
    for (const assessment of assessments) {
      const compiled = [...evaluateVerdicts(rulebook, assessment, BENCH_DATE)]
        .filter(([, v]) => v.verdict === "eligible")
        .map(([id]) => id)
        .sort();
      const hand = handWrittenEvaluate(params, assessment, BENCH_DATE).sort();
      expect(hand).toEqual(compiled);
      eligibleSeen += hand.length;
    }
    // The generated inputs must make rules fire, or the agreement proves little.
    expect(eligibleSeen).toBeGreaterThan(100);
  });
});
