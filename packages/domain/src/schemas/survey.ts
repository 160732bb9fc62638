/**
 * @module
 * The national needs survey ("badanie potrzeb"): rounds, invitations and their statuses, the
 * moderation of self-registered answers, the national picture across the 16 regions and the data
 * of a round's report. Every count a person outside the round's owner sees is a `CountCell`: a
 * number, or "<3" when fewer than MIN_CELL_SIZE clusters stand behind it (anonymity by design).
 */
import { z } from "zod";
import { LocalizedTextSchema } from "../vocabulary/localized.ts";
import { RegionCodeSchema } from "../vocabulary/regions.ts";
import {
  ActorTypeSchema,
  FundingSourceKindSchema,
  InstrumentFormSchema,
  LevelSchema,
  PublicTaskSchema,
  ReadinessLevelSchema,
  SupportFunctionSchema,
} from "../vocabulary/vocabulary.ts";
import { IsoDateSchema, textSchema } from "./primitives.ts";

/** Cells standing for 1 to MIN_CELL_SIZE - 1 clusters are shown as "<3", never as their number. */
export const MIN_CELL_SIZE = 3;
/** What a suppressed cell shows instead of its number. */
export const SUPPRESSED = "<3" as const;

/**
 * What a cell of 3 or more shows when it is hidden so that a "<3" cell of the same total cannot be
 * worked out by subtraction (the total minus the cells shown).
 */
export const HIDDEN = "x" as const;

/** A published count: the number (0 included), "<3" for 1 or 2 clusters, or "x" when hidden to protect one. */
export const CountCellSchema = z.union([
  z.number().int().nonnegative(),
  z.literal(SUPPRESSED),
  z.literal(HIDDEN),
]);
export type CountCell = z.infer<typeof CountCellSchema>;

/** The version of the questionnaire a round asks: the self-assessment wizard's. */
export const QUESTIONNAIRE_VERSION = "wizard-1";

const UuidSchema = z.string().uuid();

// Rounds

/** "national" (opened by an administrator) or "regional" (a region's key, for its own region). */
export const RoundScopeSchema = z.enum(["national", "regional"]);

export const RoundStatusSchema = z.enum(["open", "closed"]);

/** What opening a round takes. A regional round names its region; a national one does not. */
export const RoundInputSchema = z
  .object({
    title: textSchema(200),
    periodStart: IsoDateSchema,
    periodEnd: IsoDateSchema,
    scope: RoundScopeSchema,
    region: RegionCodeSchema.optional(),
    questionnaireVersion: z.string().min(1).max(40).default(QUESTIONNAIRE_VERSION),
  })
  .strict()
  .superRefine((round, ctx) => {
    if (round.periodEnd < round.periodStart)
      ctx.addIssue({
        code: "custom",
        path: ["periodEnd"],
        message: "must not be before periodStart",
      });
    if (round.scope === "regional" && round.region === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["region"],
        message: "a regional round needs its region (a TERYT code, e.g. 14)",
      });
    if (round.scope === "national" && round.region !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["region"],
        message: "a national round covers all 16 regions; leave region out",
      });
  });
export type RoundInput = z.infer<typeof RoundInputSchema>;
export type RoundInputRaw = z.input<typeof RoundInputSchema>;

