/**
 * @module
 * The impact report as a zod schema: what `rulebookImpact` returns, what `klastry rules impact
 * --format json` prints and what `impact-report.schema.json` (generated from this schema) describes.
 * The types are inferred from it, so the report, its JSON Schema and the code never disagree.
 */
import {
  IsoDateSchema,
  LocalizedTextSchema,
  RegionCodeSchema,
  SlugSchema,
  VerdictSchema,
} from "@klastry/domain";
import { z } from "zod";

const count = z.number().int().nonnegative();

/**
 * Where a cluster stands with one instrument: eligible, can't tell yet (`unknown`), a near miss
 * (not eligible, few changeable conditions short) or not eligible.
 */
export const StandingSchema = z
  .enum(["eligible", "unknown", "near_miss", "not_eligible"])
  .meta({ description: "eligible, unknown (can't tell yet), near_miss or not_eligible" });
export type Standing = z.infer<typeof StandingSchema>;

/** A condition's outcome for one cluster, as the rule sees it (after `not`s). */
export const ConditionOutcomeSchema = z.enum(["pass", "fail", "unknown"]);
export type ConditionOutcome = z.infer<typeof ConditionOutcomeSchema>;

/** A leaf condition whose outcome changed for a cluster: the condition that made the difference. */
export const ConditionCauseSchema = z
  .object({
    kind: z.literal("condition"),
    ruleId: SlugSchema,
    /** The condition's name (or its JSON pointer when it has none). */
    condition: z.string(),
    /** What the condition reads, in words (the fact's label). */
    label: LocalizedTextSchema,
    /** The condition as text in the base rulebook (`memberCount >= 51`); absent when added. */
    before: z.string().optional(),
    /** The condition as text in the changed rulebook; absent when removed. */
    after: z.string().optional(),
    outcomeBefore: ConditionOutcomeSchema.optional(),
    outcomeAfter: ConditionOutcomeSchema.optional(),
    /** The cluster's value, as JSON; absent when the cluster did not answer. */
    actual: z.unknown().optional(),
  })
  .strict();

/** A whole rule that made the difference: added, removed, or starting or ending on the date. */
export const RuleCauseSchema = z
  .object({
    kind: z.literal("rule"),
    ruleId: SlugSchema,
    change: z.enum(["added", "removed", "now_active", "no_longer_active", "changed"]),
  })
  .strict();

export const ImpactCauseSchema = z.discriminatedUnion("kind", [
  ConditionCauseSchema,
  RuleCauseSchema,
]);
export type ImpactCause = z.infer<typeof ImpactCauseSchema>;

/** A cause shared by several clusters of one instrument (without the clusters' own values). */
export const CauseSummarySchema = z.discriminatedUnion("kind", [
  ConditionCauseSchema.omit({ actual: true }).extend({ clusters: count }),
  RuleCauseSchema.extend({ clusters: count }),
]);
export type CauseSummary = z.infer<typeof CauseSummarySchema>;

/** One instrument whose outcome changed for one cluster. */
export const InstrumentChangeSchema = z
  .object({
    instrumentId: SlugSchema,
    instrumentName: LocalizedTextSchema,
    /** `not_eligible` also stands for "no rule". */
    before: VerdictSchema,
    after: VerdictSchema,
    nearMissBefore: z.boolean(),
    nearMissAfter: z.boolean(),
    standingBefore: StandingSchema,
    standingAfter: StandingSchema,
    /** The conditions (or rules) whose outcome changed, in rule and file order. */
    causes: z.array(ImpactCauseSchema),
  })
  .strict();
export type InstrumentChange = z.infer<typeof InstrumentChangeSchema>;

/** A cluster (assessment) of the population whose outcome changed for at least one instrument. */
export const ClusterChangeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    region: RegionCodeSchema,
    /** Where the assessment comes from (e.g. stored, sample, generated, file). */
    source: z.string(),
    /** Instruments it becomes eligible for. */
    gained: z.array(SlugSchema),
    /** Instruments it is no longer eligible for. */
    lost: z.array(SlugSchema),
    changes: z.array(InstrumentChangeSchema),
  })
  .strict();
export type ClusterChange = z.infer<typeof ClusterChangeSchema>;

