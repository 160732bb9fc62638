/**
 * @module
 * Conditions as text a reviewer reads: `memberCount >= 51`, `actorNeeds.coordinator contains
 * "cluster_management"`, `instrumentCallStatus in ["open", "planned"]`. Used by the rule diff and
 * the impact report, so a changed threshold reads `memberCount >= 51` -> `>= 40`, not as a JSON diff.
 */
import { isFactReference, isLeaf, type Condition, type LeafCondition } from "../rule-file.ts";

const SYMBOLS: Readonly<Record<string, string>> = {
  equal: "=",
  notEqual: "!=",
  lessThan: "<",
  lessThanInclusive: "<=",
  greaterThan: ">",
  greaterThanInclusive: ">=",
  in: "in",
  notIn: "not in",
  contains: "contains",
  doesNotContain: "does not contain",
};

/**
 * A fact and its path as one dotted name: `cluster` + `$.kkk.holds` is `cluster.kkk.holds`. The
 * `instrument` param is shown only when it names another instrument than the rule's own (the
 * loader fills the rule's own in).
 */
export function describeAccess(
  access: { fact: string; path?: string | undefined; params?: Readonly<Record<string, unknown>> },
  ownInstrument?: string,
): string {
  const path = access.path && access.path !== "$" ? access.path.replace(/^\$/, "") : "";
  const params = Object.entries(access.params ?? {}).filter(
    ([key, value]) => !(key === "instrument" && value === ownInstrument),
  );
  const args =
    params.length === 0 ? "" : `(${params.map(([k, v]) => `${k}=${String(v)}`).join(", ")})`;
  return `${access.fact}${args}${path}`;
}

/** The operator and the value: `>= 51`, `in ["open", "planned"]`, `= cluster.region`. */
export function describeTest(leaf: LeafCondition, ownInstrument?: string): string {
  const symbol = SYMBOLS[leaf.operator] ?? leaf.operator;
  const value = isFactReference(leaf.value)
    ? describeAccess(leaf.value, ownInstrument)
    : Array.isArray(leaf.value)
      ? `[${leaf.value.map((v) => JSON.stringify(v)).join(", ")}]`
      : JSON.stringify(leaf.value);
  return `${symbol} ${value}`;
}

/**
 * One condition as one line: a leaf as `fact op value`, a group as its kind (`all`, `any`, `not`).
 *
 * @example
 * describeCondition({ name: "n", fact: "memberCount", operator: "greaterThanInclusive", value: 51 });
 * // "memberCount >= 51"
 */
export function describeCondition(condition: Condition, ownInstrument?: string): string {
  if (isLeaf(condition))
    return `${describeAccess(condition, ownInstrument)} ${describeTest(condition, ownInstrument)}`;
  return "all" in condition ? "all" : "any" in condition ? "any" : "not";
}

/**
 * A condition tree, one node a line, children indented by two spaces, each named node led by its
 * name: `enough-members: memberCount >= 51`.
 */
export function conditionLines(condition: Condition, ownInstrument?: string): string[] {
  const lines: string[] = [];
  const visit = (node: Condition, indent: string) => {
    const name = node.name === undefined ? "" : `${node.name}: `;
    lines.push(`${indent}${name}${describeCondition(node, ownInstrument)}`);
    if (isLeaf(node)) return;
    const children = "all" in node ? node.all : "any" in node ? node.any : [node.not];
    for (const child of children) visit(child, `${indent}  `);
  };
  visit(condition, "");
  return lines;
}

/**
 * The changed side of a condition, shortened when only the test changed: `memberCount >= 51`
 * to `memberCount >= 40` reads `memberCount >= 51 -> >= 40`.
 */
export function describeChange(before: string | undefined, after: string | undefined): string {
  if (before === undefined) return `+ ${after ?? ""}`;
  if (after === undefined) return `- ${before}`;
  const left = commonSubject(before, after);
  return left ? `${before} -> ${after.slice(left.length + 1)}` : `${before} -> ${after}`;
}

/** The fact side both texts share (up to the first space), if any. */
function commonSubject(before: string, after: string): string | undefined {
  const a = before.split(" ")[0];
  const b = after.split(" ")[0];
  return a !== undefined && a === b && a.length < after.length ? a : undefined;
}
