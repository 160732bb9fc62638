/**
 * @module
 * What the rules engine answers for one assessment and one date (product.md, "What a
 * recommendation is"). Texts are already rendered in the requested language.
 */
import { z } from "zod";
import { LanguageSchema } from "../vocabulary/localized.ts";
import {
  CallStatusSchema,
  InstrumentFormSchema,
  LevelSchema,
  VerdictSchema,
} from "../vocabulary/vocabulary.ts";
import { NeedSchema } from "./assessment.ts";
import { AmountRangeSchema } from "./instrument.ts";
import { IsoDateSchema, SlugSchema } from "./primitives.ts";

/** One leaf condition of a rule, in words, with the cluster's own value and the required one. */
export const ConditionExplanationSchema = z
  .object({
    ruleId: SlugSchema,
    /** The condition's `name` in the rule file. */
    condition: z.string(),
    text: z.string(),
    fact: z.string(),
    path: z.string().optional(),
    operator: z.string(),
    required: z.unknown(),
    actual: z.unknown(),
  })
  .strict();
export type ConditionExplanation = z.infer<typeof ConditionExplanationSchema>;

/** A question whose answer would settle an undecided rule. */
export const OpenQuestionSchema = z
  .object({
    /** Fact (and path) of the assessment that is missing, e.g. "profile.members.sme". */
    fact: z.string(),
    label: z.string(),
  })
  .strict();
export type OpenQuestion = z.infer<typeof OpenQuestionSchema>;

export const RecommendationSchema = z
  .object({
    instrumentId: SlugSchema,
    name: z.string(),
    shortName: z.string().optional(),
    verdict: VerdictSchema,
    /** A not-eligible instrument that failed on few conditions, shown with what is missing. */
    nearMiss: z.boolean(),
    score: z.number(),
    operator: z.string(),
    level: LevelSchema,
    forms: z.array(InstrumentFormSchema),
    fundingSources: z.array(SlugSchema),
    callStatus: CallStatusSchema,
    /** The next closing day of an open call, when known. */
    deadline: IsoDateSchema.optional(),
    amount: AmountRangeSchema.optional(),
    maxCoFinancingRate: z.number().optional(),
    reasons: z.array(ConditionExplanationSchema),
    missing: z.array(ConditionExplanationSchema),
    questions: z.array(OpenQuestionSchema),
    /** The most urgent of the cluster's needs that this instrument serves. */
    servesNeeds: z.array(NeedSchema),
    ruleIds: z.array(SlugSchema),
  })
  .strict();
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const RecommendationSetSchema = z
  .object({
    rulebookVersion: z.string(),
    evaluatedOn: IsoDateSchema,
    language: LanguageSchema,
    engine: z.enum(["compiled", "reference"]),
    recommendations: z.array(RecommendationSchema),
    /** How many instruments were evaluated as not eligible and are not near misses. */
    notEligibleCount: z.number().int().nonnegative(),
  })
  .strict();
export type RecommendationSet = z.infer<typeof RecommendationSetSchema>;
