/**
 * @module
 * What the rules engine answers for one assessment and one date (product.md, "What a
 * recommendation is"). Texts are already rendered in the requested language.
 */
import { z } from "zod";
import { LanguageSchema } from "../vocabulary/localized.ts";
import {
  ApplicantSchema,
  ConfidenceSchema,
  InstrumentFormSchema,
  LevelSchema,
  SupportFunctionSchema,
  VerdictSchema,
} from "../vocabulary/vocabulary.ts";
import { NeedSchema } from "./assessment.ts";
import { AvailabilityOnSchema, StatusWindowSchema } from "./availability.ts";
import { AmountRangeSchema, CallBudgetSchema } from "./instrument.ts";
import { IsoDateSchema, SlugSchema, UrlSchema } from "./primitives.ts";

/**
 * What a condition is about: something the cluster can change (a status, members, staff, own
 * contribution), a need it reports, or a fact nobody can change (its seat, the date).
 */
export const LeverSchema = z.enum(["actionable", "need", "fixed"]);
export type Lever = z.infer<typeof LeverSchema>;

/** One leaf condition of a rule, in words, with the cluster's own value and the required one. */
export const ConditionLeafExplanationSchema = z
  .object({
    ruleId: SlugSchema,
    /** The condition's `name` in the rule file (or its JSON pointer). */
    condition: z.string(),
    text: z.string(),
    fact: z.string(),
    path: z.string().optional(),
    operator: z.string(),
    required: z.unknown().optional(),
    actual: z.unknown().optional(),
    lever: LeverSchema,
  })
  .strict();

/**
 * A condition in words: a leaf, or a failed "any of" group read as one line, its alternatives
 * (leaves, any one of which would do) in `alternatives`.
 */
export const ConditionExplanationSchema = ConditionLeafExplanationSchema.extend({
  alternatives: z.array(ConditionLeafExplanationSchema).optional(),
}).strict();
export type ConditionExplanation = z.infer<typeof ConditionExplanationSchema>;

/** A question whose answer would settle an undecided rule. */
export const OpenQuestionSchema = z
  .object({
    /** The answer of the assessment that is missing, e.g. "profile.members". */
    fact: z.string(),
    label: z.string(),
  })
  .strict();
export type OpenQuestion = z.infer<typeof OpenQuestionSchema>;

/** The status on the evaluation date with its basis, in the set's language. */
export const RecommendationAvailabilitySchema = AvailabilityOnSchema.extend({
  basis: z.string(),
  window: StatusWindowSchema.omit({ label: true })
    .extend({ label: z.string().optional() })
    .optional(),
});
export type RecommendationAvailability = z.infer<typeof RecommendationAvailabilitySchema>;

export const RecommendationSchema = z
  .object({
    instrumentId: SlugSchema,
    name: z.string(),
    shortName: z.string().optional(),
    verdict: VerdictSchema,
    /** Not eligible, failing only on few things the cluster can change; shown with what is missing. */
    nearMiss: z.boolean(),
    score: z.number(),
    operator: z.string(),
    level: LevelSchema,
    forms: z.array(InstrumentFormSchema),
    fundingSources: z.array(SlugSchema),
    /** Who applies. */
    applicant: ApplicantSchema,
    /** For member firms or research members: how many of the cluster's members are of a kind that may apply. */
    applicantMembers: z.number().int().nonnegative().optional(),
    availability: RecommendationAvailabilitySchema,
    /** What one applicant can get. */
    amount: AmountRangeSchema.optional(),
    /** The call's whole budget, apart from what one applicant can get. */
    callBudget: CallBudgetSchema.optional(),
    maxCoFinancingRate: z.number().optional(),
    website: UrlSchema.optional(),
    sources: z.array(UrlSchema),
    confidence: ConfidenceSchema,
    lastVerified: IsoDateSchema,
    reasons: z.array(ConditionExplanationSchema),
    missing: z.array(ConditionExplanationSchema),
    questions: z.array(OpenQuestionSchema),
    /** The cluster's needs this instrument serves, most urgent first. */
    servesNeeds: z.array(NeedSchema),
    ruleIds: z.array(SlugSchema),
  })
  .strict();
export type Recommendation = z.infer<typeof RecommendationSchema>;

/** Recommendations of one kind of applicant, in rank order. */
export const ApplicantGroupSchema = z
  .object({
    applicant: ApplicantSchema,
    label: z.string(),
    instrumentIds: z.array(SlugSchema),
  })
  .strict();
export type ApplicantGroup = z.infer<typeof ApplicantGroupSchema>;

/** An instrument the cluster would qualify for if it reported a need it did not mark. */
export const AlsoFundsSchema = z
  .object({
    instrumentId: SlugSchema,
    name: z.string(),
    shortName: z.string().optional(),
    applicant: ApplicantSchema,
    /** The functions it funds that the cluster did not mark. */
    functions: z.array(SupportFunctionSchema),
    text: z.string(),
  })
  .strict();
export type AlsoFunds = z.infer<typeof AlsoFundsSchema>;

/** A call that closed in the twelve months before the date, for an instrument that would fit. */
export const RecentlyClosedSchema = z
  .object({
    instrumentId: SlugSchema,
    name: z.string(),
    shortName: z.string().optional(),
    verdict: VerdictSchema,
    closedOn: IsoDateSchema,
  })
  .strict();
export type RecentlyClosed = z.infer<typeof RecentlyClosedSchema>;

export const RecommendationSetSchema = z
  .object({
    rulebookVersion: z.string(),
    evaluatedOn: IsoDateSchema,
    language: LanguageSchema,
    engine: z.enum(["compiled", "reference"]),
    /** Ranked: eligible, then can't tell yet, then near misses. */
    recommendations: z.array(RecommendationSchema),
    /** The same recommendations grouped by who applies, in rank order within each group. */
    groups: z.array(ApplicantGroupSchema),
    /** Instruments that fit except that they fund functions the cluster did not mark. */
    alsoFunds: z.array(AlsoFundsSchema),
    /** Calls closed in the last twelve months for instruments that would fit. */
    recentlyClosed: z.array(RecentlyClosedSchema),
    /** How many instruments were evaluated as not eligible and are not near misses. */
    notEligibleCount: z.number().int().nonnegative(),
    /** How many instruments fit but have ended or whose only call is over on the date. */
    notAvailableCount: z.number().int().nonnegative(),
  })
  .strict();
export type RecommendationSet = z.infer<typeof RecommendationSetSchema>;
