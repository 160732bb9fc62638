/**
 * @module
 * A rule as a policy designer audits it, without evaluating it: the facts it reads with their
 * catalogue labels, and its condition tree with every threshold in words (the catalogue's
 * requirement text, the same one a failed "one of" line uses), what the cluster can do about each
 * condition (its lever) and the question asked when the answer is missing. Shared by
 * `klastry rules review` and any tool that lists rules (the impact report).
 */
import { questionText, requirementText, type Language, type Lever } from "@klastry/domain";
import type { CompiledLeaf, CompiledNode } from "./compile-condition.ts";
import type { CompiledLeafInfo, CompiledRule, Rulebook } from "./compile-rulebook.ts";
import { leverOf } from "./judge-rule.ts";

/** One fact a rule reads, as the catalogue names it. */
export interface ReviewedFact {
  readonly fact: string;
  readonly path?: string;
  readonly label: string;
  /** The answer that makes it known (`profile.members`), when it comes from the assessment. */
  readonly field: string;
}

/** A group (`all`, `any`, `not`) or a leaf of a rule, in words. */
export type ReviewedCondition = ReviewedGroup | ReviewedLeaf;

export interface ReviewedGroup {
  readonly kind: "all" | "any" | "not";
  readonly name?: string;
  readonly children: readonly ReviewedCondition[];
}

export interface ReviewedLeaf {
  readonly kind: "leaf";
  readonly name?: string;
  readonly fact: string;
  readonly path?: string;
  readonly operator: string;
  /** The literal value, or the other fact's name for a fact-to-fact comparison. */
  readonly value: unknown;
  /** What the condition asks for, with the threshold and its unit: "Członkowie klastra: co najmniej 51 członków". */
  readonly requirement: string;
  /** What the cluster can do about it: change it (actionable), report a need, or nothing (fixed). */
  readonly lever: Lever;
  /** A status the cluster can obtain: failing because it already holds it counts as fixed. */
  readonly obtainable: boolean;
  /**
   * The question asked when the answer is missing (the rule's own, else the catalogue's); absent
   * for a fact that is always known (the seat's region, the date).
   */
  readonly question?: string;
  /** The rule file's own texts for this leaf, when it has any (else the catalogue's defaults). */
  readonly ownTexts?: { readonly pass?: string; readonly fail?: string };
}

export interface RuleReview {
  readonly ruleId: string;
  readonly instrument: string;
  readonly file: string;
  readonly weight: number;
  readonly validFrom?: string;
  readonly validTo?: string;
  /** The page the conditions come from. */
  readonly source: string;
  readonly description?: string;
  /** Every fact (and path) the rule reads, once, in file order. */
  readonly facts: readonly ReviewedFact[];
  readonly conditions: ReviewedCondition;
}

/**
 * A rule in words for an audit.
 *
 * @example
 * const review = reviewRule(rulebook.rules[0], "pl");
 * review.facts.map((f) => f.label); // ["Wiek klastra (pełne lata)", "Członkowie klastra", ...]
 */
export function reviewRule(rule: CompiledRule, language: Language): RuleReview {
  const facts = new Map<string, ReviewedFact>();
  for (const info of rule.leaves) {
    for (const [access, side] of sides(info)) {
      const key = `${access.fact}${access.path ?? ""}`;
      if (facts.has(key)) continue;
      facts.set(key, {
        fact: access.fact,
        ...(access.path !== undefined && { path: access.path }),
        label: side.label[language],
        field: side.field,
      });
    }
  }
  const description = rule.definition.description?.[language];
  return {
    ruleId: rule.id,
    instrument: rule.instrument,
    file: rule.file,
    weight: rule.weight,
    ...(rule.validFrom !== undefined && { validFrom: rule.validFrom }),
    ...(rule.validTo !== undefined && { validTo: rule.validTo }),
    source: rule.source,
    ...(description !== undefined && { description }),
    facts: [...facts.values()],
    conditions: reviewNode(rule, rule.root, language),
  };
}

/** Every rule of a rulebook in words, sorted by id (the rulebook's order). */
export function reviewRulebook(rulebook: Rulebook, language: Language): RuleReview[] {
  return rulebook.rules.map((rule) => reviewRule(rule, language));
}

function sides(info: CompiledLeafInfo) {
  const out: [{ fact: string; path?: string }, CompiledLeafInfo["left"]][] = [
    [info.leaf, info.left],
  ];
  if (info.leaf.valueFact && info.right) out.push([info.leaf.valueFact, info.right]);
  return out;
}

function reviewNode(rule: CompiledRule, node: CompiledNode, language: Language): ReviewedCondition {
  if (node.kind !== "leaf") {
    return {
      kind: node.kind,
      ...(node.name !== undefined && { name: node.name }),
      children: node.children.map((child) => reviewNode(rule, child, language)),
    };
  }
  const info = rule.leafByIndex.get(node.index) as CompiledLeafInfo;
  return reviewLeaf(node, info, language);
}

function reviewLeaf(leaf: CompiledLeaf, info: CompiledLeafInfo, language: Language): ReviewedLeaf {
  const { left, right, reason } = info;
  const value = leaf.valueFact ? (right?.label[language] ?? leaf.valueFact.fact) : leaf.value;
  const requirement = requirementText(
    {
      spec: left.spec,
      label: left.label,
      operator: leaf.operator,
      actual: undefined,
      required: value,
      requiredSpec: right?.spec,
    },
    language,
  );
  const pass = reason?.pass?.[language];
  const fail = reason?.fail?.[language];
  const override = reason?.question ?? left.question;
  const asked = override !== undefined || left.spec?.question !== undefined;
  return {
    kind: "leaf",
    ...(leaf.name !== undefined && { name: leaf.name }),
    fact: leaf.fact,
    ...(leaf.path !== undefined && { path: leaf.path }),
    operator: leaf.operator,
    value,
    requirement,
    lever: leverOf(info),
    obtainable: left.spec?.obtainable === true,
    ...(asked && { question: questionText(left.spec, left.label, language, override) }),
    ...((pass !== undefined || fail !== undefined) && {
      ownTexts: { ...(pass !== undefined && { pass }), ...(fail !== undefined && { fail }) },
    }),
  };
}
