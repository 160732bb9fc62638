/**
 * @module
 * The condition that made the difference: for one cluster and one instrument whose standing
 * changed, the instrument's rules are evaluated in both rulebooks with the recording closures
 * and paired by rule id, and their leaves by name; a leaf whose outcome changed is a cause. A
 * rule added, removed or starting or ending on the date is a cause of its own. Only the changed
 * instruments of changed clusters come here, so the population pass stays verdict-only.
 */
import type { AssessmentInput, IsoDate, LocalizedText } from "@klastry/domain";
import {
  createFrame,
  FALSE,
  TRUE,
  UNKNOWN,
  type Frame,
  type Outcome,
} from "../compile-condition.ts";
import type { CompiledRule, Rulebook } from "../compile-rulebook.ts";
import { deriveFacts } from "../derive-facts.ts";
import { isActiveOn } from "../evaluate.ts";
import { judgeRule } from "../judge-rule.ts";
import type { LeafCondition } from "../rule-file.ts";
import { describeAccess, describeTest } from "./describe-condition.ts";
import type { ConditionOutcome, ImpactCause, Standing } from "./impact-schema.ts";

interface LeafText {
  readonly key: string;
  readonly index: number;
  readonly negated: boolean;
  readonly text: string;
  readonly label: LocalizedText;
}

interface LeafState {
  readonly text: string;
  readonly label: LocalizedText;
  readonly outcome: ConditionOutcome;
  readonly actual: unknown;
}

interface RuleState {
  readonly active: boolean;
  readonly standing?: Standing;
  readonly leaves: ReadonlyMap<string, LeafState>;
}

const WORD: Record<Outcome, ConditionOutcome> = {
  [FALSE]: "fail",
  [TRUE]: "pass",
  [UNKNOWN]: "unknown",
};

const TEXTS = new WeakMap<CompiledRule, readonly LeafText[]>();

/** The rule's leaves as text, keyed by name (or pointer), computed once per compiled rule. */
function leafTexts(rule: CompiledRule): readonly LeafText[] {
  let texts = TEXTS.get(rule);
  if (!texts) {
    texts = rule.leaves.map(({ leaf, left }) => ({
      key: leaf.name ?? leaf.pointer,
      index: leaf.index,
      negated: leaf.negated,
      text: `${describeAccess(leaf, rule.instrument)} ${describeTest(leaf as LeafCondition, rule.instrument)}`,
      label: left.label,
    }));
    TEXTS.set(rule, texts);
  }
  return texts;
}

function effective(outcome: Outcome, negated: boolean): Outcome {
  return !negated || outcome === UNKNOWN ? outcome : outcome === TRUE ? FALSE : TRUE;
}

/** Evaluates one rule into the frame and reads its standing and each leaf's outcome. */
function stateOf(rule: CompiledRule, frame: Frame, date: IsoDate): RuleState {
  if (!isActiveOn(rule, date)) return { active: false, leaves: new Map() };
  rule.evaluate(frame);
  const judgement = judgeRule(rule, frame, { details: false });
  const standing: Standing =
    judgement.verdict !== "not_eligible"
      ? judgement.verdict
      : judgement.nearMiss
        ? "near_miss"
        : "not_eligible";
  const leaves = new Map<string, LeafState>();
  for (const leaf of leafTexts(rule)) {
    leaves.set(leaf.key, {
      text: leaf.text,
      label: leaf.label,
      outcome: WORD[effective(frame.outcome[leaf.index] as Outcome, leaf.negated)],
      actual: frame.actual[leaf.index],
    });
  }
  return { active: true, standing, leaves };
}

function rulesByInstrument(rules: readonly CompiledRule[]): Map<string, CompiledRule[]> {
  const map = new Map<string, CompiledRule[]>();
  for (const rule of rules) map.set(rule.instrument, [...(map.get(rule.instrument) ?? []), rule]);
  return map;
}

