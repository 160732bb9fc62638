/**
 * @module
 * Section 2 of `npm run bench`: 10,000 generated assessments against the 1,000-rule synthetic
 * rulebook, served rulebook vs a candidate (a tenth of the rules changed), next to 10,000
 * hand-written evaluations of the same rules. Also the naive comparison (both rulebooks evaluated
 * in full for every assessment) to show what evaluating only the changed rules saves.
 */
import {
  compareVerdicts,
  compileRulebook,
  evaluateVerdicts,
  rulebookDelta,
} from "@klastry/rules-engine";
import { loadKnowledgeBase } from "@klastry/knowledge";
import type { Instrument } from "./domain-bits.ts";
import { BENCH_DATE } from "./engine-bench.ts";
import { handWrittenEvaluate } from "./hand-written.ts";
import { time } from "./measure.ts";
import {
  syntheticAssessments,
  syntheticInstruments,
  syntheticRuleFile,
  syntheticRuleParams,
} from "./synthetic-rulebook.ts";

export interface ImpactReport {
  assessments: number;
  rules: number;
  changedRules: number;
  clustersWithChanges: number;
  verdictChanges: number;
  impactTotalMs: number;
  impactMsPerAssessment: number;
  naiveTotalMs: number;
  handWrittenTotalMs: number;
  ratioImpactToHandWritten: number;
}

export function runImpactBench(
  options: { assessments?: number; rules?: number } = {},
): ImpactReport {
  const count = options.assessments ?? 10_000;
  const size = options.rules ?? 1000;
  const template = loadKnowledgeBase().instruments[0] as Instrument;
  const source = template.sources[0]?.url ?? "https://www.parp.gov.pl/";
  const params = syntheticRuleParams(size);
  const instruments = syntheticInstruments(template, params);
  // The candidate raises the member threshold of every tenth rule by 10.
  const candidateParams = params.map((p, i) =>
    i % 10 === 0 ? { ...p, minMembers: p.minMembers + 10 } : p,
  );
  const compile = (list: typeof params) =>
    compileRulebook(
      list.map((p) => ({ ...syntheticRuleFile(p), source })) as never,
      { instruments },
      { today: BENCH_DATE },
    );
  const current = compile(params);
  const candidate = compile(candidateParams);
  const assessments = syntheticAssessments(count, 11);

  // Warm both paths up before timing.
  for (const a of assessments.slice(0, 200)) {
    compareVerdicts(current, candidate, a, BENCH_DATE);
    handWrittenEvaluate(params, a, BENCH_DATE);
  }

  const impact = time(() => {
    const delta = rulebookDelta(current, candidate);
    let clusters = 0;
    let changes = 0;
    for (const assessment of assessments) {
      const found = compareVerdicts(current, candidate, assessment, BENCH_DATE, delta);
      if (found.length > 0) clusters++;
      changes += found.length;
    }
    return { clusters, changes };
  });
  const naive = time(() => {
    let sink = 0;
    for (const assessment of assessments) {
      sink += evaluateVerdicts(current, assessment, BENCH_DATE, { nearMisses: false }).size;
      sink += evaluateVerdicts(candidate, assessment, BENCH_DATE, { nearMisses: false }).size;
    }
    return sink;
  });
  const hand = time(() => {
    let sink = 0;
    for (const assessment of assessments)
      sink += handWrittenEvaluate(params, assessment, BENCH_DATE).length;
    return sink;
  });
  return {
    assessments: count,
    rules: size,
    changedRules: rulebookDelta(current, candidate).currentRules.length,
    clustersWithChanges: impact.result.clusters,
    verdictChanges: impact.result.changes,
    impactTotalMs: impact.ms,
    impactMsPerAssessment: impact.ms / count,
    naiveTotalMs: naive.ms,
    handWrittenTotalMs: hand.ms,
    ratioImpactToHandWritten: impact.ms / hand.ms,
  };
}
