/**
 * @module
 * A support instrument of the catalogue. Facts are as sourced (facts.md); an unknown fact is an
 * absent field, never a guess. The call status is derived from `callWindows` for a date
 * (see `callStatusOn`), never stored.
 */
import { z } from "zod";
import { LocalizedTextSchema } from "../vocabulary/localized.ts";
import { RegionCodeSchema } from "../vocabulary/regions.ts";
import {
  ActorTypeSchema,
  ConfidenceSchema,
  CurrencySchema,
  InstrumentFormSchema,
  LevelSchema,
  PrerequisiteSchema,
  RecordKindSchema,
  SupportFunctionSchema,
} from "../vocabulary/vocabulary.ts";
import { IsoDateSchema, PercentSchema, SlugSchema, SourceSchema, UrlSchema } from "./primitives.ts";
import { CallStatusSchema } from "../vocabulary/vocabulary.ts";

export const CallWindowSchema = z
  .object({
    /** First day applications are accepted. */
    opens: IsoDateSchema,
    /** Last day applications are accepted; absent when the source gives no end. */
    closes: IsoDateSchema.optional(),
    label: LocalizedTextSchema.optional(),
    url: UrlSchema.optional(),
  })
  .strict()
  .refine((w) => w.closes === undefined || w.closes >= w.opens, {
    message: "closes must not be before opens",
    path: ["closes"],
  });
export type CallWindow = z.infer<typeof CallWindowSchema>;

export const AmountRangeSchema = z
  .object({
    min: z.number().nonnegative().optional(),
    max: z.number().positive().optional(),
    currency: CurrencySchema,
    /** What the amount measures: the grant, the eligible costs, the loan, the guarantee, a call's budget. */
    of: z.enum(["grant", "eligible_costs", "loan", "guarantee", "project_value", "call_budget"]),
    note: LocalizedTextSchema.optional(),
  })
  .strict()
  .refine((a) => a.min !== undefined || a.max !== undefined, {
    message: "give min, max or both",
  })
  .refine((a) => a.min === undefined || a.max === undefined || a.min <= a.max, {
    message: "min must not exceed max",
    path: ["min"],
  });
export type AmountRange = z.infer<typeof AmountRangeSchema>;

export const InstrumentSchema = z
  .object({
    id: SlugSchema,
    kind: RecordKindSchema,
    name: LocalizedTextSchema,
    /** Common short name, e.g. "FENG 2.17". */
    shortName: z.string().min(1).max(60).optional(),
    description: LocalizedTextSchema,
    operator: LocalizedTextSchema,
    level: LevelSchema,
    /** Regions served; all 16 for national and EU instruments open to the whole country. */
    regions: z.array(RegionCodeSchema).min(1),
    /** Where the money comes from; empty when no source states it (a status, a platform). */
    fundingSources: z.array(SlugSchema).default([]),
    forms: z.array(InstrumentFormSchema).min(1),
    eligibleActors: z.array(ActorTypeSchema).min(1),
    functions: z.array(SupportFunctionSchema).min(1),
    prerequisites: z.array(PrerequisiteSchema).default([]),
    /** True when the instrument is aimed at clusters as such, not only usable by their members. */
    clusterSpecific: z.boolean(),
    maxCoFinancingRate: PercentSchema.optional(),
    amount: AmountRangeSchema.optional(),
    /** Dated application windows; a standing scheme has one window with no close. */
    callWindows: z.array(CallWindowSchema).default([]),
    /**
     * A standing offer with no call windows (a guarantee line, a platform, a programme running its
     * own calls): known to run from/until the dates its source gives, with that source's words.
     */
    standing: z
      .object({
        from: IsoDateSchema.optional(),
        until: IsoDateSchema.optional(),
        basis: LocalizedTextSchema,
      })
      .strict()
      .optional(),
    /** The day the record is known to have ended (a closed predecessor without a dated close). */
    endedBy: IsoDateSchema.optional(),
    predecessorOf: SlugSchema.optional(),
    confidence: ConfidenceSchema,
    sources: z.array(SourceSchema).min(1),
    lastVerified: IsoDateSchema,
    notes: LocalizedTextSchema.optional(),
  })
  .strict();
export type Instrument = z.infer<typeof InstrumentSchema>;
export type InstrumentInput = z.input<typeof InstrumentSchema>;

/** An instrument's call status on a date, as `callStatusOn` derives it. */
export const CallStatusOnSchema = z
  .object({
    status: CallStatusSchema,
    /** Closing day of the window open on the date, when the source gives one. */
    deadline: IsoDateSchema.optional(),
    /** Opening day of the next planned window. */
    opensOn: IsoDateSchema.optional(),
  })
  .strict();
export type CallStatusOn = z.infer<typeof CallStatusOnSchema>;
