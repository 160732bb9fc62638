/**
 * @module
 * A second compilation of a rule's conditions for the verdict-only path: the same three-valued
 * outcome as `compileCondition`, but short-circuiting (`all` stops at the first false child,
 * `any` at the first true one) and writing nothing to a frame. Reasons and near misses need every
 * leaf, so `evaluate` keeps the recording closures; impact analysis and dashboards use these.
 */
import type { OperatorName } from "@klastry/domain";
import {
  compileAccess,
  FALSE,
  RANGED_FACTS,
  rangedOutcome,
  TRUE,
  UNKNOWN,
  type Outcome,
} from "./compile-condition.ts";
import type { FactValues } from "./derive-facts.ts";
import { OPERATOR_TABLE } from "./operators.ts";
import { isFactReference, isLeaf, type Condition } from "./rule-file.ts";

/**
 * A compiled test reads plain facts from `slots` (the fact values laid out in an array, see
 * `factSlots`), and path or parameterised facts from `facts`.
 */
export type FastTest = (slots: readonly unknown[], facts: FactValues) => Outcome;

/**
 * Slot numbers of plain facts, shared by every compiled rule of the process. Reading `slots[k]`
 * is a fixed array load, where `values[name]` with a different name at every leaf sends V8's
 * property lookup through its megamorphic cache (measured: up to 2x slower verdicts).
 */
const SLOT_OF = new Map<string, number>();
const SLOT_NAMES: string[] = [];

function slotOf(fact: string): number {
  let slot = SLOT_OF.get(fact);
  if (slot === undefined) {
    slot = SLOT_NAMES.length;
    SLOT_OF.set(fact, slot);
    SLOT_NAMES.push(fact);
  }
  return slot;
}

/** The plain fact values of an evaluation in slot order; build once per evaluation. */
export function factSlots(facts: FactValues): unknown[] {
  const values = facts.values;
  const slots = new Array<unknown>(SLOT_NAMES.length);
  for (let i = 0; i < SLOT_NAMES.length; i++) slots[i] = values[SLOT_NAMES[i] as string];
  return slots;
}

/**
 * The common leaf, a plain fact against a literal: the fact is read straight from the values and
 * the usual operators are written out, with json-rules-engine's semantics (see operators.ts).
 */
function plainLeaf(
  fact: string,
  operator: OperatorName,
  literal: unknown,
  op: (a: unknown, b: unknown) => boolean,
): FastTest {
  const k = slotOf(fact);
  switch (operator) {
    case "equal":
      return (slots) => {
        const a = slots[k];
        return a === undefined ? UNKNOWN : a === literal ? TRUE : FALSE;
      };
    case "in":
      if (Array.isArray(literal)) {
        const list = literal as unknown[];
        return (slots) => {
          const a = slots[k];
          return a === undefined ? UNKNOWN : list.indexOf(a) > -1 ? TRUE : FALSE;
        };
      }
      break;
    case "contains":
      return (slots) => {
        const a = slots[k];
        return a === undefined
          ? UNKNOWN
          : Array.isArray(a) && a.indexOf(literal) > -1
            ? TRUE
            : FALSE;
      };
    case "greaterThanInclusive":
      if (typeof literal === "number") {
        return (slots) => {
          const a = slots[k];
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
  return (slots) => {
    const a = slots[k];
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
      return (_slots, facts) => {
        const actual = left(facts);
        const required = right(facts);
        if (actual === undefined || required === undefined) return UNKNOWN;
        return op(actual, required) ? TRUE : FALSE;
      };
    }
    const literal = condition.value;
    if (
      condition.path === undefined &&
      (condition.params === undefined || Object.keys(condition.params).length === 0)
    ) {
      const plain = plainLeaf(condition.fact, condition.operator as OperatorName, literal, op);
      if (!RANGED_FACTS.has(condition.fact)) return plain;
      const fact = condition.fact;
      return (slots, facts) => {
        const o = plain(slots, facts);
        return o === UNKNOWN ? o : rangedOutcome(o === TRUE, facts.upper?.[fact], op, literal);
      };
    }
    return (_slots, facts) => {
      const actual = left(facts);
      if (actual === undefined) return UNKNOWN;
      return op(actual, literal) ? TRUE : FALSE;
    };
  }
  if ("not" in condition) {
    const inner = compileFastCondition(condition.not);
    return (slots, facts) => {
      const o = inner(slots, facts);
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
      return (slots, facts) => {
        const x = a(slots, facts);
        if (x === FALSE) return FALSE;
        const y = b(slots, facts);
        if (y === FALSE) return FALSE;
        return x === UNKNOWN || y === UNKNOWN ? UNKNOWN : TRUE;
      };
    }
    if (count === 3) {
      return (slots, facts) => {
        const x = a(slots, facts);
        if (x === FALSE) return FALSE;
        const y = b(slots, facts);
        if (y === FALSE) return FALSE;
        const z = c(slots, facts);
        if (z === FALSE) return FALSE;
        return x === UNKNOWN || y === UNKNOWN || z === UNKNOWN ? UNKNOWN : TRUE;
      };
    }
    if (count === 4) {
      return (slots, facts) => {
        const x = a(slots, facts);
        if (x === FALSE) return FALSE;
        const y = b(slots, facts);
        if (y === FALSE) return FALSE;
        const z = c(slots, facts);
        if (z === FALSE) return FALSE;
        const w = d(slots, facts);
        if (w === FALSE) return FALSE;
        return x === UNKNOWN || y === UNKNOWN || z === UNKNOWN || w === UNKNOWN ? UNKNOWN : TRUE;
      };
    }
    return (slots, facts) => {
      let unknown = false;
      for (let i = 0; i < count; i++) {
        const o = (children[i] as FastTest)(slots, facts);
        if (o === FALSE) return FALSE;
        if (o === UNKNOWN) unknown = true;
      }
      return unknown ? UNKNOWN : TRUE;
    };
  }
  if (count === 2) {
    const [a, b] = children as [FastTest, FastTest];
    return (slots, facts) => {
      const x = a(slots, facts);
      if (x === TRUE) return TRUE;
      const y = b(slots, facts);
      if (y === TRUE) return TRUE;
      return x === UNKNOWN || y === UNKNOWN ? UNKNOWN : FALSE;
    };
  }
  return (slots, facts) => {
    let unknown = false;
    for (let i = 0; i < count; i++) {
      const o = (children[i] as FastTest)(slots, facts);
      if (o === TRUE) return TRUE;
      if (o === UNKNOWN) unknown = true;
    }
    return unknown ? UNKNOWN : FALSE;
  };
}
