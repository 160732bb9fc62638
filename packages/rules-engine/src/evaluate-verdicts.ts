/**
 * @module
 * The verdict-only path: what impact analysis and dashboards need for thousands of assessments.
 * Same closures and three-valued outcomes as `evaluate`, without parsing (the caller passes a
 * parsed assessment), without texts, and with one frame per rulebook reused across evaluations
 * (evaluation is synchronous, so no two evaluations share it at once).
 */
import type { AssessmentInput, IsoDate, Verdict } from "@klastry/domain";
import { createFrame, FALSE, TRUE, UNKNOWN, type Frame, type Outcome } from "./compile-condition.ts";
import type { CompiledRule, Rulebook } from "./compile-rulebook.ts";
import { deriveFacts } from "./derive-facts.ts";
import { isActiveOn } from "./evaluate.ts";
import { judgeRule } from "./judge-rule.ts";

/** One instrument's outcome: the best verdict of its rules, and whether it is a near miss. */
export interface InstrumentVerdict {
  readonly verdict: Verdict;
  readonly nearMiss: boolean;
}

const FRAMES = new WeakMap<Rulebook, Frame>();

function frameFor(rulebook: Rulebook, assessment: AssessmentInput, date: IsoDate): Frame {
  const facts = deriveFacts(assessment, date, rulebook.instruments);
  let frame = FRAMES.get(rulebook);
  if (!frame) {
    frame = createFrame(rulebook.nodeCount, facts);
    FRAMES.set(rulebook, frame);
  } else {
    frame.facts = facts;
  }
  return frame;
}

const RANK: Record<Outcome, number> = { [TRUE]: 0, [UNKNOWN]: 1, [FALSE]: 2 };
const VERDICT: Record<Outcome, Verdict> = { [TRUE]: "eligible", [UNKNOWN]: "unknown", [FALSE]: "not_eligible" };

/**
 * Verdicts by instrument id for a parsed assessment on a date; rules outside their validity are
 * skipped, several rules of one instrument keep the best verdict (as `evaluate` does).
 *
 * @example
 * const verdicts = evaluateVerdicts(rulebook, AssessmentInputSchema.parse(body), "2026-11-29");
 * verdicts.get("feng-2-17-rozwoj-oferty-klastrow")?.verdict; // "eligible"
 */
export function evaluateVerdicts(
  rulebook: Rulebook,
  assessment: AssessmentInput,
  date: IsoDate,
  rules: readonly CompiledRule[] = rulebook.rules,
): Map<string, InstrumentVerdict> {
  const frame = frameFor(rulebook, assessment, date);
  const best = new Map<string, { outcome: Outcome; failed: CompiledRule[] }>();
  for (const rule of rules) {
    if (!isActiveOn(rule, date)) continue;
    const outcome = rule.evaluate(frame);
    const current = best.get(rule.instrument);
    if (!current || RANK[outcome] < RANK[current.outcome]) {
      best.set(rule.instrument, { outcome, failed: outcome === FALSE ? [rule] : [] });
    } else if (outcome === FALSE && current.outcome === FALSE) {
      current.failed.push(rule);
    }
  }
  const verdicts = new Map<string, InstrumentVerdict>();
  for (const [instrument, { outcome, failed }] of best) {
    // A failed instrument is a near miss when any of its rules failed on few units, as in `evaluate`.
    const nearMiss = outcome === FALSE && failed.some((rule) => judgeRule(rule, frame, { details: false }).nearMiss);
    verdicts.set(instrument, { verdict: VERDICT[outcome], nearMiss });
  }
  return verdicts;
}
