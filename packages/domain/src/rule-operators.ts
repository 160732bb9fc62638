/**
 * @module
 * The operators a rule condition may use: json-rules-engine 7's ten default operators. The rules
 * engine gives each its callback; the rule editor offers and checks the same list.
 */

export const OPERATORS = [
  "equal",
  "notEqual",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
  "in",
  "notIn",
  "contains",
  "doesNotContain",
] as const;
export type OperatorName = (typeof OPERATORS)[number];

export function isOperatorName(name: string): name is OperatorName {
  return (OPERATORS as readonly string[]).includes(name);
}
