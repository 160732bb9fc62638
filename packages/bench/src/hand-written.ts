/**
 * @module
 * The hand-written baseline: the synthetic rules' logic written directly in JavaScript, deriving
 * the four facts from the assessment once and testing every rule's parameters in a plain loop.
 * This is what "close to hand-written code" is measured against.
 */
import type { AssessmentInput } from "./domain-bits.ts";
import type { SyntheticRuleParams } from "./synthetic-rulebook.ts";

export function handWrittenEvaluate(
  rules: readonly SyntheticRuleParams[],
  assessment: AssessmentInput,
  date: string,
): string[] {
  const region = assessment.cluster.region;
  const members = assessment.profile.members;
  const memberCount =
    (members.sme ?? 0) +
    (members.large_enterprise ?? 0) +
    (members.research_organisation ?? 0) +
    (members.business_support_institution ?? 0) +
    (members.local_government ?? 0) +
    (members.other ?? 0);
  const needed = new Set((assessment.needs ?? []).map((need) => need.function));
  const kkk = assessment.cluster.kkk;
  const kkkValid =
    kkk !== undefined && kkk.holds && (kkk.validUntil === undefined || kkk.validUntil >= date);
  const eligible: string[] = [];
  for (const rule of rules) {
    if (
      rule.regions.includes(region) &&
      memberCount >= rule.minMembers &&
      (needed.has(rule.functionA) || needed.has(rule.functionB)) &&
      kkkValid === rule.kkk
    ) {
      eligible.push(rule.id);
    }
  }
  return eligible;
}
