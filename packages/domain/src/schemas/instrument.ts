/**
 * @module
 * A support instrument of the catalogue. Facts are as sourced; an unknown fact is an absent
 * field, never a guess. When it can be used is `availability` (dated windows, a recurring call, a
 * continuous offer, a programme period, the real end); the status on a date is derived from it
 * (`availabilityOn`), never stored. `description` is what users read; `maintainerNotes` stay
 * with the people who keep the catalogue and are never served.
 */
import { z } from "zod";
import { LocalizedTextSchema } from "../vocabulary/localized.ts";
import { RegionCodeSchema } from "../vocabulary/regions.ts";
import {
  ActorTypeSchema,
  ApplicantSchema,
  ConfidenceSchema,
  CurrencySchema,
  InstrumentFormSchema,
  LevelSchema,
  PrerequisiteSchema,
  RecordKindSchema,
  SupportFunctionSchema,
} from "../vocabulary/vocabulary.ts";
import { AvailabilitySchema } from "./availability.ts";
import { IsoDateSchema, PercentSchema, SlugSchema, SourceSchema, UrlSchema } from "./primitives.ts";

/** What one applicant can get: the grant, the loan, the guarantee, its eligible costs. */
export const AmountRangeSchema = z
  .object({
    min: z.number().nonnegative().optional(),
    max: z.number().positive().optional(),
    currency: CurrencySchema,
    /** What the amount measures for one applicant. */
    of: z.enum(["grant", "eligible_costs", "loan", "guarantee", "project_value"]),
    note: LocalizedTextSchema.optional(),
    /** Where the amount comes from; the record's first source when absent. */
    source: UrlSchema.optional(),
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

/** A call's whole budget, shown apart from what one applicant can get. */
export const CallBudgetSchema = z
  .object({
    amount: z.number().positive(),
    currency: CurrencySchema,
    /** Which call or year the budget belongs to. */
    label: LocalizedTextSchema.optional(),
    source: UrlSchema.optional(),
  })
  .strict();
export type CallBudget = z.infer<typeof CallBudgetSchema>;

export const InstrumentSchema = z
  .object({
    id: SlugSchema,
    kind: RecordKindSchema,
    name: LocalizedTextSchema,
    /** Common short name in each language, e.g. "FENG 2.17"; "Benchmarking klastrów" / "Cluster benchmarking". */
    shortName: LocalizedTextSchema.optional(),
    description: LocalizedTextSchema,
    operator: LocalizedTextSchema,
    level: LevelSchema,
    /** Regions served; all 16 for national and EU instruments open to the whole country. */
    regions: z.array(RegionCodeSchema).min(1),
    /** Where the money comes from; empty when no source states it (a status, a platform). */
    fundingSources: z.array(SlugSchema).default([]),
    forms: z.array(InstrumentFormSchema).min(1),
    /** Who applies: the coordinator for the cluster, member firms, research members, a consortium. */
    applicant: ApplicantSchema,
    eligibleActors: z.array(ActorTypeSchema).min(1),
    functions: z.array(SupportFunctionSchema).min(1),
    prerequisites: z.array(PrerequisiteSchema).default([]),
    /** True when the instrument is aimed at clusters as such, not only usable by their members. */
    clusterSpecific: z.boolean(),
    maxCoFinancingRate: PercentSchema.optional(),
    /** What one applicant can get. */
    amount: AmountRangeSchema.optional(),
    /** The whole budget of a call, apart from what one applicant can get. */
    callBudget: CallBudgetSchema.optional(),
    availability: AvailabilitySchema.default({ calls: [] }),
    /** The instrument's official page, when one is known. */
    website: UrlSchema.optional(),
    predecessorOf: SlugSchema.optional(),
    confidence: ConfidenceSchema,
    sources: z.array(SourceSchema).min(1),
    lastVerified: IsoDateSchema,
    /** For the people who keep the catalogue (conflicts, leads, why a field is absent); never served. */
    maintainerNotes: z.string().min(1).optional(),
  })
  .strict();
export type Instrument = z.infer<typeof InstrumentSchema>;
export type InstrumentInput = z.input<typeof InstrumentSchema>;

/** An instrument as users and the API see it: without the maintainers' notes. */
export const PublicInstrumentSchema = InstrumentSchema.omit({ maintainerNotes: true });
export type PublicInstrument = z.infer<typeof PublicInstrumentSchema>;
