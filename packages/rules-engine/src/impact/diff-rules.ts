/**
 * @module
 * Rules added, removed or changed between two rulebooks, paired by rule id, with a readable diff
 * of their conditions: each leaf by its name (unique in a rule), rendered as text, so a lowered
 * threshold reads `enough-members: memberCount >= 51 -> >= 40`.
 */
import type { CompiledRule, Rulebook } from "../compile-rulebook.ts";
import { isLeaf, type Condition } from "../rule-file.ts";
import { conditionLines, describeCondition } from "./describe-condition.ts";
import type { ConditionChange, RuleChange } from "./impact-schema.ts";

interface FlatNode {
  readonly key: string;
  readonly leaf: boolean;
  readonly named: boolean;
  readonly text: string;
  readonly parent: string | undefined;
}

/** Every node of a condition tree by its key: the name, or the JSON pointer when unnamed. */
function flatten(root: Condition, instrument: string): Map<string, FlatNode> {
  const nodes = new Map<string, FlatNode>();
  const visit = (node: Condition, pointer: string, parent: string | undefined) => {
    const key = node.name ?? pointer;
    nodes.set(key, {
      key,
      leaf: isLeaf(node),
      named: node.name !== undefined || parent === undefined,
      text: describeCondition(node, instrument),
      parent,
    });
    if (isLeaf(node)) return;
    if ("not" in node) return visit(node.not, `${pointer}/not`, key);
    const kind = "all" in node ? "all" : "any";
    const children = "all" in node ? node.all : node.any;
    children.forEach((child, i) => visit(child, `${pointer}/${kind}/${i}`, key));
  };
  visit(root, "/conditions", undefined);
  return nodes;
}

/** The condition tree changes of one rule: leaves by name, named groups by their kind. */
export function diffConditions(before: CompiledRule, after: CompiledRule): ConditionChange[] {
  const a = flatten(before.definition.conditions, before.instrument);
  const b = flatten(after.definition.conditions, after.instrument);
  const changes: ConditionChange[] = [];
  for (const [key, node] of a) {
    const next = b.get(key);
    if (!next) {
      if (node.leaf || node.named)
        changes.push({ condition: key, change: "removed", before: node.text });
    } else if (node.text !== next.text) {
      if (node.leaf || node.named)
        changes.push({ condition: key, change: "changed", before: node.text, after: next.text });
    } else if (node.leaf && node.parent !== next.parent) {
      changes.push({
        condition: key,
        change: "moved",
        before: `in ${node.parent ?? "(root)"}`,
        after: `in ${next.parent ?? "(root)"}`,
      });
    }
  }
  for (const [key, node] of b) {
    if (!a.has(key) && (node.leaf || node.named))
      changes.push({ condition: key, change: "added", after: node.text });
  }
  return changes;
}

const FIELDS = ["instrument", "weight", "priority", "validFrom", "validTo", "source"] as const;

const shown = (value: unknown) =>
  value === undefined ? "(none)" : typeof value === "string" ? value : JSON.stringify(value);

function ruleChange(
  change: RuleChange["change"],
  before: CompiledRule | undefined,
  after: CompiledRule | undefined,
): RuleChange {
  const rule = (after ?? before) as CompiledRule;
  const fields: RuleChange["fields"] = [];
  if (before && after) {
    for (const field of FIELDS) {
      if (before[field] !== after[field])
        fields.push({ field, before: shown(before[field]), after: shown(after[field]) });
    }
    if (before.file !== after.file)
      fields.push({ field: "file", before: before.file, after: after.file });
  }
  const json = (value: unknown) => JSON.stringify(value ?? null);
  return {
    ruleId: rule.id,
    instrumentId: rule.instrument,
    change,
    file: {
      ...(before && { before: before.file }),
      ...(after && { after: after.file }),
    },
    fields,
    conditions: before && after ? diffConditions(before, after) : [],
    conditionText:
      before && after ? [] : conditionLines(rule.definition.conditions, rule.instrument),
    reasonsChanged:
      before !== undefined &&
      after !== undefined &&
      json(before.definition.reasons) !== json(after.definition.reasons),
    descriptionChanged:
      before !== undefined &&
      after !== undefined &&
      json(before.definition.description) !== json(after.definition.description),
  };
}

/** What one rule means: same text in both rulebooks means no change worth reporting. */
function sameRule(a: CompiledRule, b: CompiledRule): boolean {
  return a.file === b.file && JSON.stringify(a.definition) === JSON.stringify(b.definition);
}

/**
 * Rules added, removed or changed from `before` to `after`, by rule id.
 *
 * @example
 * diffRules(main, branch)[0];
 * // { ruleId: "kkk-status", change: "changed", conditions: [{ condition: "enough-members",
 * //   change: "changed", before: "memberCount >= 51", after: "memberCount >= 40" }], ... }
 */
export function diffRules(before: Rulebook, after: Rulebook): RuleChange[] {
  const old = new Map(before.rules.map((rule) => [rule.id, rule]));
  const next = new Map(after.rules.map((rule) => [rule.id, rule]));
  const ids = [...new Set([...old.keys(), ...next.keys()])].sort();
  const changes: RuleChange[] = [];
  for (const id of ids) {
    const a = old.get(id);
    const b = next.get(id);
    if (a && b) {
      if (!sameRule(a, b)) changes.push(ruleChange("changed", a, b));
    } else changes.push(ruleChange(a ? "removed" : "added", a, b));
  }
  return changes;
}
