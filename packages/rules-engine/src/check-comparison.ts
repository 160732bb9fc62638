/**
 * @module
 * Does an operator fit a fact's type, and does the condition's value fit both? Decided from the
 * fact catalogue, so a rule comparing a count with a string, or asking `in` of a single value,
 * is refused at load instead of quietly failing for every cluster.
 */
import { nearest, type FactSpec, type OperatorName } from "@klastry/domain";
import type { ResolvedAccess } from "./fact-types.ts";

const COMPARE: readonly OperatorName[] = [
  "equal",
  "notEqual",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
  "in",
  "notIn",
];

/** Operators per fact type; `equal`/`notEqual` on lists and objects only with `null` (presence). */
export const APPLICABLE_OPERATORS: Readonly<Record<FactSpec["type"], readonly OperatorName[]>> = {
  number: COMPARE,
  date: COMPARE,
  string: ["equal", "notEqual", "in", "notIn"],
  boolean: ["equal", "notEqual"],
  "string[]": ["contains", "doesNotContain", "equal", "notEqual"],
  object: ["equal", "notEqual"],
};

/** A problem with the value: wrong type, or a code outside the fact's vocabulary. */
export type ValueProblem =
  | { code: "WRONG_VALUE_TYPE"; pointer: string; expected: string; received: string }
  | {
      code: "UNKNOWN_VALUE";
      pointer: string;
      value: string;
      allowed: readonly string[];
      suggestion?: string;
    };

const SCALAR: Partial<Record<FactSpec["type"], string>> = {
  number: "a number",
  date: "a date YYYY-MM-DD",
  string: "a string",
  boolean: "true or false",
};

const isList = (operator: OperatorName) => operator === "in" || operator === "notIn";
const isContains = (operator: OperatorName) =>
  operator === "contains" || operator === "doesNotContain";

/** What the value must be, in words, for a fact of `spec` under `operator`. */
export function expectedValue(operator: OperatorName, spec: FactSpec): string {
  if (spec.type === "string[]") return isContains(operator) ? "a string" : "null";
  if (spec.type === "object") return "null";
  if (isList(operator)) return `an array of ${spec.type === "date" ? "dates" : `${spec.type}s`}`;
  const scalar = SCALAR[spec.type] ?? "null";
  return operator === "equal" || operator === "notEqual" ? `${scalar} or null` : scalar;
}

/** Checks a literal value against the fact side; `pointer` is the value's place. */
export function checkLiteral(
  value: unknown,
  operator: OperatorName,
  left: ResolvedAccess,
  pointer: string,
): ValueProblem[] {
  const spec = left.spec;
  const wrong = (): ValueProblem[] => [
    {
      code: "WRONG_VALUE_TYPE",
      pointer,
      expected: expectedValue(operator, spec),
      received: describe(value),
    },
  ];
  const code = (item: unknown, at: string): ValueProblem[] => {
    if (typeof item !== "string" || !spec.values || spec.values.includes(item)) return [];
    const suggestion = nearest(item, spec.values);
    return [
      {
        code: "UNKNOWN_VALUE",
        pointer: at,
        value: item,
        allowed: spec.values,
        ...(suggestion && { suggestion }),
      },
    ];
  };
  if (spec.type === "string[]") {
    if (!isContains(operator)) return value === null ? [] : wrong();
    return typeof value === "string" ? code(value, pointer) : wrong();
  }
  if (spec.type === "object") return value === null ? [] : wrong();
  if (isList(operator)) {
    if (!Array.isArray(value) || !value.every((item) => scalarMatches(spec, item))) return wrong();
    return value.flatMap((item, i) => code(item, `${pointer}/${i}`));
  }
  if (operator === "equal" || operator === "notEqual") {
    if (value !== null && !scalarMatches(spec, value)) return wrong();
    return code(value, pointer);
  }
  return scalarMatches(spec, value) ? [] : wrong();
}

/** Whether a fact-to-fact comparison compares like with like. */
export function compatible(operator: OperatorName, left: FactSpec, right: FactSpec): boolean {
  // json-rules-engine throws when `in` meets a null list, so a nullable list cannot be the value.
  if (isList(operator))
    return left.type === "string" && right.type === "string[]" && !right.nullable;
  if (isContains(operator)) return left.type === "string[]" && right.type === "string";
  if (left.type === "string[]" || left.type === "object") return false;
  return left.type === right.type;
}

function scalarMatches(spec: FactSpec, value: unknown): boolean {
  switch (spec.type) {
    case "number":
      return typeof value === "number";
    case "date":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    default:
      return false;
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array (${JSON.stringify(value)})`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