export const RoundSchema = z.object({
  id: UuidSchema,
  title: z.string(),
  periodStart: IsoDateSchema,
  periodEnd: IsoDateSchema,
  scope: RoundScopeSchema,
  /** The region of a regional round; null for a national one. */
  region: RegionCodeSchema.nullable(),
  questionnaireVersion: z.string(),
  status: RoundStatusSchema,
  /** "admin" or "region:<TERYT>": who may manage the round. */
  owner: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type Round = z.infer<typeof RoundSchema>;

// Invitations

export const InvitationStatusSchema = z.enum(["invited", "started", "submitted"]);

export const InvitationSchema = z.object({
  id: UuidSchema,
  roundId: UuidSchema,
  /** The name the round's owner imported (the owner's own list, shown only to the owner). */
  clusterName: z.string(),
  region: RegionCodeSchema,
  contact: z.string().nullable(),
  status: InvitationStatusSchema,
  invitedAt: z.string(),
  startedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** The assessment given through the invitation (the latest one), once submitted. */
  assessmentId: z.string().nullable(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

/** One imported invitation with its private token, shown only in the import's answer. */
export const IssuedInvitationSchema = InvitationSchema.extend({
  token: z.string(),
  /** The web page that answers through the invitation; the token travels in the fragment. */
  link: z.string(),
});

export const InvitationImportResultSchema = z.object({
  roundId: UuidSchema,
  imported: z.number().int().nonnegative(),
  invitations: z.array(IssuedInvitationSchema),
});
export type InvitationImportResult = z.infer<typeof InvitationImportResultSchema>;

/** The columns of an invitation list (CSV with a header line; contact may be empty). */
export const INVITATION_CSV_COLUMNS = ["name", "region", "contact"] as const;
/** The most invitations one import may carry. */
export const MAX_INVITATIONS_PER_IMPORT = 20_000;

/** Invited, started and submitted counts, and the share submitted (0..100, one decimal). */
export const ResponseRateSchema = z.object({
  invited: z.number().int().nonnegative(),
  started: z.number().int().nonnegative(),
  submitted: z.number().int().nonnegative(),
  /** submitted / invited in percent; null when nobody was invited. */
  rate: z.number().min(0).max(100).nullable(),
});
export type ResponseRate = z.infer<typeof ResponseRateSchema>;

export const RegionResponseRateSchema = ResponseRateSchema.extend({ region: RegionCodeSchema });
export type RegionResponseRate = z.infer<typeof RegionResponseRateSchema>;

export const InvitationListSchema = z.object({
  round: RoundSchema,
  items: z.array(InvitationSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  responseRate: ResponseRateSchema,
  byRegion: z.array(RegionResponseRateSchema),
});
export type InvitationList = z.infer<typeof InvitationListSchema>;

/** What an invitation token opens: the round and the cluster it was issued for. */
export const InvitationViewSchema = z.object({
  round: RoundSchema.pick({
    id: true,
    title: true,
    periodStart: true,
    periodEnd: true,
    status: true,
    questionnaireVersion: true,
  }),
  clusterName: z.string(),
  region: RegionCodeSchema,
  status: InvitationStatusSchema,
});
export type InvitationView = z.infer<typeof InvitationViewSchema>;

// Moderation of self-registered answers

export const ModerationDecisionSchema = z.enum(["accepted", "rejected"]);
export type ModerationDecision = z.infer<typeof ModerationDecisionSchema>;

/** A self-registered answer waiting for a round owner's decision. */
export const ModerationItemSchema = z.object({
  assessmentId: z.string(),
  clusterId: z.string(),
  /** The cluster's name only when its coordinator let it be named; null otherwise. */
  clusterName: z.string().nullable(),
  region: RegionCodeSchema,
  assessedOn: IsoDateSchema,
  createdAt: z.string(),
  needs: z.number().int().nonnegative(),
});
export type ModerationItem = z.infer<typeof ModerationItemSchema>;

export const ModerationListSchema = z.object({
  round: RoundSchema,
  items: z.array(ModerationItemSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});
export type ModerationList = z.infer<typeof ModerationListSchema>;

export const ModerationResultSchema = z.object({
  assessmentId: z.string(),
  roundId: UuidSchema,
  decision: ModerationDecisionSchema,
  decidedAt: z.string(),
});
export type ModerationResult = z.infer<typeof ModerationResultSchema>;

// The national picture

export const RegionSummarySchema = z.object({
  region: RegionCodeSchema,
  /** Clusters counted (latest official answer of each; named or anonymous, never private). */
  clusters: CountCellSchema,
  /** The round's response rate in the region; null without a round or invitations there. */
  responseRate: z.number().min(0).max(100).nullable(),
});

export const NationalNeedCellSchema = z.object({
  actor: ActorTypeSchema,
  function: SupportFunctionSchema,
  region: RegionCodeSchema,
  count: CountCellSchema,
});

/** The needs of all regions added up, per actor x function. */
export const NeedTotalSchema = z.object({
  actor: ActorTypeSchema,
  function: SupportFunctionSchema,
  count: CountCellSchema,
});

/** Which levels offer an instrument serving the need in the region (catalogue, on `statusOn`). */
export const LevelCoverageSchema = z.object({
  eu: z.boolean(),
  national: z.boolean(),
  regional: z.boolean(),
});

export const NationalCoverageCellSchema = NationalNeedCellSchema.extend({
  levels: LevelCoverageSchema,
  /** True when no level offers an instrument: a gap. */
  gap: z.boolean(),
});

/** "Regions versus the centre": per region, how many reported needs each level covers. */
export const LevelSplitSchema = z.object({
  region: RegionCodeSchema,
  needs: z.number().int().nonnegative(),
  coveredBy: z.object({
    eu: z.number().int().nonnegative(),
    national: z.number().int().nonnegative(),
    regional: z.number().int().nonnegative(),
  }),
  onlyRegional: z.number().int().nonnegative(),
  onlyCentral: z.number().int().nonnegative(),
  gaps: z.number().int().nonnegative(),
});
export type LevelSplit = z.infer<typeof LevelSplitSchema>;

export const ReadinessCellSchema = z.object({
  region: RegionCodeSchema,
  task: PublicTaskSchema,
  readiness: ReadinessLevelSchema,
  count: CountCellSchema,
});

export const RoundRefSchema = RoundSchema.pick({
  id: true,
  title: true,
  periodStart: true,
  periodEnd: true,
});
export type RoundRef = z.infer<typeof RoundRefSchema>;

export const NeedChangeSchema = z.object({
  actor: ActorTypeSchema,
  function: SupportFunctionSchema,
  before: CountCellSchema,
  after: CountCellSchema,
  /** after - before when both are published; null when either is suppressed. */
  delta: z.number().int().nullable(),
  gapBefore: z.boolean(),
  gapAfter: z.boolean(),
});
export type NeedChange = z.infer<typeof NeedChangeSchema>;

/** The evaluation of the support system: did gaps close between two rounds? */
export const RoundChangeSchema = z.object({
  from: RoundRefSchema,
  to: RoundRefSchema,
  needs: z.array(NeedChangeSchema),
  gapsBefore: z.number().int().nonnegative(),
  gapsAfter: z.number().int().nonnegative(),
  closedGaps: z.number().int().nonnegative(),
  newGaps: z.number().int().nonnegative(),
});
export type RoundChange = z.infer<typeof RoundChangeSchema>;

export const NationalPictureSchema = z.object({
  /** The round the figures come from; null: the latest official answer of every cluster. */
  round: RoundRefSchema.nullable(),
  statusOn: IsoDateSchema,
  minCellSize: z.number().int().positive(),
  clusters: CountCellSchema,
  regions: z.array(RegionSummarySchema),
  needs: z.array(NationalNeedCellSchema),
  needTotals: z.array(NeedTotalSchema),
  coverage: z.array(NationalCoverageCellSchema),
  levels: z.array(LevelSplitSchema),
  publicTasks: z.array(ReadinessCellSchema),
  /** With `compareWith`: the change from that round to this one. */
  change: RoundChangeSchema.nullable(),
});
export type NationalPicture = z.infer<typeof NationalPictureSchema>;

// The report

/** The working group's ten questions, in the order of its work plan. */
export const ReportQuestionIdSchema = z.enum([
  "q1",
  "q2",
  "q3",
  "q4",
  "q5",
  "q6",
  "q7",
  "q8",
  "q9",
  "q10",
]);
export type ReportQuestionId = z.infer<typeof ReportQuestionIdSchema>;

export const ReportMethodSchema = z.object({
  clusters: CountCellSchema,
  invited: z.number().int().nonnegative(),
  submitted: z.number().int().nonnegative(),
  responseRate: z.number().min(0).max(100).nullable(),
  selfRegisteredAccepted: z.number().int().nonnegative(),
  periodStart: IsoDateSchema,
  periodEnd: IsoDateSchema,
  firstAnswer: IsoDateSchema.nullable(),
  lastAnswer: IsoDateSchema.nullable(),
  rulebookVersion: z.string(),
  catalogueVersion: z.string(),
  questionnaireVersion: z.string(),
  statusOn: IsoDateSchema,
  minCellSize: z.number().int().positive(),
});

export const ActorCountSchema = z.object({ actor: ActorTypeSchema, count: CountCellSchema });
export const FunctionCountSchema = z.object({
  function: SupportFunctionSchema,
  count: CountCellSchema,
});
/** Q8: a need public money may fund: catalogue instruments serving it, by level. */
export const FundableNeedSchema = z.object({
  actor: ActorTypeSchema,
  function: SupportFunctionSchema,
  count: CountCellSchema,
  instruments: z.number().int().nonnegative(),
  levels: LevelCoverageSchema,
});
/** Q9: forms and funding sources of the instruments that serve a function. */
export const FormsSourcesSchema = z.object({
  function: SupportFunctionSchema,
  forms: z.array(z.object({ form: InstrumentFormSchema, instruments: z.number().int() })),
  sources: z.array(z.object({ kind: FundingSourceKindSchema, instruments: z.number().int() })),
});
export const TaskReadinessSchema = z.object({
  task: PublicTaskSchema,
  readiness: ReadinessLevelSchema,
  count: CountCellSchema,
});
export const LevelTotalSchema = z.object({ level: LevelSchema, needsCovered: z.number().int() });

export const ReportDataSchema = z.object({
  round: RoundSchema,
  generatedAt: z.string(),
  method: ReportMethodSchema,
  questions: z.array(
    z.object({
      id: ReportQuestionIdSchema,
      question: LocalizedTextSchema,
      answer: LocalizedTextSchema,
    }),
  ),
  actors: z.array(ActorCountSchema),
  functions: z.array(FunctionCountSchema),
  needs: z.array(NeedTotalSchema),
  fundable: z.array(FundableNeedSchema),
  formsSources: z.array(FormsSourcesSchema),
  publicTasks: z.array(TaskReadinessSchema),
  levels: z.array(LevelTotalSchema),
  regions: z.array(LevelSplitSchema.extend({ clusters: CountCellSchema })),
  gaps: z.array(NeedTotalSchema),
  change: RoundChangeSchema.nullable(),
});
export type ReportData = z.infer<typeof ReportDataSchema>;
