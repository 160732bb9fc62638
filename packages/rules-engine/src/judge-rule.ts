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
import { FALSE, TRUE, UNKNOWN, type CompiledNode, type Frame, type Outcome } from "./compile-condition.ts";
import type { CompiledLeafInfo, CompiledRule } from "./compile-rulebook.ts";

/** A not-eligible rule with at most this many failed units is a near miss. */
export const NEAR_MISS_MAX_FAILED = 2;

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

const flip = (o: Outcome, negated: boolean): Outcome => (!negated || o === UNKNOWN ? o : o === TRUE ? FALSE : TRUE);

export function judgeRule(rule: CompiledRule, frame: Frame): RuleJudgement {
  const outcome = frame.outcome[rule.root.index] as Outcome;
  const byIndex = new Map(rule.leaves.map((info) => [info.leaf.index, info]));
  const leafOutcome = (node: CompiledNode): LeafOutcome => ({
    info: byIndex.get(node.index) as CompiledLeafInfo,
    effective: flip(frame.outcome[node.index] as Outcome, node.negated),
    actual: frame.actual[node.index],
    required: frame.required[node.index],
  });
  const satisfied = rule.leaves
    .map((info) => leafOutcome(info.leaf))
    .filter((leaf) => leaf.effective === TRUE);
  const failed: LeafOutcome[] = [];
  const unknown: LeafOutcome[] = [];
  const collect = (node: CompiledNode): number => {
    const effective = flip(frame.outcome[node.index] as Outcome, node.negated);
    if (effective === TRUE) return 0;
    if (node.kind === "leaf") {
      (effective === FALSE ? failed : unknown).push(leafOutcome(node));
      return effective === FALSE ? 1 : 0;
    }
    if (node.kind === "not") return collect(node.children[0] as CompiledNode);
    const allLike = (node.kind === "all") !== node.negated;
    let units = 0;
    for (const child of node.children) units += collect(child);
    return allLike ? units : effective === FALSE ? 1 : 0;
  };
  const units = collect(rule.root);
  const verdict: Verdict = outcome === TRUE ? "eligible" : outcome === UNKNOWN ? "unknown" : "not_eligible";
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