/** How many clusters gain or lose each standing that matters. */
export const StandingCountsSchema = z
  .object({ eligible: count, nearMiss: count, unknown: count })
  .strict();
export type StandingCounts = z.infer<typeof StandingCountsSchema>;

/** One instrument whose rules differ between the two rulebooks. */
export const InstrumentImpactSchema = z
  .object({
    instrumentId: SlugSchema,
    instrumentName: LocalizedTextSchema,
    /** Clusters that change their standing with this instrument. */
    clusters: count,
    gained: StandingCountsSchema,
    lost: StandingCountsSchema,
    /** The conditions that made the difference, most clusters first. */
    causes: z.array(CauseSummarySchema),
  })
  .strict();
export type InstrumentImpact = z.infer<typeof InstrumentImpactSchema>;

/** Totals of one region (voivodeship) of the population. */
export const RegionImpactSchema = z
  .object({
    region: RegionCodeSchema,
    regionName: LocalizedTextSchema,
    clusters: count,
    changed: count,
    /** Clusters that become eligible for at least one instrument. */
    clustersGaining: count,
    /** Clusters no longer eligible for at least one instrument. */
    clustersLosing: count,
    /** Cluster x instrument pairs, by standing. */
    gained: StandingCountsSchema,
    lost: StandingCountsSchema,
  })
  .strict();
export type RegionImpact = z.infer<typeof RegionImpactSchema>;

/** One changed part of a rule's condition tree, as text. */
export const ConditionChangeSchema = z
  .object({
    /** The condition's name (or its JSON pointer when it has none). */
    condition: z.string(),
    change: z.enum(["added", "removed", "changed", "moved"]),
    before: z.string().optional(),
    after: z.string().optional(),
  })
  .strict();
export type ConditionChange = z.infer<typeof ConditionChangeSchema>;

/** A rule added, removed or changed, with a readable diff of its conditions. */
export const RuleChangeSchema = z
  .object({
    ruleId: SlugSchema,
    instrumentId: SlugSchema,
    change: z.enum(["added", "removed", "changed"]),
    file: z.object({ before: z.string().optional(), after: z.string().optional() }).strict(),
    /** Metadata that changed: weight, priority, validFrom, validTo, instrument, source, file. */
    fields: z.array(
      z.object({ field: z.string(), before: z.string(), after: z.string() }).strict(),
    ),
    conditions: z.array(ConditionChangeSchema),
    /** The whole condition tree as text, one node a line (for added and removed rules). */
    conditionText: z.array(z.string()),
    reasonsChanged: z.boolean(),
    descriptionChanged: z.boolean(),
  })
  .strict();
export type RuleChange = z.infer<typeof RuleChangeSchema>;

const RulebookSideSchema = z
  .object({
    /** What the user compares: a git revision, a folder, "working tree". */
    label: z.string(),
    version: z.string(),
    rules: count,
  })
  .strict();

export const RulebookImpactSchema = z
  .object({
    evaluatedOn: IsoDateSchema,
    before: RulebookSideSchema,
    after: RulebookSideSchema,
    population: z
      .object({ total: count, bySource: z.record(z.string(), count) })
      .strict()
      .meta({ description: "Assessments evaluated, by where they come from." }),
    summary: z
      .object({
        rulesAdded: count,
        rulesRemoved: count,
        rulesChanged: count,
        /** Instruments whose outcome changes for at least one cluster. */
        instrumentsChanged: count,
        clustersChanged: count,
        clustersGaining: count,
        clustersLosing: count,
        /** Whether any rule or any outcome differs. */
        changed: z.boolean(),
      })
      .strict(),
    rules: z.array(RuleChangeSchema),
    /** Every instrument whose rules differ, by id. */
    instruments: z.array(InstrumentImpactSchema),
    /** Every region of the population, by code. */
    regions: z.array(RegionImpactSchema),
    /** Only the clusters whose outcome changed, in the population's order. */
    clusters: z.array(ClusterChangeSchema),
  })
  .strict()
  .meta({
    title: "Klastry rule impact report",
    description:
      "What a changed rulebook changes for a population of cluster assessments (klastry rules impact --format json).",
  });
export type RulebookImpact = z.infer<typeof RulebookImpactSchema>;
