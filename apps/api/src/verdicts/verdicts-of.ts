/**
 * @module
 * The verdicts stored for an assessment: the engine's verdict-only path (`evaluateVerdicts`, the
 * same verdicts as `evaluate`), keeping the instruments that fit or nearly fit.
 */
import type { AssessmentVerdicts, StoredVerdict, VerdictTarget } from "@klastry/db";
import type { AssessmentInput, IsoDate, StoredAssessment } from "@klastry/domain";
import { evaluateVerdicts, type Rulebook } from "@klastry/rules-engine";
import { answersOf } from "../evaluation.ts";

/** The target of verdicts made with `rulebook` for `day`. */
export function targetOf(rulebook: Rulebook, day: IsoDate): VerdictTarget {
  return { rulebookVersion: rulebook.version, evaluatedOn: day };
}

/** What to store for one assessment on one day, instruments in id order. */
export function verdictsOf(
  rulebook: Rulebook,
  assessment: AssessmentInput,
  day: IsoDate,
): StoredVerdict[] {
  const verdicts = evaluateVerdicts(rulebook, assessment, day, { nearMisses: true });
  return [...verdicts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([instrumentId, v]) => ({ instrumentId, verdict: v.verdict, nearMiss: v.nearMiss }));
}

/** The verdicts of stored assessments, ready for `db.verdicts.write` or a batch. */
export function assessmentVerdicts(
  rulebook: Rulebook,
  assessments: readonly StoredAssessment[],
  day: IsoDate,
): AssessmentVerdicts[] {
  return assessments.map((assessment) => ({
    assessmentId: assessment.id,
    verdicts: verdictsOf(rulebook, answersOf(assessment), day),
  }));
}
