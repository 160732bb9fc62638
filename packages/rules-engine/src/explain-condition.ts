/**
 * @module
 * A rule's conditions in words for one evaluation: satisfied and failed leaves with the cluster's
 * value and the required one, a failed "any of" group as one line ("one of: ..."), and the
 * questions that would settle unknown leaves. Texts come from the fact catalogue's defaults
 * (@klastry/domain's one formatter) unless the rule file says something more specific.
 */
import {
  conditionText,
  oneOfText,
  questionText,
  requirementText,
  type ConditionExplanation,
  type ConditionFacts,
  type Language,
  type OpenQuestion,
} from "@klastry/domain";
import type { CompiledLeafInfo, CompiledRule } from "./compile-rulebook.ts";
import { isFailedGroup, type FailedGroup, type LeafOutcome } from "./judge-rule.ts";

function factsOf(outcome: LeafOutcome): ConditionFacts {
  const { leaf, left, right } = outcome.info;
  return {
    spec: left.spec,
    label: left.label,
    operator: leaf.operator,
    actual: outcome.actual,
    required: outcome.required,
    requiredSpec: right?.spec,
  };
}

/** One leaf in words, with the cluster's value and the required one. */
export function explainLeaf(
  rule: CompiledRule,
  outcome: LeafOutcome,
  language: Language,
): ConditionExplanation {
  const { leaf, reason } = outcome.info;
  const passed = outcome.effective === 1;
  const override = passed ? reason?.pass : reason?.fail;
  const explanation: ConditionExplanation = {
    ruleId: rule.id,
    condition: leaf.name ?? leaf.pointer,
    text: conditionText(factsOf(outcome), passed ? "pass" : "fail", language, override),
    fact: leaf.fact,
    operator: leaf.operator,
    // An unknown value stays `undefined`, which JSON leaves out.
    required: outcome.required,
    actual: outcome.actual,
    lever: outcome.lever,
  };
  if (leaf.path !== undefined) explanation.path = leaf.path;
  return explanation;
}

/** A failed "any of" group as one line; its alternatives keep their own failed texts. */
export function explainGroup(
  rule: CompiledRule,
  failed: FailedGroup,
  language: Language,
): ConditionExplanation {
  const alternatives = failed.leaves.map((leaf) => explainLeaf(rule, leaf, language));
  const first = failed.leaves[0];
  if (alternatives.length === 1 && first) return { ...explainLeaf(rule, first, language) };
  return {
    ruleId: rule.id,
    condition: failed.group.name ?? failed.group.pointer,
    text: oneOfText(
      failed.leaves.map((leaf) => requirementText(factsOf(leaf), language)),
      language,
    ),
    fact: first?.info.leaf.fact ?? "",
    operator: "any",
    lever: failed.lever,
    alternatives,
  };
}

/** What made a rule fail, one entry per unit, a repeated line only once. */
export function explainFailures(
  rule: CompiledRule,
  failed: readonly (LeafOutcome | FailedGroup)[],
  language: Language,
): ConditionExplanation[] {
  return uniqueTexts(
    failed.map((entry) =>
      isFailedGroup(entry)
        ? explainGroup(rule, entry, language)
        : explainLeaf(rule, entry, language),
    ),
  );
}

/** What helped a rule, a repeated line only once. */
export function explainReasons(
  rule: CompiledRule,
  satisfied: readonly LeafOutcome[],
  language: Language,
): ConditionExplanation[] {
  return uniqueTexts(satisfied.map((leaf) => explainLeaf(rule, leaf, language)));
}

function uniqueTexts(explanations: ConditionExplanation[]): ConditionExplanation[] {
  const seen = new Set<string>();
  return explanations.filter((e) => !seen.has(e.text) && seen.add(e.text));
}

/**
 * The answers that would settle the unknown leaves, once each, in rule order. A ranged fact
 * already known to a range asks for the answer that narrows it (the founding month).
 */
export function questionsOf(unknown: readonly LeafOutcome[], language: Language): OpenQuestion[] {
  const seen = new Set<string>();
  const out: OpenQuestion[] = [];
  for (const { info, actual, required } of unknown) {
    const sides: { field: string; side: CompiledLeafInfo["left"] }[] = [];
    const narrowedBy = info.left.spec?.narrowedBy;
    if (actual === undefined) sides.push({ field: info.left.field, side: info.left });
    else if (narrowedBy) sides.push({ field: narrowedBy, side: info.left });
    if (info.right && required === undefined)
      sides.push({ field: info.right.field, side: info.right });
    for (const { field, side } of sides) {
      if (seen.has(field)) continue;
      seen.add(field);
      const override = info.reason?.question ?? side.question;
      const label = questionText(side.spec, side.label, language, override);
      out.push({ fact: field, label });
    }
  }
  return out;
}
