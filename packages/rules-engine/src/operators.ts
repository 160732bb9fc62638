/**
 * @module
 * The operator table: json-rules-engine 7's ten default operators with the same callbacks and
 * fact-value validators (`dist/engine-default-operators.js`), so a known fact gives the same
 * answer in both engines, type mismatches included.
 */
import type { OperatorName } from "@klastry/domain";

/** An operator's verdict for a fact value (left) and a condition value (right). */
export type OperatorFn = (fact: unknown, value: unknown) => boolean;

/** json-rules-engine's `numberValidator`: what `parseFloat` (through `String()`) reads as a number. */
function isNumberLike(factValue: unknown): boolean {
  // For a number, parseFloat(String(n)) is NaN only when n is: skip the string round trip.
  if (typeof factValue === "number") return !Number.isNaN(factValue);
  return Number.parseFloat(factValue as string).toString() !== "NaN";
}

/**
 * `in` / `notIn` call `value.indexOf(fact)`. json-rules-engine throws a TypeError when the value
 * has no `indexOf` (null, a number, an object); validation rejects such values, and only a
 * fact-to-fact comparison can still produce one, where we fail the condition instead of throwing.
 */
function indexIn(haystack: unknown, needle: unknown): number | undefined {
  if (Array.isArray(haystack)) return haystack.indexOf(needle);
  if (typeof haystack === "string") return haystack.indexOf(needle as string);
  return undefined;
}

type Loose = number;

export const OPERATOR_TABLE: Readonly<Record<OperatorName, OperatorFn>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => {
    const index = indexIn(b, a);
    return index !== undefined && index > -1;
  },
  notIn: (a, b) => {
    const index = indexIn(b, a);
    return index !== undefined && index === -1;
  },
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  // JavaScript's relational operators on whatever the values are, as json-rules-engine does.
  lessThan: (a, b) => isNumberLike(a) && (a as Loose) < (b as Loose),
  lessThanInclusive: (a, b) => isNumberLike(a) && (a as Loose) <= (b as Loose),
  greaterThan: (a, b) => isNumberLike(a) && (a as Loose) > (b as Loose),
  greaterThanInclusive: (a, b) => isNumberLike(a) && (a as Loose) >= (b as Loose),
};

/** True when json-rules-engine would throw on these values (see `indexIn`). */
export function operatorWouldThrow(operator: OperatorName, value: unknown): boolean {
  return (
    (operator === "in" || operator === "notIn") &&
    !Array.isArray(value) &&
    typeof value !== "string"
  );
}
