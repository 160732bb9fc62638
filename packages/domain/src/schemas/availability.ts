/**
 * @module
 * When an instrument can be used, as data with its sources: dated call windows, a recurring call
 * or round, a continuous offer, a programme period with no confirmed call, and the real end. The
 * status on a date is derived from it (`availabilityOn`), never stored.
 */
import { z } from "zod";
import { LocalizedTextSchema } from "../vocabulary/localized.ts";
import {
  CallStatusSchema,
  ConfidenceSchema,
  DatePrecisionSchema,
  EndRuleSchema,
} from "../vocabulary/vocabulary.ts";
import { IsoDateSchema, UrlSchema } from "./primitives.ts";

/**
 * One application window. Only a `day`-exact window with a source that is not weak (L) can make a
 * call open or announced; a month or quarter window (a published schedule) makes it expected; a
 * `year` window records that a round took place that year (history for a recurring call).
 */
export const CallWindowSchema = z
  .object({
    /** First day applications are accepted (for a coarser window: the period's first day). */
    opens: IsoDateSchema,
    /** Last day applications are accepted (for a coarser window: the period's last day). */
    closes: IsoDateSchema,
    precision: DatePrecisionSchema.default("day"),
    label: LocalizedTextSchema.optional(),
    /** The call's own page. */
    url: UrlSchema.optional(),
    /** Where these dates come from; the record's first source when absent. */
    source: UrlSchema.optional(),
    /** How sure the dates are; the record's confidence when absent. L never makes a call open. */
    confidence: ConfidenceSchema.optional(),
    /** Announced ahead and not yet confirmed as held; a check fails once it lies in the past. */
    planned: z.boolean().optional(),
  })
  .strict()
  .refine((w) => w.closes >= w.opens, {
    message: "closes must not be before opens",
    path: ["closes"],
  });
export type CallWindow = z.infer<typeof CallWindowSchema>;

/**
 * A call or round that comes back. The past windows are the record's `calls`; from them the next
 * expected window is derived (yearly) or only its coming is expected (irregular rounds).
 */
export const RecurrenceSchema = z
  .object({
    cycle: z.enum(["yearly", "irregular"]),
    /** For a status granted in rounds (KKK): how many years a granted status lasts. */
    statusValidYears: z.number().int().min(1).max(10).optional(),
    /** What the sources say about the recurrence, in plain words. */
    note: LocalizedTextSchema,
    source: UrlSchema,
    confidence: ConfidenceSchema,
  })
  .strict();
export type Recurrence = z.infer<typeof RecurrenceSchema>;

/** An offer one can use any day (a guarantee line, a platform) with dates its source gives. */
export const ContinuousOfferSchema = z
  .object({
    from: IsoDateSchema.optional(),
    until: IsoDateSchema.optional(),
    /** The day a dated source confirms the offer runs; without `until` it holds for a year. */
    confirmedOn: IsoDateSchema.optional(),
    note: LocalizedTextSchema,
    source: UrlSchema,
    confidence: ConfidenceSchema,
  })
  .strict();
export type ContinuousOffer = z.infer<typeof ContinuousOfferSchema>;

/** A programme that runs with no confirmed call for clusters: never "open", never a bonus. */
export const ProgrammePeriodSchema = z
  .object({
    from: IsoDateSchema,
    until: IsoDateSchema.optional(),
    note: LocalizedTextSchema,
    source: UrlSchema,
    confidence: ConfidenceSchema,
  })
  .strict();
export type ProgrammePeriod = z.infer<typeof ProgrammePeriodSchema>;

/** The real end: a dated end in a source, or the end of eligibility an EU regulation sets. */
export const EndSchema = z
  .object({
    /** The last day the instrument existed; it is "ended" from the next day. */
    on: IsoDateSchema,
    rule: EndRuleSchema,
    note: LocalizedTextSchema.optional(),
    source: UrlSchema,
  })
  .strict();
export type End = z.infer<typeof EndSchema>;

export const AvailabilitySchema = z
  .object({
    calls: z.array(CallWindowSchema).default([]),
    recurrence: RecurrenceSchema.optional(),
    continuous: ContinuousOfferSchema.optional(),
    programme: ProgrammePeriodSchema.optional(),
    ended: EndSchema.optional(),
  })
  .strict()
  .refine((a) => a.recurrence === undefined || a.calls.length > 0, {
    message: "a recurring call needs the past windows it rests on in calls",
    path: ["recurrence"],
  });
export type Availability = z.infer<typeof AvailabilitySchema>;
export type AvailabilityInput = z.input<typeof AvailabilitySchema>;

/** The window a status is about, as shown to people. */
export const StatusWindowSchema = z
  .object({
    opens: IsoDateSchema,
    closes: IsoDateSchema,
    precision: DatePrecisionSchema,
    label: LocalizedTextSchema.optional(),
    url: UrlSchema.optional(),
  })
  .strict();
export type StatusWindow = z.infer<typeof StatusWindowSchema>;

/** An instrument's status on a date with what it rests on (`availabilityOn`). */
export const AvailabilityOnSchema = z
  .object({
    status: CallStatusSchema,
    /** What the status rests on, in plain words: the window, the pattern and its years, the end. */
    basis: LocalizedTextSchema,
    /** The page the basis comes from. */
    source: UrlSchema.optional(),
    confidence: ConfidenceSchema.optional(),
    /** open: the window; planned: the announced one; expected: the expected one; closed: the last. */
    window: StatusWindowSchema.optional(),
    /** open: the last day to apply. */
    deadline: IsoDateSchema.optional(),
    /** open: days from the date to the deadline (0 on the last day). */
    daysLeft: z.number().int().nonnegative().optional(),
    /** planned: the first day of the announced window. */
    opensOn: IsoDateSchema.optional(),
    /** The closing day of the last dated window before the date, whatever the status. */
    lastClosed: IsoDateSchema.optional(),
    /** expected: the years of the past windows the expectation rests on. */
    seenYears: z.array(z.number().int()).optional(),
  })
  .strict();
export type AvailabilityOn = z.infer<typeof AvailabilityOnSchema>;
