/**
 * @module
 * A cluster and its self-assessment: the needs survey of the seed document. Every answer that a
 * rule may need is optional: an absent answer makes a rule "can't tell yet", never "no". A list
 * answer (needs, sectors, public tasks, smart specialisations) that is absent was not given; an
 * empty list is the answer "none of these".
 */
import { z } from "zod";
import { RegionCodeSchema } from "../vocabulary/regions.ts";
import {
  ActorTypeSchema,
  EscaLabelSchema,
  LegalFormSchema,
  MaturityStageSchema,
  PublicTaskSchema,
  ReadinessLevelSchema,
  SupportFunctionSchema,
  VisibilitySchema,
} from "../vocabulary/vocabulary.ts";
import { IsoDateSchema, PercentSchema, SlugSchema, textSchema, UrlSchema } from "./primitives.ts";

const count = z.number().int().nonnegative().max(1_000_000);

/** What an absent list and an empty one mean; the OpenAPI document says it on each list answer. */
const NOT_ANSWERED_VS_NONE =
  'Leave the list out when the question was not answered (rules that need it answer can\'t-tell-yet and ask for it); send [] for the answer "none of these".';

/** The cluster as it describes itself on the day of an assessment. */
export const ClusterProfileSchema = z
  .object({
    name: textSchema(200),
    region: RegionCodeSchema,
    /**
     * Only for mazowieckie (14): whether the seat lies in the region warszawski stołeczny
     * (m.st. Warszawa and 9 powiats), which FE dla Polski Wschodniej excludes (facts.md section 1).
     */
    inWarsawCapitalRegion: z.boolean().optional(),
    sectors: z.array(textSchema(120)).max(20).optional().describe(NOT_ANSWERED_VS_NONE),
    smartSpecialisations: z
      .array(textSchema(160))
      .max(20)
      .optional()
      .describe(NOT_ANSWERED_VS_NONE),
    foundedYear: z.number().int().min(1950).max(2100).optional(),
    /** Month of founding (1-12); with the year it tells the cluster's age in full years. */
    foundedMonth: z.number().int().min(1).max(12).optional(),
    coordinatorLegalForm: LegalFormSchema.optional(),
    kkk: z.object({ holds: z.boolean(), validUntil: IsoDateSchema.optional() }).strict().optional(),
    /** Holds a voivodeship's key-cluster status (e.g. Mazowiecki Klaster Kluczowy). */
    regionalKeyCluster: z.boolean().optional(),
    supraRegionalGrowthCluster: z.boolean().optional(),
    esca: z
      .object({ label: EscaLabelSchema, validUntil: IsoDateSchema.optional() })
      .strict()
      .optional(),
    eccpListed: z.boolean().optional(),
    website: UrlSchema.optional(),
  })
  .strict();
export type ClusterProfile = z.infer<typeof ClusterProfileSchema>;

/** Members by actor type (the coordinator is not counted as a member). */
export const MembersSchema = z
  .object({
    sme: count.optional(),
    large_enterprise: count.optional(),
    research_organisation: count.optional(),
    business_support_institution: count.optional(),
    local_government: count.optional(),
    other: count.optional(),
  })
  .strict();

export const ProfileSchema = z
  .object({
    members: MembersSchema.default({}),
    /** People employed by all member firms together. */
    employees: count.optional(),
    /** Coordinator staff dedicated to the cluster, full-time equivalents. */
    coordinatorStaffFte: z.number().nonnegative().max(10_000).optional(),
    maturityStage: MaturityStageSchema.optional(),
    /** Share of member firms that export, in percent. */
    exportingSharePercent: PercentSchema.optional(),
    /** Joint R&D projects of members in the last three years. */
    jointRdProjects: count.optional(),
    internationalPartners: count.optional(),
    hasStrategy: z.boolean().optional(),
  })
  .strict();

export const PrioritySchema = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error: "allowed: 1 (high), 2 (medium) or 3 (low)",
});

/** One need: who in the cluster needs support, for what, how urgently (1 = most). */
export const NeedSchema = z
  .object({
    actor: ActorTypeSchema,
    function: SupportFunctionSchema,
    priority: PrioritySchema,
  })
  .strict();
