/**
 * @module
 * One rule's part of an evaluation trace for a terminal: the facts the rule reads, then its
 * condition tree with actual vs required values and outcomes (the engine's `formatTrace` shape).
 */
import {
  formatTrace,
  type ConditionTrace,
  type EvaluationTrace,
  type RuleTrace,
} from "@klastry/rules-engine";

/** Renders `rule` from `trace`, keeping only the facts its conditions read. */
export function formatRuleTrace(trace: EvaluationTrace, rule: RuleTrace): string {
  const used = new Set<string>();
  const walk = (node: ConditionTrace) => {
    if (node.fact) used.add(node.fact);
    node.children?.forEach(walk);
  };
  if (rule.conditions) walk(rule.conditions);
  const facts = Object.fromEntries(Object.entries(trace.facts).filter(([name]) => used.has(name)));
  const recommendations = trace.recommendations.filter((r) => r.instrumentId === rule.instrument);
  return formatTrace({ ...trace, facts, rules: [rule], recommendations, notEligibleCount: 0 });
}
