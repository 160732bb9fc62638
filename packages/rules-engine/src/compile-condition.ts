/**
 * @module
 * Compiles a rule's condition tree, once, into plain closures (no eval, no JSONPath library).
 * Each leaf computes json-rules-engine's own boolean (`raw`) and our three-valued outcome: UNKNOWN
 * when the fact side, or the fact on the value side, resolves to `undefined`. Groups combine with
 * Kleene logic; with every leaf known that equals json-rules-engine's `every`/`some`/`!`, including
 * its rule that an empty group passes.
 */
import { FACT_CATALOGUE, isOperatorName, type OperatorName } from "@klastry/domain";
import type { FactValues } from "./derive-facts.ts";
import { parsePath, resolvePath } from "./json-path.ts";
import { OPERATOR_TABLE, type OperatorFn } from "./operators.ts";
import { isFactReference, isLeaf, type Condition, type LeafCondition } from "./rule-file.ts";

/** Three-valued outcome of a condition. */
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Outcome = typeof FALSE | typeof TRUE | typeof UNKNOWN;

/**
 * Scratch space of one evaluation, indexed by node number. Allocated once per evaluation for a
 * whole rulebook (`createFrame`), never per rule.
 */
export interface Frame {
  facts: FactValues;
  readonly outcome: Uint8Array;
  /** json-rules-engine's boolean for leaves (1 = passed). */
  readonly raw: Uint8Array;
  /** Fact side after the path, per leaf. */
  readonly actual: unknown[];
  /** Value side (the literal or the other fact's value), per leaf. */
  readonly required: unknown[];
}

export function createFrame(nodeCount: number, facts: FactValues): Frame {
  return {
    facts,
    outcome: new Uint8Array(nodeCount),
    raw: new Uint8Array(nodeCount),
    actual: new Array<unknown>(nodeCount),
    required: new Array<unknown>(nodeCount),
  };
}

