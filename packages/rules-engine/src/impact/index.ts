/**
 * @module
 * Impact of a changed rulebook on a population: the comparison shared by `klastry rules impact`
 * and `POST /rules/impact`, its report schema (zod and JSON Schema) and the condition texts.
 */
export { rulebookImpact } from "./rulebook-impact.ts";
export type { ImpactSubject, RulebookImpactOptions } from "./rulebook-impact.ts";
export { describeChange } from "./describe-condition.ts";
export { RulebookImpactSchema, ImpactCauseSchema, StandingSchema } from "./impact-schema.ts";
export type {
  RulebookImpact,
  ImpactCause,
  CauseSummary,
  InstrumentChange,
  Standing,
  StandingCounts,
} from "./impact-schema.ts";
export { impactReportJsonSchema, impactReportJsonSchemaText } from "./impact-json-schema.ts";