/** Leaf causes of one rule active in both rulebooks whose standing changed. */
function leafCauses(ruleId: string, a: RuleState, b: RuleState): ImpactCause[] {
  const causes: ImpactCause[] = [];
  const keys = [...new Set([...b.leaves.keys(), ...a.leaves.keys()])];
  for (const key of keys) {
    const was = a.leaves.get(key);
    const is = b.leaves.get(key);
    if (was && is && was.outcome === is.outcome) continue;
    // A condition removed while it passed, or added while it passes, changed nothing.
    if (!is && was?.outcome === "pass") continue;
    if (!was && is?.outcome === "pass") continue;
    const actual = is ? is.actual : was?.actual;
    causes.push({
      kind: "condition",
      ruleId,
      condition: key,
      label: (is ?? was)!.label,
      ...(was && { before: was.text, outcomeBefore: was.outcome }),
      ...(is && { after: is.text, outcomeAfter: is.outcome }),
      ...(actual !== undefined && { actual }),
    });
  }
  return causes;
}

/** Finds causes for the changed instruments of one assessment; built once per comparison. */
export interface CauseFinder {
  /** Starts a new assessment (facts are derived lazily, once per rulebook). */
  readonly forAssessment: (
    assessment: AssessmentInput,
  ) => (instrumentId: string, standingBefore: Standing, standingAfter: Standing) => ImpactCause[];
}

/**
 * A cause finder over the rules that differ (`beforeRules` and `afterRules`, e.g. a
 * `RulebookDelta`'s lists), evaluating on `date`.
 */
export function causeFinder(
  before: Rulebook,
  after: Rulebook,
  rules: { currentRules: readonly CompiledRule[]; candidateRules: readonly CompiledRule[] },
  date: IsoDate,
): CauseFinder {
  const beforeRules = rulesByInstrument(rules.currentRules);
  const afterRules = rulesByInstrument(rules.candidateRules);
  let beforeFrame: Frame | undefined;
  let afterFrame: Frame | undefined;
  const frame = (rulebook: Rulebook, existing: Frame | undefined, assessment: AssessmentInput) => {
    const facts = deriveFacts(assessment, date, rulebook.instruments);
    if (!existing) return createFrame(rulebook.nodeCount, facts);
    existing.facts = facts;
    return existing;
  };
  return {
    forAssessment(assessment) {
      let factsReady = false;
      return (instrumentId, standingBefore, standingAfter) => {
        if (!factsReady) {
          beforeFrame = frame(before, beforeFrame, assessment);
          afterFrame = frame(after, afterFrame, assessment);
          factsReady = true;
        }
        const a = new Map(
          (beforeRules.get(instrumentId) ?? []).map((r) => [r.id, stateOf(r, beforeFrame!, date)]),
        );
        const b = new Map(
          (afterRules.get(instrumentId) ?? []).map((r) => [r.id, stateOf(r, afterFrame!, date)]),
        );
        const causes: ImpactCause[] = [];
        for (const ruleId of [...new Set([...a.keys(), ...b.keys()])].sort()) {
          const was = a.get(ruleId);
          const is = b.get(ruleId);
          if (!was) {
            if (is?.active && is.standing === standingAfter)
              causes.push({ kind: "rule", ruleId, change: "added" });
          } else if (!is) {
            if (was.active && was.standing === standingBefore)
              causes.push({ kind: "rule", ruleId, change: "removed" });
          } else if (was.active !== is.active) {
            causes.push({
              kind: "rule",
              ruleId,
              change: is.active ? "now_active" : "no_longer_active",
            });
          } else if (was.active && was.standing !== is.standing) {
            const found = leafCauses(ruleId, was, is);
            causes.push(
              ...(found.length > 0
                ? found
                : [{ kind: "rule", ruleId, change: "changed" } as const]),
            );
          }
        }
        if (causes.length > 0) return causes;
        // Nothing singled out (e.g. several rules of one instrument): name every rule that differs.
        return [...new Set([...a.keys(), ...b.keys()])].sort().map((ruleId) => ({
          kind: "rule" as const,
          ruleId,
          change: !a.has(ruleId)
            ? ("added" as const)
            : !b.has(ruleId)
              ? ("removed" as const)
              : ("changed" as const),
        }));
      };
    },
  };
}
