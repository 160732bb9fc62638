/**
 * @module
 * Every label in Klastry exists in Polish (canonical) and English.
 */
import { z } from "zod";

export const LANGUAGES = ["pl", "en"] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

export const LocalizedTextSchema = z
  .object({
    pl: z.string().trim().min(1),
    en: z.string().trim().min(1),
  })
  .strict();
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** One entry of a closed vocabulary: a stable English slug plus its labels. */
export interface VocabularyEntry<Code extends string = string> {
  readonly code: Code;
  readonly label: LocalizedText;
}

/** Builds a lookup from code to entry; used by label helpers and by the API. */
export function indexByCode<Code extends string>(
  entries: readonly VocabularyEntry<Code>[],
): ReadonlyMap<Code, VocabularyEntry<Code>> {
  return new Map(entries.map((entry) => [entry.code, entry]));
}
