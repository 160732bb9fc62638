/**
 * @module
 * A second compilation of a rule's conditions for the verdict-only path: the same three-valued
 * outcome as `compileCondition`, but short-circuiting (`all` stops at the first false child,
 * `any` at the first true one) and writing nothing to a frame. Reasons and near misses need every
 * leaf, so `evaluate` keeps the recording closures; impact analysis and dashboards use these.
 */
import { compileAccess, FALSE, TRUE, UNKNOWN, type Outcome } from "./compile-condition.ts";
import type { FactValues } from "./derive-facts.ts";
import { OPERATOR_TABLE, type OperatorName } from "./operators.ts";
import { isFactReference, isLeaf, type Condition } from "./rule-file.ts";

export type FastTest = (facts: FactValues) => Outcome;

/**
 * The common leaf, a plain fact against a literal: the fact is read straight from the values and
 * the usual operators are written out, with json-rules-engine's semantics (see operators.ts).
 */
function plainLeaf(fact: string, operator: OperatorName, literal: unknown, op: (a: unknown, b: unknown) => boolean): FastTest {
  switch (operator) {
    case "equal":
      return (facts) => {
        const a = facts.values[fact];
        return a === undefined ? UNKNOWN : a === literal ? TRUE : FALSE;
      };
    case "in":
      if (Array.isArray(literal)) {
        const list = literal as unknown[];
        return (facts) => {
          const a = facts.values[fact];
          return a === undefined ? UNKNOWN : list.indexOf(a) > -1 ? TRUE : FALSE;
        };
      }
      break;
    case "contains":
      return (facts) => {
        const a = facts.values[fact];
        return a === undefined ? UNKNOWN : Array.isArray(a) && a.indexOf(literal) > -1 ? TRUE : FALSE;
      };
    case "greaterThanInclusive":
      if (typeof literal === "number") {
        return (facts) => {
          const a = facts.values[fact];
          if (a === undefined) return UNKNOWN;
          // A number fact skips the numberValidator's string round trip; anything else takes it.
          if (typeof a === "number") return a >= literal ? TRUE : FALSE;
          return op(a, literal) ? TRUE : FALSE;
        };
      }
      break;
    default:
      break;
  }
  return (facts) => {
    const a = facts.values[fact];
    return a === undefined ? UNKNOWN : op(a, literal) ? TRUE : FALSE;
  };
}

/** Compiles a validated condition tree to one short-circuiting closure. */
export function compileFastCondition(condition: Condition): FastTest {
  if (isLeaf(condition)) {
    const op = OPERATOR_TABLE[condition.operator as OperatorName];
    const left = compileAccess(condition);
    if (isFactReference(condition.value)) {
      const right = compileAccess(condition.value);
      return (facts) => {
        const actual = left(facts);
        const required = right(facts);
        if (actual === undefined || required === undefined) return UNKNOWN;
        return op(actual, required) ? TRUE : FALSE;
      };
    }
    const literal = condition.value;
    if (condition.path === undefined && (condition.params === undefined || Object.keys(condition.params).length === 0)) {
      return plainLeaf(condition.fact, condition.operator as OperatorName, literal, op);
    }
    return (facts) => {
      const actual = left(facts);
      if (actual === undefined) return UNKNOWN;
      return op(actual, literal) ? TRUE : FALSE;
    };
  }
  if ("not" in condition) {
    const inner = compileFastCondition(condition.not);
    return (facts) => {
      const o = inner(facts);
      return o === UNKNOWN ? UNKNOWN : o === TRUE ? FALSE : TRUE;
    };
  }
  const isAll = "all" in condition;
  const children = (isAll ? condition.all : condition.any).map(compileFastCondition);
  const count = children.length;
  // json-rules-engine passes an empty group of either kind.
  if (count === 0) return () => TRUE;
  if (isAll) {
    // Two to four children written out: no loop, no array reads (the usual rule sizes).
    const [a, b, c, d] = children as [FastTest, FastTest, FastTest, FastTest];
    if (count === 2) {
      return (facts) => {
        const x = a(facts);
        if (x === FALSE) return FALSE;
        const y = b(facts);
        if (y === FALSE) return FALSE;
        return x === UNKNOWN || y === UNKNOWN ? UNKNOWN : TRUE;
      };
    }
    if (count === 3) {
      return (facts) => {
        const x = a(facts);
        if (x === FALSE) return FALSE;
        const y = b(facts);
        if (y === FALSE) return FALSE;
        const z = c(facts);
        if (z === FALSE) return FALSE;
        return x === UNKNOWN || y === UNKNOWN || z === UNKNOWN ? UNKNOWN : TRUE;
      };
    }
    if (count === 4) {
      return (facts) => {
        const x = a(facts);
        if (x === FALSE) return FALSE;
        const y = b(facts);
        if (y === FALSE) return FALSE;
        const z = c(facts);
        if (z === FALSE) return FALSE;
        const w = d(facts);
        if (w === FALSE) return FALSE;
        return x === UNKNOWN || y === UNKNOWN || z === UNKNOWN || w === UNKNOWN ? UNKNOWN : TRUE;
      };
    }
    return (facts) => {
      let unknown = false;
      for (let i = 0; i < count; i++) {
        const o = (children[i] as FastTest)(facts);
        if (o === FALSE) return FALSE;
        if (o === UNKNOWN) unknown = true;
      }
      return unknown ? UNKNOWN : TRUE;
    };
  }
  if (count === 2) {
    const [a, b] = children as [FastTest, FastTest];
    return (facts) => {
      const x = a(facts);
      if (x === TRUE) return TRUE;
      const y = b(facts);
      if (y === TRUE) return TRUE;
      return x === UNKNOWN || y === UNKNOWN ? UNKNOWN : FALSE;
    };
  }
  return (facts) => {
    let unknown = false;
    for (let i = 0; i < count; i++) {
      const o = (children[i] as FastTest)(facts);
      if (o === TRUE) return TRUE;
      if (o === UNKNOWN) unknown = true;
    }
    return unknown ? UNKNOWN : FALSE;
  };
}
