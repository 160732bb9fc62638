/**
 * @module
 * Rule impact: for every stored cluster's latest assessment, what a candidate rulebook changes
 * against the served one: instruments gained and lost (eligible after / before) and every verdict
 * or near-miss flag that moved. Only the rules that differ are evaluated (the engine's
 * `rulebookDelta` + `compareVerdicts`), so impact over thousands of assessments stays quick.
 */
import type { AssessmentInput, IsoDate } from "@klastry/domain";
import {
  compareVerdicts,
  rulebookDelta,
  type Rulebook,
  type VerdictChange,
} from "@klastry/rules-engine";

export interface ImpactSubject {
  clusterId: string;
  clusterName: string;
  region: string;
  assessmentId: string;
  assessment: AssessmentInput;
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
  /** Instruments whose rules differ between the two rulebooks. */
  changedInstruments: string[];
  /** Only the clusters where something changed, in the order given. */
  changed: ClusterImpact[];
  /** Per instrument, how many clusters gain and lose it. */
  byInstrument: { instrumentId: string; gained: number; lost: number }[];
}

export function computeImpact(
  current: Rulebook,
  candidate: Rulebook,
  subjects: readonly ImpactSubject[],
  date: IsoDate,
): ImpactReport {
  const delta = rulebookDelta(current, candidate);
  const changed: ClusterImpact[] = [];
  const counts = new Map<string, { gained: number; lost: number }>();
  const tally = (id: string) => {
    const entry = counts.get(id) ?? { gained: 0, lost: 0 };
    counts.set(id, entry);
    return entry;
  };
  for (const subject of subjects) {
    const verdictChanges = compareVerdicts(current, candidate, subject.assessment, date, delta);
    if (verdictChanges.length === 0) continue;
    const gained = verdictChanges
      .filter((c) => c.after === "eligible" && c.before !== "eligible")
      .map((c) => c.instrumentId);
    const lost = verdictChanges
      .filter((c) => c.before === "eligible" && c.after !== "eligible")
      .map((c) => c.instrumentId);
    for (const id of gained) tally(id).gained += 1;
    for (const id of lost) tally(id).lost += 1;
    const { assessment: _answers, ...who } = subject;
    changed.push({ ...who, gained, lost, verdictChanges });
  }
  return {
    currentVersion: current.version,
    candidateVersion: candidate.version,
    evaluatedOn: date,
    clustersEvaluated: subjects.length,
    changedInstruments: [...delta.instruments].sort(),
    changed,
    byInstrument: [...counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([instrumentId, entry]) => ({ instrumentId, ...entry })),
  };
}
