/**
 * @module
 * Impact of a changed rulebook on a population: the comparison shared by `klastry rules impact`
 * and `POST /rules/impact`, its report schema (zod and JSON Schema) and the condition texts.
 */
export { rulebookImpact } from "./rulebook-impact.ts";
export type { ImpactSubject, RulebookImpactOptions } from "./rulebook-impact.ts";
export { diffRules, diffConditions } from "./diff-rules.ts";
export {
  describeCondition,
  describeAccess,
  describeTest,
  describeChange,
  conditionLines,
} from "./describe-condition.ts";
export {
  RulebookImpactSchema,
  ImpactCauseSchema,
  CauseSummarySchema,
  InstrumentChangeSchema,
  StandingSchema,
} from "./impact-schema.ts";
export type {
  RulebookImpact,
  ImpactCause,
  ConditionCause,
  RuleCause,
  CauseSummary,
  ClusterChange,
  InstrumentChange,
  InstrumentImpact,
  RegionImpact,
  RuleChange,
  ConditionChange,
  Standing,
  StandingCounts,
  ConditionOutcome,
} from "./impact-schema.ts";
export { impactReportJsonSchema, impactReportJsonSchemaText } from "./impact-json-schema.ts";
