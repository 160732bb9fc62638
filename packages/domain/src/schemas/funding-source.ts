/**
 * @module
 * A funding source (facts.md section 5): where an instrument's money comes from.
 */
import { z } from "zod";
import { LocalizedTextSchema } from "../vocabulary/localized.ts";
import {
  ConfidenceSchema,
  FundingSourceKindSchema,
  LevelSchema,
  PublicTaskSchema,
} from "../vocabulary/vocabulary.ts";
import { IsoDateSchema, SlugSchema, SourceSchema } from "./primitives.ts";

export const FundingSourceSchema = z
  .object({
    id: SlugSchema,
    kind: FundingSourceKindSchema,
    /** Who decides on the money; absent for the applicant's own funds. */
    level: LevelSchema.optional(),
    name: LocalizedTextSchema,
    /** Short name in each language, e.g. EFRR / ERDF. */
    abbreviation: LocalizedTextSchema.optional(),
    description: LocalizedTextSchema,
    confidence: ConfidenceSchema,
    sources: z.array(SourceSchema).min(1),
    lastVerified: IsoDateSchema,
  })
  .strict();
export type FundingSource = z.infer<typeof FundingSourceSchema>;

/**
 * A public task record of the knowledge base: the vocabulary code with its description and the
 * sources that support it, or, where none does, a plain statement saying so.
 */
export const PublicTaskRecordSchema = z
  .object({
    code: PublicTaskSchema,
    description: LocalizedTextSchema,
    sources: z.array(SourceSchema).default([]),
    /** Why no source is cited, in plain words; required when `sources` is empty. */
    unsourced: LocalizedTextSchema.optional(),
    lastVerified: IsoDateSchema,
  })
  .strict()
  .refine((t) => t.sources.length > 0 || t.unsourced !== undefined, {
    message: "cite a source that supports the task, or say in unsourced why there is none",
    path: ["sources"],
  });
export type PublicTaskRecord = z.infer<typeof PublicTaskRecordSchema>;
