/**
 * @module
 * Reads one evaluated rule out of the frame: its verdict, which leaves helped (reasons), which
 * failed (missing) and which were unknown (questions), and what stands between the cluster and
 * the instrument: failures it can act on (a near miss), only needs it did not report (the
 * instrument "also funds" something else), or facts nobody can change.
 *
 * Polarity: under an odd number of `not`s a leaf helps the rule when it is false, so its `pass`
 * text is shown then. Failures are counted in units: a failed leaf is one unit, a failed `any`
 * group is one unit however many alternatives it has (any of them would do), an `all` group adds
 * up its failed children. A unit's lever is the catalogue's word on its fact: `fixed` (the seat,
 * the legal form, the date, a status it would obtain but already holds), `need` (a need or task
 * the cluster reports), else actionable. A failed `any` group is actionable when one alternative
 * is; else a need when one alternative is.
 */
import type { Lever, Verdict } from "@klastry/domain";
import {
  FALSE,
  TRUE,
  UNKNOWN,
  type CompiledGroup,
  type CompiledNode,
  type Frame,
  type Outcome,
} from "./compile-condition.ts";
import type { CompiledLeafInfo, CompiledRule } from "./compile-rulebook.ts";

/** A not-eligible rule failing on at most this many actionable units, and nothing else, is a near miss. */
export const NEAR_MISS_MAX_FAILED = 2;

/** Failed units by lever. */
export interface FailedUnits {
  actionable: number;
  need: number;
  fixed: number;
}

/** A failed `any` group: its alternatives, any one of which would do. */
export interface FailedGroup {
  readonly group: CompiledGroup;
  readonly lever: Lever;
  readonly leaves: readonly LeafOutcome[];
}

export interface RuleJudgement {
  readonly rule: CompiledRule;
  readonly outcome: Outcome;
  readonly verdict: Verdict;
  /** Failed units by lever; all zero unless the rule failed. */
  readonly units: FailedUnits;
  /** Not eligible, failing only on few things the cluster can change. */
  readonly nearMiss: boolean;
  /** Not eligible, failing only on needs the cluster did not report. */
  readonly alsoFunds: boolean;
  /** Leaves that helped, in file order. */
  readonly satisfied: readonly LeafOutcome[];
  /** What made the rule fail: single leaves, and failed `any` groups as one entry each, in file order. */
  readonly failed: readonly (LeafOutcome | FailedGroup)[];
  /** Leaves that could not be decided and matter for the verdict, in file order. */
  readonly unknown: readonly LeafOutcome[];
}

export interface LeafOutcome {
  readonly info: CompiledLeafInfo;
  /** Outcome as the rule sees it (after `not`s). */
  readonly effective: Outcome;
  readonly actual: unknown;
  readonly required: unknown;
  readonly lever: Lever;
}

export function isFailedGroup(entry: LeafOutcome | FailedGroup): entry is FailedGroup {
  return "group" in entry;
}

const flip = (o: Outcome, negated: boolean): Outcome =>
  !negated || o === UNKNOWN ? o : o === TRUE ? FALSE : TRUE;

/**
 * The lever of a leaf: what its fact (or its path's property) is in the catalogue. A status the
 * cluster can obtain is actionable while it lacks it; failing because it already has it (`actual`
 * true) is fixed, since no advice asks a cluster to give a status up.
 */
export function leverOf(info: CompiledLeafInfo, actual?: unknown): Lever {
  const spec = info.left.spec;
  if (spec?.obtainable && actual === true) return "fixed";
  return spec?.fixed ? "fixed" : spec?.need ? "need" : "actionable";
}

/**
 * Judges an evaluated rule. With `details: false` only the verdict, failed units and flags are
 * computed (no lists), which is all a losing rule needs.
 */
