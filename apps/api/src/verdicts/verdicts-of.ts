/**
 * @module
 * The verdicts stored for an assessment: the engine's verdict-only path (`evaluateVerdicts`, the
 * same verdicts as `evaluate`), keeping the instruments that fit or nearly fit, and which of its
 * needs the fitting ones serve (as `needsCoverage` decides it, before call statuses).
 */
import { createHash } from "node:crypto";
import type { AssessmentVerdicts, ServedNeed, StoredVerdict, VerdictTarget } from "@klastry/db";
import type { AssessmentInput, IsoDate, StoredAssessment } from "@klastry/domain";
import { evaluateVerdicts, servedNeeds, type Rulebook } from "@klastry/rules-engine";
import { answersOf } from "../evaluation.ts";

const CATALOGUE_HASHES = new WeakMap<Rulebook, string>();

/**
 * What stored verdicts are keyed by: the rulebook version (a hash of the rule files) and a hash
 * of the instruments it was compiled with, since verdicts and served needs depend on both and a
 * new catalogue may come with unchanged rule files.
 */
export function verdictVersionOf(rulebook: Rulebook): string {
  let hash = CATALOGUE_HASHES.get(rulebook);
  if (hash === undefined) {
    const instruments = [...rulebook.instruments.values()];
    hash = createHash("sha256").update(JSON.stringify(instruments)).digest("hex").slice(0, 12);
    CATALOGUE_HASHES.set(rulebook, hash);
  }
  return `${rulebook.version}+${hash}`;
}

/** The target of verdicts made with `rulebook` for `day`. */
export function targetOf(rulebook: Rulebook, day: IsoDate): VerdictTarget {
  return { rulebookVersion: verdictVersionOf(rulebook), evaluatedOn: day };
}

/** What to store for one assessment on one day, instruments in id order. */
export function verdictsOf(
  rulebook: Rulebook,
  assessment: AssessmentInput,
  day: IsoDate,
): Omit<AssessmentVerdicts, "assessmentId"> {
  const found = evaluateVerdicts(rulebook, assessment, day, { nearMisses: true });
  const verdicts: StoredVerdict[] = [...found]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([instrumentId, v]) => ({ instrumentId, verdict: v.verdict, nearMiss: v.nearMiss }));
  const served: ServedNeed[] = [];
  for (const { instrumentId, verdict } of verdicts) {
    const instrument = rulebook.instruments.get(instrumentId);
    if (verdict === "not_eligible" || instrument === undefined) continue;
    for (const need of servedNeeds(instrument, assessment.needs)) {
      served.push({ instrumentId, actor: need.actor, function: need.function });
    }
  }
  return { verdicts, servedNeeds: served };
}

/** The verdicts of stored assessments, ready for `db.verdicts.write` or a batch. */
export function assessmentVerdicts(
  rulebook: Rulebook,
  assessments: readonly StoredAssessment[],
  day: IsoDate,
): AssessmentVerdicts[] {
  return assessments.map((assessment) => ({
    assessmentId: assessment.id,
    ...verdictsOf(rulebook, answersOf(assessment), day),
  }));
}
