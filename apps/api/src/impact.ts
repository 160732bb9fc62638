/**
 * @module
 * Rule impact for `POST /rules/impact`: for every stored cluster's latest assessment, what a
 * candidate rulebook changes against the served one. The comparison itself is the engine's
 * `rulebookImpact`, the same one `klastry rules impact` runs; this module maps its report to the
 * route's contract (clusters with `gained`, `lost` and `verdictChanges`, counts `byInstrument`),
 * extended with instrument names, standings, the conditions that made the difference, the rule
 * changes and the summary.
 */
import type { AssessmentInput, IsoDate, LocalizedText } from "@klastry/domain";
import {
  rulebookImpact,
  type InstrumentChange,
  type Rulebook,
  type RulebookImpact,
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
  verdictChanges: InstrumentChange[];
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
  /** Per instrument, how many clusters gain and lose it (eligible); only instruments with either. */
  byInstrument: {
    instrumentId: string;
    instrumentName: LocalizedText;
    gained: number;
    lost: number;
  }[];
  /** Rules added, removed or changed, with their condition diffs. */
  rules: RulebookImpact["rules"];
  summary: RulebookImpact["summary"];
}

export function computeImpact(
  current: Rulebook,
  candidate: Rulebook,
  subjects: readonly ImpactSubject[],
  date: IsoDate,
): ImpactReport {
  const report = rulebookImpact(
    current,
    candidate,
    subjects.map((subject) => ({
      id: subject.assessmentId,
      name: subject.clusterName,
      region: subject.assessment.cluster.region,
      assessment: subject.assessment,
      source: "stored",
    })),
    { date, labels: { before: "served", after: "candidate" } },
  );
  const byAssessment = new Map(subjects.map((subject) => [subject.assessmentId, subject]));
  return {
    currentVersion: current.version,
    candidateVersion: candidate.version,
    evaluatedOn: date,
    clustersEvaluated: subjects.length,
    changedInstruments: report.instruments.map((i) => i.instrumentId),
    changed: report.clusters.map((cluster) => {
      const subject = byAssessment.get(cluster.id) as ImpactSubject;
      return {
        clusterId: subject.clusterId,
        clusterName: subject.clusterName,
        region: subject.region,
        assessmentId: subject.assessmentId,
        gained: cluster.gained,
        lost: cluster.lost,
        verdictChanges: cluster.changes,
      };
    }),
    byInstrument: report.instruments
      .filter((i) => i.gained.eligible > 0 || i.lost.eligible > 0)
      .map((i) => ({
        instrumentId: i.instrumentId,
        instrumentName: i.instrumentName,
        gained: i.gained.eligible,
        lost: i.lost.eligible,
      })),
    rules: report.rules,
    summary: report.summary,
  };
}
