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
