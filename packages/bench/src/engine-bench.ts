/**
 * @module
 * Section 1 of `npm run bench`: milliseconds per assessment for json-rules-engine, the compiled
 * evaluator and the hand-written baseline, on generated rulebooks of 300 and 1,000 rules (the
 * performance issue's shape) and on the shipped rulebook.
 */
import { loadKnowledgeBase } from "@klastry/knowledge";
import {
  compileRulebook,
  evaluate,
  evaluateReference,
  evaluateVerdicts,
  loadRulebook,
  referenceEngineFor,
  type Rulebook,
} from "@klastry/rules-engine";
import { sampleAssessmentInputs } from "@klastry/knowledge";
import type { AssessmentInput, Instrument } from "./domain-bits.ts";
import { handWrittenEvaluate } from "./hand-written.ts";
import { measureAsync, measureSync, type Timing } from "./measure.ts";

import {
  syntheticAssessments,
  syntheticInstruments,
  syntheticRuleFile,
  syntheticRuleParams,
} from "./synthetic-rulebook.ts";

export const BENCH_DATE = "2026-11-29";

export interface EngineRow {
  rulebook: string;
  rules: number;
  /** json-rules-engine's `engine.run` on the derived facts: verdicts only. */
  jsonRulesEngine: Timing;
  /** Our compiled closures, verdicts only (what impact analysis runs). */
  compiledVerdicts: Timing;
  /** Our full `evaluate`: parse, derive, every rule, ranked recommendations with reasons. */
  compiledFull: Timing;
  /** `evaluateReference`: the same full output with json-rules-engine deciding. */
  referenceFull: Timing;
  /** Hand-written JavaScript with the same logic (synthetic rulebooks only). */
  handWritten?: Timing;
}

export function syntheticRulebook(size: number, template: Instrument) {
  const params = syntheticRuleParams(size);
  const instruments = syntheticInstruments(template, params);
  const source = template.sources[0]?.url ?? "https://www.parp.gov.pl/";
  const files = params.map((p) => ({ ...syntheticRuleFile(p), source }));
  const rulebook = compileRulebook(files as never, { instruments }, { today: BENCH_DATE });
  return { params, rulebook };
}

async function measureRulebook(
  name: string,
  rulebook: Rulebook,
  assessments: readonly AssessmentInput[],
  hand?: (a: AssessmentInput) => unknown,
): Promise<EngineRow> {
  const pick = (i: number) => assessments[i % assessments.length] as AssessmentInput;
  const engine = referenceEngineFor(rulebook);
  const { deriveFacts } = await import("@klastry/rules-engine");
  // Order matters on V8: the verdict paths go first, before the full evaluations warm shared
  // helpers with other shapes (seen here: up to 1.6x slower verdicts when measured after them).
  const handWritten = hand ? measureSync((i) => hand(pick(i))) : undefined;
  const compiledVerdicts = measureSync((i) =>
    evaluateVerdicts(rulebook, pick(i), BENCH_DATE, { nearMisses: false }),
  );
  const jsonRulesEngine = await measureAsync((i) => {
    const facts = deriveFacts(pick(i), BENCH_DATE, rulebook.instruments);
    return engine.run({ ...facts.values, evaluationDate: BENCH_DATE });
  });
  const compiledFull = measureSync((i) =>
    evaluate(rulebook, pick(i), { date: BENCH_DATE, language: "pl" }),
  );
  const referenceFull = await measureAsync((i) =>
    evaluateReference(rulebook, pick(i), { date: BENCH_DATE, language: "pl" }),
  );
  return {
    rulebook: name,
    rules: rulebook.rules.length,
    jsonRulesEngine,
    compiledVerdicts,
    compiledFull,
    referenceFull,
    ...(handWritten && { handWritten }),
  };
}

export async function runEngineBench(options: { rulesDir: string }): Promise<EngineRow[]> {
  const knowledge = loadKnowledgeBase();
  const template = knowledge.instruments[0] as Instrument;
  const assessments = syntheticAssessments(500);
  const rows: EngineRow[] = [];
  for (const size of [300, 1000]) {
    const { params, rulebook } = syntheticRulebook(size, template);
    rows.push(
      await measureRulebook(`synthetic-${size}`, rulebook, assessments, (a) =>
        handWrittenEvaluate(params, a, BENCH_DATE),
      ),
    );
  }
  const shipped = loadRulebook({ dir: options.rulesDir, knowledge, today: BENCH_DATE });
  const samples = sampleAssessmentInputs(knowledge).map((s) => s.input);
  rows.push(await measureRulebook("shipped", shipped, samples.length > 0 ? samples : assessments));
  return rows;
}
