/**
 * @module
 * Which of a cluster's needs public support covers on a date, decided by the same verdicts as its
 * recommendations: a need is covered by an instrument that serves it (its function, for an actor
 * the instrument accepts), is eligible or can't-tell-yet for this cluster, and is open, announced,
 * expected or available on the date. A programme running with no confirmed call may fund a need
 * but covers nothing. The region's dashboard adds these up, so it cannot disagree with a
 * cluster's own results.
 */
import type { AssessmentInput, CallStatus, IsoDate, Need } from "@klastry/domain";
import { availabilityOf } from "./availability-of.ts";
import type { Rulebook } from "./compile-rulebook.ts";
import { evaluateVerdicts, type InstrumentVerdict } from "./evaluate-verdicts.ts";
import { compareText, servedNeeds } from "./rank.ts";

/** Statuses under which an instrument covers a need. */
export const COVERING_STATUSES: ReadonlySet<CallStatus> = new Set([
  "open",
  "planned",
  "expected",
  "available",
]);

export interface NeedCoverage {
  readonly need: Need;
  /** Instruments covering the need on the date, by id. */
  readonly coveredBy: readonly string[];
  /** Programmes running with no confirmed call that may fund the need, by id. */
  readonly mayFund: readonly string[];
}

/**
 * The coverage of every need of an assessment (none when its needs are not answered). Pass the
 * verdicts when they are at hand (they must be of the same rulebook, assessment and date).
 *
 * @example
 * needsCoverage(rulebook, assessment, "2026-12-02").filter((c) => c.coveredBy.length === 0); // gaps
 */
export function needsCoverage(
  rulebook: Rulebook,
  assessment: AssessmentInput,
  date: IsoDate,
  verdicts: ReadonlyMap<string, InstrumentVerdict> = evaluateVerdicts(rulebook, assessment, date),
): NeedCoverage[] {
  const needs = assessment.needs ?? [];
  if (needs.length === 0) return [];
  const statuses = availabilityOf(rulebook, date);
  const covered = new Map<string, string[]>();
  const mayFund = new Map<string, string[]>();
  const key = (need: Pick<Need, "actor" | "function">) => `${need.actor}/${need.function}`;
  const ids = [...verdicts.keys()].sort(compareText);
  for (const id of ids) {
    const verdict = verdicts.get(id) as InstrumentVerdict;
    if (verdict.verdict === "not_eligible") continue;
    const instrument = rulebook.instruments.get(id);
    const status = statuses.get(id)?.status;
    if (!instrument || status === undefined) continue;
    const target = COVERING_STATUSES.has(status)
      ? covered
      : status === "programme_running"
        ? mayFund
        : undefined;
    if (!target) continue;
    for (const need of servedNeeds(instrument, needs)) {
      const list = target.get(key(need));
      if (list) list.push(id);
      else target.set(key(need), [id]);
    }
  }
  return needs.map((need) => ({
    need,
    coveredBy: covered.get(key(need)) ?? [],
    mayFund: mayFund.get(key(need)) ?? [],
  }));
}