/** One side of a comparison: a fact, a path into it, and params. */
export interface FactAccess {
  readonly fact: string;
  readonly path?: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

interface NodeBase {
  /** Index into the frame. */
  readonly index: number;
  readonly name?: string;
  /** JSON pointer of the condition inside the rule file. */
  readonly pointer: string;
  /** Under an odd number of `not`s: the leaf helps the rule when it is false. */
  readonly negated: boolean;
  readonly evaluate: (frame: Frame) => Outcome;
}

export interface CompiledLeaf extends NodeBase, FactAccess {
  readonly kind: "leaf";
  readonly operator: OperatorName;
  /** The literal value, or the other fact when `valueFact` is set. */
  readonly value: unknown;
  readonly valueFact?: FactAccess;
}

export interface CompiledGroup extends NodeBase {
  readonly kind: "all" | "any" | "not";
  readonly children: readonly CompiledNode[];
}

export type CompiledNode = CompiledLeaf | CompiledGroup;

/** Reads one side of a comparison from the frame's facts, as json-rules-engine's almanac does. */
export function compileAccess(access: FactAccess): (facts: FactValues) => unknown {
  const { fact, params } = access;
  // json-rules-engine applies a path only when it is a non-empty string (`if (path)`).
  const parsed = access.path ? parsePath(access.path) : undefined;
  if (access.path && !parsed)
    throw new Error(`path "${access.path}" is outside the supported JSONPath subset`);
  const keys = parsed?.keys;
  if (params && Object.keys(params).length > 0) {
    // The cache key names the fact too, so FactValues can cache every param fact in one map.
    const key = `${fact}\u0000${stableKey(params)}`;
    return keys
      ? (facts) => resolvePath(facts.param(fact, key, params), keys)
      : (facts) => facts.param(fact, key, params);
  }
  return keys ? (facts) => resolvePath(facts.values[fact], keys) : (facts) => facts.values[fact];
}

function stableKey(params: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(
    Object.keys(params)
      .sort()
      .map((key) => [key, params[key]]),
  );
}

/**
 * Compiles a condition tree. `nextIndex` numbers nodes from `start`, depth first, parent before
 * children, so a whole rulebook shares one frame. Unknown operators and paths outside the
 * subset throw: validation reports them first.
 *
 * @example
 * const { root, nodeCount } = compileCondition({
 *   all: [{ name: "n", fact: "memberCount", operator: "greaterThanInclusive", value: 15 }],
 * });
 */
export function compileCondition(
  condition: Condition,
  options: { start?: number; pointer?: string } = {},
): { root: CompiledNode; nodeCount: number; nodes: CompiledNode[] } {
  const start = options.start ?? 0;
  const nodes: CompiledNode[] = [];
  let next = start;
  const visit = (c: Condition, pointer: string, negated: boolean): CompiledNode => {
    const index = next++;
    let node: CompiledNode;
    if (isLeaf(c)) {
      node = compileLeaf(c, index, pointer, negated);
    } else if ("not" in c) {
      node = compileGroup(
        "not",
        [visit(c.not, `${pointer}/not`, !negated)],
        index,
        pointer,
        negated,
        c.name,
      );
    } else {
      const kind = "all" in c ? "all" : "any";
      const children = ("all" in c ? c.all : c.any).map((child, i) =>
        visit(child, `${pointer}/${kind}/${i}`, negated),
      );
      node = compileGroup(kind, children, index, pointer, negated, c.name);
    }
    nodes.push(node);
    return node;
  };
  const root = visit(condition, options.pointer ?? "/conditions", false);
  // Children are compiled before their parent; list nodes in index order (parent first).
  nodes.sort((a, b) => a.index - b.index);
  return { root, nodeCount: next - start, nodes };
}

/** Facts that may be known only to a range (`FactValues.upper`), read once from the catalogue. */
export const RANGED_FACTS: ReadonlySet<string> = new Set(
  FACT_CATALOGUE.filter((fact) => fact.ranged).map((fact) => fact.name),
);

/**
 * The outcome of a leaf on a ranged fact: the operator at the range's lower end (the value, which
 * is what json-rules-engine sees) and at its upper end; unknown when they differ.
 */
export function rangedOutcome(
  passedAtLower: boolean,
  upper: unknown,
  op: OperatorFn,
  required: unknown,
): Outcome {
  if (upper === undefined) return passedAtLower ? TRUE : FALSE;
  return op(upper, required) === passedAtLower ? (passedAtLower ? TRUE : FALSE) : UNKNOWN;
}

function compileLeaf(
  c: LeafCondition,
  index: number,
  pointer: string,
  negated: boolean,
): CompiledLeaf {
  if (!isOperatorName(c.operator))
    throw new Error(`unknown operator "${c.operator}" at ${pointer}`);
  const op: OperatorFn = OPERATOR_TABLE[c.operator];
  const left = compileAccess(c);
  const valueFact = isFactReference(c.value) ? c.value : undefined;
  const literal = c.value;
  let evaluate: (frame: Frame) => Outcome;
  if (valueFact) {
    const right = compileAccess(valueFact);
    evaluate = (frame) => {
      const actual = left(frame.facts);
      const required = right(frame.facts);
      const unknown = actual === undefined || required === undefined;
      return record(frame, index, actual, required, op(actual, required), unknown);
    };
  } else if (RANGED_FACTS.has(c.fact) && !c.path && !c.params) {
    const fact = c.fact;
    evaluate = (frame) => {
      const actual = left(frame.facts);
      const passed = op(actual, literal);
      if (actual === undefined) return record(frame, index, actual, literal, passed, true);
      const outcome = rangedOutcome(passed, frame.facts.upper?.[fact], op, literal);
      return record(frame, index, actual, literal, passed, outcome === UNKNOWN);
    };
  } else {
    evaluate = (frame) => {
      const actual = left(frame.facts);
      return record(frame, index, actual, literal, op(actual, literal), actual === undefined);
    };
  }
  return {
    kind: "leaf",
    index,
    pointer,
    negated,
    evaluate,
    fact: c.fact,
    operator: c.operator,
    value: c.value,
    ...(c.name !== undefined && { name: c.name }),
    ...(c.path !== undefined && { path: c.path }),
    ...(c.params !== undefined && { params: c.params }),
    ...(valueFact !== undefined && { valueFact }),
  };
}

function record(
  frame: Frame,
  index: number,
  actual: unknown,
  required: unknown,
  passed: boolean,
  unknown: boolean,
): Outcome {
  frame.actual[index] = actual;
  frame.required[index] = required;
  frame.raw[index] = passed ? 1 : 0;
  const outcome: Outcome = unknown ? UNKNOWN : passed ? TRUE : FALSE;
  frame.outcome[index] = outcome;
  return outcome;
}

function compileGroup(
  kind: "all" | "any" | "not",
  children: CompiledNode[],
  index: number,
  pointer: string,
  negated: boolean,
  name: string | undefined,
): CompiledGroup {
  const evaluators = children.map((child) => child.evaluate);
  const count = evaluators.length;
  let evaluate: (frame: Frame) => Outcome;
  if (kind === "not") {
    const inner = evaluators[0] as (frame: Frame) => Outcome;
    evaluate = (frame) => {
      const o = inner(frame);
      const out: Outcome = o === UNKNOWN ? UNKNOWN : o === TRUE ? FALSE : TRUE;
      frame.outcome[index] = out;
      return out;
    };
  } else {
    // Every child is evaluated (no short-circuit) so reasons and near misses see all leaves.
    const decisive = kind === "all" ? FALSE : TRUE;
    const otherwise: Outcome = kind === "all" ? TRUE : count === 0 ? TRUE : FALSE;
    evaluate = (frame) => {
      let sawDecisive = false;
      let sawUnknown = false;
      for (let i = 0; i < count; i++) {
        const o = (evaluators[i] as (frame: Frame) => Outcome)(frame);
        if (o === decisive) sawDecisive = true;
        else if (o === UNKNOWN) sawUnknown = true;
      }
      const out: Outcome = sawDecisive ? decisive : sawUnknown ? UNKNOWN : otherwise;
      frame.outcome[index] = out;
      return out;
    };
  }
  return { kind, index, pointer, negated, evaluate, children, ...(name !== undefined && { name }) };
}

/**
 * json-rules-engine's own two-valued verdict of an evaluated tree, from the leaves' `raw`
 * booleans (`every` / `some` / `!`; an empty group passes). Used by tests and `explain`.
 */
export function rawVerdict(node: CompiledNode, frame: Frame): boolean {
  switch (node.kind) {
    case "leaf":
      return frame.raw[node.index] === 1;
    case "not":
      return !rawVerdict(node.children[0] as CompiledNode, frame);
    case "all":
      return node.children.every((child) => rawVerdict(child, frame));
    case "any":
      return node.children.length === 0 || node.children.some((child) => rawVerdict(child, frame));
  }
}

/** Every leaf under a node, in file order. */
export function leavesOf(node: CompiledNode): CompiledLeaf[] {
  return node.kind === "leaf" ? [node] : node.children.flatMap(leavesOf);
}
