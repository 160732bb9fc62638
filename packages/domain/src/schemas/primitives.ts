/**
 * @module
 * Small shared schemas: ids, calendar dates, urls, percentages, and the one rule for text people
 * type (well-formed Unicode, NFC, visible, no bidirectional controls, no stacked marks).
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

/** The checks of the text rule, each with its own message (messages.ts, keyed `TEXT_<rule>`). */
type TextRule = "ill_formed" | "control" | "bidi_control" | "invisible" | "combining_marks";

/** The most combining marks one base character may carry; real scripts stack three or four. */
export const MAX_COMBINING_MARKS = 4;

/** A lone UTF-16 surrogate (half of a pair): not text; PostgreSQL refuses it in JSON. */
const LONE_SURROGATE = /\p{Cs}/u;
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/**
 * Bidirectional controls (Unicode UAX #9): embeddings and overrides U+202A-202E, isolates
 * U+2066-2069, the marks U+200E/U+200F and U+061C. They make text display in another order
 * than it is stored ("Trojan Source", CVE-2021-42574), so a name can pretend to be another.
 */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** What shows nothing: default-ignorable code points (zero-width space, joiners, BOM, soft hyphen, fillers...), format characters, white space. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{White_Space}]/gu;
const COMBINING_RUN = new RegExp(`\\p{M}{${MAX_COMBINING_MARKS + 1},}`, "u");

function rule(name: TextRule, check: (text: string) => boolean) {
  return [
    check,
    { abort: true, params: { textRule: name }, message: TEXT_RULE_MESSAGES[name] },
  ] as const;
}

/** English wording for logs and the CLI; issuesFromZod renders pl and en from messages.ts. */
const TEXT_RULE_MESSAGES: Record<TextRule, string> = {
  ill_formed: "is not well-formed Unicode (it holds half of a surrogate pair)",
  control: "must not contain control characters",
  bidi_control: "must not contain bidirectional control characters",
  invisible: "must contain visible characters",
  combining_marks: `allows at most ${MAX_COMBINING_MARKS} combining marks on one character`,
};

/**
 * The text rule over a string schema: refuses ill-formed Unicode first (nothing else can be
 * judged on it), trims, normalises to NFC (so equal-looking names are equal), then refuses
 * control characters, bidirectional controls, text with nothing visible (unless `empty` is
 * allowed, for search boxes) and runs of more than MAX_COMBINING_MARKS marks ("Zalgo" text).
 */
function withTextRule(options: { empty: boolean; max: number }) {
  const schema = z
    .string()
    .refine(...rule("ill_formed", (text) => !LONE_SURROGATE.test(text)))
    .trim()
    .normalize("NFC")
    .max(options.max)
    .refine(...rule("control", (text) => !CONTROL.test(text)))
    .refine(...rule("bidi_control", (text) => !BIDI_CONTROL.test(text)))
    .refine(...rule("combining_marks", (text) => !COMBINING_RUN.test(text.normalize("NFD"))));
  return options.empty
    ? schema
    : // An empty text is refused once, as too short, not also as invisible.
      schema
        .min(1)
        .refine(...rule("invisible", (text) => text === "" || text.replace(INVISIBLE, "") !== ""));
}

export const UrlSchema = z
  .url({ protocol: /^https?$/, message: "must be an http(s) url" })
  .refine(...rule("ill_formed", (text) => !LONE_SURROGATE.test(text)))
  .refine(...rule("control", (text) => !CONTROL.test(text)))
  .refine(...rule("bidi_control", (text) => !BIDI_CONTROL.test(text)));

export const PercentSchema = z.number().min(0).max(100);

/**
 * Short free text typed by a person (issue 15 items 2 and 6): well-formed Unicode, trimmed,
 * normalised to NFC, bounded, with something visible, and no control characters, bidirectional
 * controls or stacked combining marks. Every text input of the API goes through this rule.
 *
 * @example
 * textSchema(200).parse(" Klaster Odrzański "); // "Klaster Odrzański"
 * textSchema(200).safeParse("\u202Eexe.txt").success; // false
 */
export function textSchema(max: number) {
  return withTextRule({ empty: false, max });
}

/** The text rule for a search box: the same checks, but empty is allowed (no filter). */
export function searchTextSchema(max: number) {
  return withTextRule({ empty: true, max });
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
