/**
 * @module
 * The verdict-only path: what impact analysis and dashboards need for thousands of assessments.
 * Same three-valued outcomes as `evaluate`, from short-circuiting closures (compile-fast.ts),
 * without parsing (the caller passes a parsed assessment) and without texts. Near misses, when
 * asked for, re-run only the failed rules with the recording closures into one frame per
 * rulebook, reused across evaluations (evaluation is synchronous, so no two share it at once).
 */
import type { AssessmentInput, IsoDate, Verdict } from "@klastry/domain";
import { createFrame, FALSE, TRUE, UNKNOWN, type Frame, type Outcome } from "./compile-condition.ts";
import { compileFastCondition, type FastTest } from "./compile-fast.ts";
import type { CompiledRule, Rulebook } from "./compile-rulebook.ts";
import { deriveFacts, type FactValues } from "./derive-facts.ts";
import { isActiveOn } from "./evaluate.ts";
import { judgeRule } from "./judge-rule.ts";

/** One instrument's outcome: the best verdict of its rules, and whether it is a near miss. */
export interface InstrumentVerdict {
  readonly verdict: Verdict;
  readonly nearMiss: boolean;
}

const FRAMES = new WeakMap<Rulebook, Frame>();
const FAST = new WeakMap<CompiledRule, FastTest>();

/** The rule's short-circuiting closure, compiled on first use and kept with the rule. */
function fastTestOf(rule: CompiledRule): FastTest {
  let test = FAST.get(rule);
  if (!test) {
    test = compileFastCondition(rule.definition.conditions);
    FAST.set(rule, test);
  }
  return test;
}

function frameFor(rulebook: Rulebook, facts: FactValues): Frame {
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
  options: { rules?: readonly CompiledRule[]; nearMisses?: boolean } = {},
): Map<string, InstrumentVerdict> {
  const rules = options.rules ?? rulebook.rules;
  const nearMisses = options.nearMisses ?? true;
  const facts = deriveFacts(assessment, date, rulebook.instruments);
  const best = new Map<string, { outcome: Outcome; failed: CompiledRule[] }>();
  for (const rule of rules) {
    if (!isActiveOn(rule, date)) continue;
    const outcome = fastTestOf(rule)(facts);
    const current = best.get(rule.instrument);
    if (!current || RANK[outcome] < RANK[current.outcome]) {
      best.set(rule.instrument, { outcome, failed: outcome === FALSE ? [rule] : [] });
    } else if (outcome === FALSE && current.outcome === FALSE) {
      current.failed.push(rule);
    }
  }
  const verdicts = new Map<string, InstrumentVerdict>();
  // Near misses count failed leaves, which the short-circuiting closures skip: only failed rules
  // are re-run with the recording closures, and only when the caller asks.
  const frame = nearMisses ? frameFor(rulebook, facts) : undefined;
  for (const [instrument, { outcome, failed }] of best) {
    // A failed instrument is a near miss when any of its rules failed on few units, as in `evaluate`.
    const nearMiss =
      frame !== undefined &&
      outcome === FALSE &&
      failed.some((rule) => {
        rule.evaluate(frame);
        return judgeRule(rule, frame, { details: false }).nearMiss;
      });
    verdicts.set(instrument, { verdict: VERDICT[outcome], nearMiss });
  }
  return verdicts;
}
