/**
 * @module
 * Rule impact for `POST /rules/impact`: for every stored cluster's latest assessment, what a
 * candidate rulebook changes against the served one. The comparison itself is the engine's
 * `rulebookImpact`, the same one `klastry rules impact` runs; this module maps its report to the
 * route's contract (clusters with `gained`, `lost` and `verdictChanges`, counts `byInstrument`),
 * extended with instrument names, standings, the conditions that made the difference, the rule
 * changes and the summary.
 */
import type { AssessmentInput, IsoDate, Language, LocalizedText } from "@klastry/domain";
import type { AssessmentRecord } from "@klastry/db";
import {
  rulebookImpact,
  type InstrumentChange,
  type Rulebook,
  type RulebookImpact,
} from "@klastry/rules-engine";
import { answersOf } from "./evaluation.ts";

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

const UNNAMED: LocalizedText = { pl: "Klaster nieujawniony", en: "Cluster not named" };

/**
 * The clusters an impact preview may speak of: the caller passes only the clusters that allow
 * being counted; those whose coordinator did not agree to be named get a pseudonym for both name
 * and id (a cluster's id is made from its name), numbered in the order given.
 */
export function impactSubjects(
  records: readonly AssessmentRecord[],
  named: ReadonlySet<string>,
  language: Language,
): ImpactSubject[] {
  let unnamed = 0;
  return records.map((record) => {
    const { clusterId } = record.assessment;
    const shown = named.has(clusterId);
    if (!shown) unnamed += 1;
    return {
      clusterId: shown ? clusterId : `unnamed-${unnamed}`,
      clusterName: shown ? record.assessment.cluster.name : `${UNNAMED[language]} ${unnamed}`,
      region: record.region,
      assessmentId: record.assessment.id,
      assessment: answersOf(record.assessment),
    };
  });
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
