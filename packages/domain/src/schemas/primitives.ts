/**
 * @module
 * Small shared schemas: ids, calendar dates, urls, percentages.
 */
import { z } from "zod";

/** Stable kebab-case identifier, e.g. "feng-2-17-rozwoj-oferty-klastrow". */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: "must be a kebab-case id: lowercase letters, digits and single hyphens",
  })
  .max(80);

/** A calendar date, YYYY-MM-DD, that exists (2023-02-30 is refused). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date written YYYY-MM-DD" })
  .refine(isRealDate, { message: "is not a real calendar date" });
export type IsoDate = z.infer<typeof IsoDateSchema>;

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const UrlSchema = z.url({ protocol: /^https?$/, message: "must be an http(s) url" });

export const PercentSchema = z.number().min(0).max(100);

/** Short free text typed by a person: trimmed, bounded, no control characters. */
export function textSchema(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, {
      message: "must not contain control characters",
    });
}

/**
 * A source a fact rests on: a url, optionally with a title. `official` marks a primary source (the
 * operator, a ministry, the EU, a legal act): only those can carry high confidence.
 */
export const SourceSchema = z
  .object({
    url: UrlSchema,
    title: z.string().min(1).optional(),
    official: z.boolean().optional(),
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;