export function judgeRule(
  rule: CompiledRule,
  frame: Frame,
  options: { details?: boolean } = {},
): RuleJudgement {
  const details = options.details ?? true;
  const outcome = frame.outcome[rule.root.index] as Outcome;
  const satisfied: LeafOutcome[] = [];
  const failed: (LeafOutcome | FailedGroup)[] = [];
  const unknown: LeafOutcome[] = [];
  if (details) {
    for (const info of rule.leaves) {
      const effective = flip(frame.outcome[info.leaf.index] as Outcome, info.leaf.negated);
      if (effective === TRUE) satisfied.push(leafOutcome(info, effective, frame));
    }
  }
  const lists = details ? { failed, unknown } : undefined;
  const counted = collect(rule, rule.root, frame, lists);
  const verdict: Verdict =
    outcome === TRUE ? "eligible" : outcome === UNKNOWN ? "unknown" : "not_eligible";
  const units = outcome === FALSE ? counted : { actionable: 0, need: 0, fixed: 0 };
  const onlyActionable = outcome === FALSE && units.fixed === 0 && units.need === 0;
  return {
    rule,
    outcome,
    verdict,
    units,
    nearMiss: onlyActionable && units.actionable >= 1 && units.actionable <= NEAR_MISS_MAX_FAILED,
    alsoFunds: outcome === FALSE && units.fixed === 0 && units.actionable === 0 && units.need > 0,
    satisfied,
    failed: outcome === TRUE ? [] : failed,
    unknown: outcome === UNKNOWN ? unknown : [],
  };
}

/** Total failed units, for ordering rules of one instrument (fewer is closer). */
export function totalUnits(units: FailedUnits): number {
  return units.fixed * 1000 + units.need * 100 + units.actionable;
}

function leafOutcome(info: CompiledLeafInfo, effective: Outcome, frame: Frame): LeafOutcome {
  return {
    info,
    effective,
    actual: frame.actual[info.leaf.index],
    required: frame.required[info.leaf.index],
    lever: leverOf(info, frame.actual[info.leaf.index]),
  };
}

interface Lists {
  failed: (LeafOutcome | FailedGroup)[];
  unknown: LeafOutcome[];
}

const NONE: FailedUnits = { actionable: 0, need: 0, fixed: 0 };

/** Failed units under a node that does not help the rule; fills the lists when given. */
function collect(
  rule: CompiledRule,
  node: CompiledNode,
  frame: Frame,
  lists: Lists | undefined,
): FailedUnits {
  const effective = flip(frame.outcome[node.index] as Outcome, node.negated);
  if (effective === TRUE) return NONE;
  if (node.kind === "leaf") {
    const info = rule.leafByIndex.get(node.index) as CompiledLeafInfo;
    const outcome = leafOutcome(info, effective, frame);
    if (effective !== FALSE) {
      lists?.unknown.push(outcome);
      return NONE;
    }
    lists?.failed.push(outcome);
    return { ...NONE, [outcome.lever]: 1 };
  }
  if (node.kind === "not") return collect(rule, node.children[0] as CompiledNode, frame, lists);
  const allLike = (node.kind === "all") !== node.negated;
  if (allLike) {
    const units = { ...NONE };
    for (const child of node.children) {
      const c = collect(rule, child, frame, lists);
      units.actionable += c.actionable;
      units.need += c.need;
      units.fixed += c.fixed;
    }
    return units;
  }
  // An `any`-like group: one unit, whatever the number of alternatives. Its leaves are listed
  // as one entry (a failed group) so they read as "one of: ...".
  const inner: Lists | undefined = lists && { failed: [], unknown: [] };
  const levers = new Set<Lever>();
  for (const child of node.children) {
    const c = collect(rule, child, frame, inner);
    if (c.actionable > 0) levers.add("actionable");
    if (c.need > 0) levers.add("need");
    if (c.fixed > 0) levers.add("fixed");
  }
  if (lists && inner) lists.unknown.push(...inner.unknown);
  if (effective !== FALSE) return NONE;
  const lever: Lever = levers.has("actionable")
    ? "actionable"
    : levers.has("need")
      ? "need"
      : node.children.length === 0
        ? "actionable"
        : "fixed";
  if (lists && inner) {
    const leaves = inner.failed.flatMap((entry) => (isFailedGroup(entry) ? entry.leaves : [entry]));
    lists.failed.push({ group: node, lever, leaves });
  }
  return { ...NONE, [lever]: 1 };
}
