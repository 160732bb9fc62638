/**
 * @module
 * Reads one evaluated rule out of the frame: its verdict, which leaves helped (reasons), which
 * failed (missing) and which were unknown (questions), and how many failures stand between the
 * cluster and the instrument (near misses).
 *
 * Polarity: under an odd number of `not`s a leaf helps the rule when it is false, so its `pass`
 * text is shown then. Failures are counted in units: a failed leaf is one unit, a failed `any`
 * group is one unit however many alternatives it has (any of them would do), an `all` group
 * adds up its failed children.
 */
import type { Verdict } from "@klastry/domain";
import {
  FALSE,
  TRUE,
  UNKNOWN,
  type CompiledNode,
  type Frame,
  type Outcome,
} from "./compile-condition.ts";
import type { CompiledLeafInfo, CompiledRule } from "./compile-rulebook.ts";

/** A not-eligible rule with at most this many failed units is a near miss. */
export const NEAR_MISS_MAX_FAILED = 2;

/**
 * Units a failed condition on a fixed fact (the seat's region, the date, a call's status) counts
 * for: more than any near miss allows, since the cluster cannot act on it. A failed `any` group
 * stays one unit while one of its alternatives is something the cluster can change.
 */
const FIXED_UNITS = 1000;

export interface RuleJudgement {
  readonly rule: CompiledRule;
  readonly outcome: Outcome;
  readonly verdict: Verdict;
  /** Failed units (see the module comment); 0 unless the rule failed. */
  readonly failedUnits: number;
  readonly nearMiss: boolean;
  /** Leaves that helped, in file order. */
  readonly satisfied: readonly LeafOutcome[];
  /** Leaves that made the rule fail (or may, when unknown), in file order. */
  readonly failed: readonly LeafOutcome[];
  /** Leaves that could not be decided and matter for the verdict, in file order. */
  readonly unknown: readonly LeafOutcome[];
}

export interface LeafOutcome {
  readonly info: CompiledLeafInfo;
  /** Outcome as the rule sees it (after `not`s). */
  readonly effective: Outcome;
  readonly actual: unknown;
  readonly required: unknown;
}

const flip = (o: Outcome, negated: boolean): Outcome =>
  !negated || o === UNKNOWN ? o : o === TRUE ? FALSE : TRUE;

/**
 * Judges an evaluated rule. With `details: false` only the verdict, failed units and near-miss
 * flag are computed (no lists), which is all a losing rule needs.
 */
export function judgeRule(
  rule: CompiledRule,
  frame: Frame,
  options: { details?: boolean } = {},
): RuleJudgement {
  const details = options.details ?? true;
  const outcome = frame.outcome[rule.root.index] as Outcome;
  const satisfied: LeafOutcome[] = [];
  const failed: LeafOutcome[] = [];
  const unknown: LeafOutcome[] = [];
  if (details) {
    for (const info of rule.leaves) {
      const effective = flip(frame.outcome[info.leaf.index] as Outcome, info.leaf.negated);
      if (effective === TRUE) satisfied.push(leafOutcome(info, effective, frame));
    }
  }
  const units = collect(
    rule,
    rule.root,
    frame,
    details ? failed : undefined,
    details ? unknown : undefined,
  );
  const verdict: Verdict =
    outcome === TRUE ? "eligible" : outcome === UNKNOWN ? "unknown" : "not_eligible";
  const failedUnits = outcome === FALSE ? units : 0;
  return {
    rule,
    outcome,
    verdict,
    failedUnits,
    nearMiss: outcome === FALSE && failedUnits <= NEAR_MISS_MAX_FAILED,
    satisfied,
    failed: outcome === TRUE ? [] : failed,
    unknown: outcome === UNKNOWN ? unknown : [],
  };
}

function leafOutcome(info: CompiledLeafInfo, effective: Outcome, frame: Frame): LeafOutcome {
  return {
    info,
    effective,
    actual: frame.actual[info.leaf.index],
    required: frame.required[info.leaf.index],
  };
}

/** Failed units under a node that does not help the rule; fills the lists when given. */
function collect(
  rule: CompiledRule,
  node: CompiledNode,
  frame: Frame,
  failed: LeafOutcome[] | undefined,
  unknown: LeafOutcome[] | undefined,
): number {
  const effective = flip(frame.outcome[node.index] as Outcome, node.negated);
  if (effective === TRUE) return 0;
  if (node.kind === "leaf") {
    const info = rule.leafByIndex.get(node.index) as CompiledLeafInfo;
    const list = effective === FALSE ? failed : unknown;
    list?.push(leafOutcome(info, effective, frame));
    if (effective !== FALSE) return 0;
    return info.left.spec?.fixed ? FIXED_UNITS : 1;
  }
  if (node.kind === "not")
    return collect(rule, node.children[0] as CompiledNode, frame, failed, unknown);
  const allLike = (node.kind === "all") !== node.negated;
  let units = 0;
  let actionable = node.children.length === 0;
  for (const child of node.children) {
    const childUnits = collect(rule, child, frame, failed, unknown);
    units += childUnits;
    if (childUnits < FIXED_UNITS) actionable = true;
  }
  if (allLike) return units;
  if (effective !== FALSE) return 0;
  return actionable ? 1 : FIXED_UNITS;
}
