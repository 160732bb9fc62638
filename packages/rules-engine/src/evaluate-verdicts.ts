/**
 * @module
 * The verdict-only path: what impact analysis and dashboards need for thousands of assessments.
 * Same three-valued outcomes as `evaluate`, from short-circuiting closures (compile-fast.ts),
 * without parsing (the caller passes a parsed assessment) and without texts. Each rule list gets
 * a plan once (closures, instrument numbers, validity), so an evaluation allocates almost nothing
 * per rule. Near misses, when asked for, re-run only the failed rules with the recording closures
 * into one frame per rulebook, reused across evaluations (evaluation is synchronous).
 */
import type { AssessmentInput, IsoDate, Verdict } from "@klastry/domain";
import { createFrame, FALSE, TRUE, UNKNOWN, type Frame } from "./compile-condition.ts";
import { compileFastCondition, factSlots, type FastTest } from "./compile-fast.ts";
import type { CompiledRule, Rulebook } from "./compile-rulebook.ts";
import { deriveFacts, type FactValues } from "./derive-facts.ts";
import { isActiveOn } from "./evaluate.ts";
import { judgeRule } from "./judge-rule.ts";

/** One instrument's outcome: the best verdict of its rules, and whether it is a near miss. */
export interface InstrumentVerdict {
  readonly verdict: Verdict;
  readonly nearMiss: boolean;
}

interface Plan {
  readonly rules: readonly CompiledRule[];
  readonly tests: readonly FastTest[];
  /** Instrument number of each rule, into `instruments`. */
  readonly instrumentOf: Int32Array;
  /** 1 where a rule has validity dates to check, 0 where it always applies. */
  readonly dated: Uint8Array;
  readonly instruments: readonly string[];
}

const PLANS = new WeakMap<readonly CompiledRule[], Plan>();
const FAST = new WeakMap<CompiledRule, FastTest>();
const FRAMES = new WeakMap<Rulebook, Frame>();

function planFor(rules: readonly CompiledRule[]): Plan {
  const cached = PLANS.get(rules);
  if (cached) return cached;
  const numbers = new Map<string, number>();
  const instrumentOf = new Int32Array(rules.length);
  rules.forEach((rule, i) => {
    let n = numbers.get(rule.instrument);
    if (n === undefined) numbers.set(rule.instrument, (n = numbers.size));
    instrumentOf[i] = n;
  });
  const tests = rules.map((rule) => {
    let test = FAST.get(rule);
    if (!test) FAST.set(rule, (test = compileFastCondition(rule.definition.conditions)));
    return test;
  });
  const dated = Uint8Array.from(rules, (rule) =>
    rule.validFrom !== undefined || rule.validTo !== undefined ? 1 : 0,
  );
  const plan: Plan = { rules, tests, instrumentOf, dated, instruments: [...numbers.keys()] };
  PLANS.set(rules, plan);
  return plan;
}

// Lower is better: eligible, then unknown, then not eligible; NONE = no active rule.
const RANK_OF: number[] = [];
RANK_OF[TRUE] = 0;
RANK_OF[UNKNOWN] = 1;
RANK_OF[FALSE] = 2;
const NONE = 3;
const VERDICT_OF_RANK: readonly Verdict[] = ["eligible", "unknown", "not_eligible"];

/**
 * Verdicts of a parsed assessment on a date, for the instruments that are eligible, undecided or
 * (with `nearMisses`) near misses; an instrument absent from the map is not eligible. Rules
 * outside their validity are skipped; several rules of one instrument keep the best verdict, as
 * `evaluate` does. `rules` narrows the evaluation to some of the rulebook's rules (keep the same
 * array across calls: its plan is cached by identity).
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
  const plan = planFor(options.rules ?? rulebook.rules);
  const facts = deriveFacts(assessment, date, rulebook.instruments);
  const slots = factSlots(facts);
  const best = new Uint8Array(plan.instruments.length).fill(NONE);
  const { rules, tests, instrumentOf, dated } = plan;
  for (let i = 0; i < rules.length; i++) {
    if (dated[i] === 1 && !isActiveOn(rules[i] as CompiledRule, date)) continue;
    const rank = RANK_OF[(tests[i] as FastTest)(slots, facts)] as number;
    const n = instrumentOf[i] as number;
    if (rank < (best[n] as number)) best[n] = rank;
  }
  const verdicts = new Map<string, InstrumentVerdict>();
  const frame = options.nearMisses ? frameFor(rulebook, facts) : undefined;
  for (let n = 0; n < best.length; n++) {
    const rank = best[n] as number;
    if (rank === NONE) continue;
    const instrument = plan.instruments[n] as string;
    if (rank < 2) {
      verdicts.set(instrument, { verdict: VERDICT_OF_RANK[rank] as Verdict, nearMiss: false });
    } else if (frame && isNearMiss(plan, n, frame, date)) {
      verdicts.set(instrument, { verdict: "not_eligible", nearMiss: true });
    }
  }
  return verdicts;
}

/**
 * Near misses count failed leaves, which the short-circuiting closures skip: the instrument's
 * failed rules are re-run with the recording closures. A near miss when any of them failed on
 * few units, as in `evaluate`.
 */
function isNearMiss(plan: Plan, n: number, frame: Frame, date: IsoDate): boolean {
  for (let i = 0; i < plan.rules.length; i++) {
    if (plan.instrumentOf[i] !== n) continue;
    const rule = plan.rules[i] as CompiledRule;
    if (!isActiveOn(rule, date)) continue;
    rule.evaluate(frame);
    if (judgeRule(rule, frame, { details: false }).nearMiss) return true;
  }
  return false;
}

function frameFor(rulebook: Rulebook, facts: FactValues): Frame {
  let frame = FRAMES.get(rulebook);
  if (!frame) FRAMES.set(rulebook, (frame = createFrame(rulebook.nodeCount, facts)));
  else frame.facts = facts;
  return frame;
}
