/**
 * @module
 * Rule impact: evaluates every stored cluster's latest assessment with the served rulebook and
 * with a candidate, and lists what changes: instruments gained and lost (eligible before/after)
 * and every verdict that moved. Pure over its inputs, so routes and tests share it.
 */
import type { AssessmentInput, IsoDate, Language, RecommendationSet, Verdict } from "@klastry/domain";
import type { Rulebook } from "@klastry/rules-engine";
import { evaluateWith } from "./evaluation.ts";

export interface ImpactSubject {
  clusterId: string;
  clusterName: string;
  region: string;
  assessmentId: string;
  assessment: AssessmentInput;
}

export interface VerdictChange {
  instrumentId: string;
  before: Verdict;
  after: Verdict;
}

export interface ClusterImpact {
  clusterId: string;
  clusterName: string;
  region: string;
  assessmentId: string;
  gained: string[];
  lost: string[];
  verdictChanges: VerdictChange[];
}

export interface ImpactReport {
  currentVersion: string;
  candidateVersion: string;
  evaluatedOn: IsoDate;
  clustersEvaluated: number;
  /** Only the clusters where something changed, ordered by cluster id. */
  changed: ClusterImpact[];
  /** Per instrument, how many clusters gain and lose it. */
  byInstrument: { instrumentId: string; gained: number; lost: number }[];
}

/** Verdict per instrument; instruments a set leaves out were evaluated not eligible. */
function verdicts(set: RecommendationSet): Map<string, Verdict> {
  return new Map(set.recommendations.map((r) => [r.instrumentId, r.verdict]));
}

export async function computeImpact(
  current: Rulebook,
  candidate: Rulebook,
  subjects: readonly ImpactSubject[],
  options: { date: IsoDate; language: Language },
): Promise<ImpactReport> {
  const changed: ClusterImpact[] = [];
  const counts = new Map<string, { gained: number; lost: number }>();
  for (const subject of subjects) {
    const before = verdicts(await evaluateWith(current, subject.assessment, options));
    const after = verdicts(await evaluateWith(candidate, subject.assessment, options));
    const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
    const gained: string[] = [];
    const lost: string[] = [];
    const verdictChanges: VerdictChange[] = [];
    for (const id of ids) {
      const was = before.get(id) ?? "not_eligible";
      const is = after.get(id) ?? "not_eligible";
      if (was === is) continue;
      verdictChanges.push({ instrumentId: id, before: was, after: is });
      const tally = counts.get(id) ?? { gained: 0, lost: 0 };
      if (is === "eligible") {
        gained.push(id);
        tally.gained += 1;
      }
      if (was === "eligible") {
        lost.push(id);
        tally.lost += 1;
      }
      counts.set(id, tally);
    }
    if (verdictChanges.length > 0) {
      changed.push({
        clusterId: subject.clusterId,
        clusterName: subject.clusterName,
        region: subject.region,
        assessmentId: subject.assessmentId,
        gained,
        lost,
        verdictChanges,
      });
    }
  }
  return {
    currentVersion: current.version,
    candidateVersion: candidate.version,
    evaluatedOn: options.date,
    clustersEvaluated: subjects.length,
    changed,
    byInstrument: [...counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([instrumentId, tally]) => ({ instrumentId, ...tally })),
  };
}
