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
import { SlugSchema, SourceSchema } from "./primitives.ts";

export const FundingSourceSchema = z
  .object({
    id: SlugSchema,
    kind: FundingSourceKindSchema,
    /** Who decides on the money; absent for the applicant's own funds. */
    level: LevelSchema.optional(),
    name: LocalizedTextSchema,
    abbreviation: z.string().min(1).max(20).optional(),
    description: LocalizedTextSchema,
    confidence: ConfidenceSchema,
    sources: z.array(SourceSchema).min(1),
  })
  .strict();
export type FundingSource = z.infer<typeof FundingSourceSchema>;

/** A public task record of the knowledge base: the vocabulary code with its description and source. */
export const PublicTaskRecordSchema = z
  .object({
    code: PublicTaskSchema,
    description: LocalizedTextSchema,
    sources: z.array(SourceSchema).min(1),
  })
  .strict();
export type PublicTaskRecord = z.infer<typeof PublicTaskRecordSchema>;