export type Need = z.infer<typeof NeedSchema>;

export const PublicTaskReadinessSchema = z
  .object({ task: PublicTaskSchema, readiness: ReadinessLevelSchema })
  .strict();
export type PublicTaskReadiness = z.infer<typeof PublicTaskReadinessSchema>;

/** What the cluster can put in itself. */
export const OwnContributionSchema = z
  .object({
    /** Largest share of a project's eligible costs it can cover, in percent. */
    maxSharePercent: PercentSchema.optional(),
    /** Largest amount it can put in, in PLN. */
    maxAmountPln: z.number().nonnegative().max(1e12).optional(),
  })
  .strict();

/** What a coordinator submits: the self-assessment, evaluated or stored. */
export const AssessmentInputSchema = z
  .object({
    /** An existing cluster's id, to add to its history; absent for a new cluster. */
    clusterId: SlugSchema.optional(),
    cluster: ClusterProfileSchema,
    profile: ProfileSchema.default({ members: {} }),
    needs: z.array(NeedSchema).max(200).optional().describe(NOT_ANSWERED_VS_NONE),
    publicTasks: z
      .array(PublicTaskReadinessSchema)
      .max(50)
      .optional()
      .describe(NOT_ANSWERED_VS_NONE),
    ownContribution: OwnContributionSchema.default({}),
  })
  .strict()
  .superRefine((assessment, ctx) => {
    const seenNeeds = new Set<string>();
    assessment.needs?.forEach((need, index) => {
      const key = `${need.actor}/${need.function}`;
      if (seenNeeds.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["needs", index],
          message: `duplicate need ${key}; each (actor, function) pair may appear once`,
        });
      }
      seenNeeds.add(key);
    });
    const seenTasks = new Set<string>();
    assessment.publicTasks?.forEach((entry, index) => {
      if (seenTasks.has(entry.task)) {
        ctx.addIssue({
          code: "custom",
          path: ["publicTasks", index, "task"],
          message: `duplicate public task ${entry.task}; each task may appear once`,
        });
      }
      seenTasks.add(entry.task);
    });
  });
export type AssessmentInput = z.infer<typeof AssessmentInputSchema>;
export type AssessmentInputRaw = z.input<typeof AssessmentInputSchema>;

/** A stored assessment: append-only, one row per submission. */
export const StoredAssessmentSchema = z
  .object({
    id: z.string().min(1),
    clusterId: SlugSchema,
    createdAt: z.iso.datetime(),
    rulebookVersion: z.string().optional(),
    cluster: ClusterProfileSchema,
    profile: ProfileSchema,
    needs: z.array(NeedSchema).optional(),
    publicTasks: z.array(PublicTaskReadinessSchema).optional(),
    ownContribution: OwnContributionSchema,
  })
  .strict();
export type StoredAssessment = z.infer<typeof StoredAssessmentSchema>;

/** A cluster as the catalogue of clusters lists it. */
export const ClusterSchema = z
  .object({
    id: SlugSchema,
    name: textSchema(200),
    region: RegionCodeSchema,
    /** True for the sample clusters shipped with the product; they are not real organisations. */
    fictional: z.boolean().default(false),
    /**
     * Whom the coordinator lets see the cluster's assessments: its region's authority by name,
     * only inside anonymous totals, or not at all. Absent: not chosen, read as private.
     */
    visibility: VisibilitySchema.default("private"),
    createdAt: z.iso.datetime().optional(),
  })
  .strict();
export type Cluster = z.infer<typeof ClusterSchema>;

/** A fictional sample cluster of the knowledge base with its dated assessments. */
export const SampleClusterSchema = z
  .object({
    id: SlugSchema,
    fictional: z.literal(true),
    assessments: z
      .array(
        z
          .object({
            assessedOn: IsoDateSchema,
            cluster: ClusterProfileSchema,
            profile: ProfileSchema,
            needs: z.array(NeedSchema).optional(),
            publicTasks: z.array(PublicTaskReadinessSchema).optional(),
            ownContribution: OwnContributionSchema.default({}),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type SampleCluster = z.infer<typeof SampleClusterSchema>;
