/**
 * @module
 * The contracts of the needs-survey routes: rounds, invitations, moderation of self-registered
 * answers, the national picture and a round's report (JSON, CSV annex, XLSX workbook).
 * Handlers live in `rounds.ts`, `national.ts` and `report.ts`.
 */
import { createRoute, z } from "@hono/zod-openapi";
import {
  InvitationImportResultSchema,
  InvitationListSchema,
  InvitationViewSchema,
  IsoDateSchema,
  LanguageSchema,
  ModerationDecisionSchema,
  ModerationListSchema,
  ModerationResultSchema,
  NationalPictureSchema,
  ReportDataSchema,
  RoundInputSchema,
  RoundSchema,
} from "@klastry/domain";
import { problemResponses } from "../../problems/problem.ts";
import { csvContent } from "../csv-response.ts";
import { PageQuerySchema, withOpenApi } from "../router.ts";

const keySecurity: Record<string, string[]>[] = [{ apiKey: [] }];
const invitationSecurity: Record<string, string[]>[] = [{ invitationToken: [] }];

const RoundBodySchema = withOpenApi(RoundSchema, "Round");
const RoundParamsSchema = z.object({
  id: z.string().uuid().openapi({ description: "The round's id" }),
});
const RoundListSchema = z.object({ items: z.array(RoundBodySchema) }).openapi("RoundList");

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const createRoundRoute = createRoute({
  method: "post",
  path: "/rounds",
  operationId: "createRound",
  tags: ["survey"],
  summary: "Open a survey round: national (admin key) or regional (the region's key)",
  security: keySecurity,
  request: {
    body: {
      required: true,
      content: {
        "application/json": { schema: withOpenApi(RoundInputSchema, "RoundInput") },
      },
    },
  },
  responses: {
    201: {
      description: "The round, open",
      content: { "application/json": { schema: RoundBodySchema } },
    },
    ...problemResponses(400, 401, 403, 415, 429),
  },
});

export const listRoundsRoute = createRoute({
  method: "get",
  path: "/rounds",
  operationId: "listRounds",
  tags: ["survey"],
  summary:
    "Rounds the key may see: all (admin, national), national rounds and its own region's (region key)",
  security: keySecurity,
  responses: {
    200: {
      description: "Rounds, newest first",
      content: { "application/json": { schema: RoundListSchema } },
    },
    ...problemResponses(401, 403, 429),
  },
});

export const getRoundRoute = createRoute({
  method: "get",
  path: "/rounds/{id}",
  operationId: "getRound",
  tags: ["survey"],
  summary: "One round",
  security: keySecurity,
  request: { params: RoundParamsSchema },
  responses: {
    200: { description: "The round", content: { "application/json": { schema: RoundBodySchema } } },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});

export const closeRoundRoute = createRoute({
  method: "post",
  path: "/rounds/{id}/close",
  operationId: "closeRound",
  tags: ["survey"],
  summary: "Close a round: its invitations stop accepting answers (the round's owner)",
  security: keySecurity,
  request: { params: RoundParamsSchema },
  responses: {
    200: {
      description: "The closed round",
      content: { "application/json": { schema: RoundBodySchema } },
    },
    ...problemResponses(400, 401, 403, 404, 409, 429),
  },
});

export const importInvitationsRoute = createRoute({
  method: "post",
  path: "/rounds/{id}/invitations",
  operationId: "importInvitations",
  tags: ["survey"],
  summary: "Import a list of clusters (CSV: name,region,contact); one private link per cluster",
  description:
    "The body is CSV text with the header line `name,region,contact` (contact may be empty). Every line is checked first: an error names the line, the column and what is allowed, and nothing is imported unless every line is valid. The tokens are shown only in this answer and stored as hashes; hand each link to its cluster (mail merge). A regional round takes clusters of its region only.",
  security: keySecurity,
  request: {
    params: RoundParamsSchema,
    body: {
      required: true,
      content: {
        "text/csv": {
          schema: z.string().openapi({ example: "name,region,contact\nKlaster A,14,biuro@a.pl" }),
        },
      },
    },
  },
  responses: {
    201: {
      description: "The invitations with their one-time tokens and links",
      headers: { "Cache-Control": { schema: { type: "string" as const } } },
      content: {
        "application/json": {
          schema: withOpenApi(InvitationImportResultSchema, "InvitationImportResult"),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 429),
  },
});

export const listInvitationsRoute = createRoute({
  method: "get",
  path: "/rounds/{id}/invitations",
  operationId: "listRoundInvitations",
  tags: ["survey"],
  summary: "A round's invitations with their status, and the response rate by region (the owner)",
  security: keySecurity,
  request: { params: RoundParamsSchema, query: PageQuerySchema },
  responses: {
    200: {
      description: "Invitations (no tokens) and response rates",
      content: {
        "application/json": { schema: withOpenApi(InvitationListSchema, "InvitationList") },
        ...csvContent,
      },
    },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});

export const listModerationRoute = createRoute({
  method: "get",
  path: "/rounds/{id}/moderation",
  operationId: "listRoundModeration",
  tags: ["survey"],
  summary:
    "Self-registered answers in the round's scope waiting for a decision (the round's owner)",
  security: keySecurity,
  request: { params: RoundParamsSchema, query: PageQuerySchema },
  responses: {
    200: {
      description: "Answers waiting; a cluster is named only when its coordinator agreed",
      content: {
        "application/json": { schema: withOpenApi(ModerationListSchema, "ModerationList") },
      },
    },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});

export const decideModerationRoute = createRoute({
  method: "post",
  path: "/rounds/{id}/moderation/{assessmentId}",
  operationId: "decideModeration",
  tags: ["survey"],
  summary:
    "Accept a self-registered answer into the round's official figures, or reject it (kept, not counted)",
  security: keySecurity,
  request: {
    params: RoundParamsSchema.extend({ assessmentId: z.string().uuid() }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({
            decision: withOpenApi(ModerationDecisionSchema, "ModerationDecision"),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: "The decision",
      content: {
        "application/json": { schema: withOpenApi(ModerationResultSchema, "ModerationResult") },
      },
    },
    ...problemResponses(400, 401, 403, 404, 409, 415, 429),
  },
});

export const getInvitationRoute = createRoute({
  method: "get",
  path: "/invitation",
  operationId: "openInvitation",
  tags: ["survey"],
  summary:
    "What an invitation token opens (round, cluster name, status); opening it marks it started",
  description:
    "Send the token as `X-Invitation-Token: ki_...`. Then answer with `POST /assessments` carrying the same header: the answer belongs to the round and the invitation becomes submitted.",
  security: invitationSecurity,
  responses: {
    200: {
      description: "The invitation",
      content: {
        "application/json": { schema: withOpenApi(InvitationViewSchema, "InvitationView") },
      },
    },
    ...problemResponses(401, 409, 429),
  },
});

const NationalQuerySchema = z.object({
  round: z.string().uuid().optional().openapi({
    description:
      "Figures of this round's answers; absent: the latest official answer of every cluster",
  }),
  compareWith: z.string().uuid().optional().openapi({
    description: "An earlier round: adds the change from it (did gaps close?)",
  }),
  date: IsoDateSchema.optional().openapi({
    description: "Catalogue status day for coverage (YYYY-MM-DD); default today in Europe/Warsaw",
  }),
  lang: LanguageSchema.default("pl").openapi({ description: "Language of CSV labels" }),
});

export const nationalRoute = createRoute({
  method: "get",
  path: "/national",
  operationId: "getNationalPicture",
  tags: ["survey"],
  summary:
    "All 16 regions side by side: needs, coverage by level (EU / national / regional), gaps, public-task readiness, change between rounds",
  description:
    'For the `national` role and admin keys. Counts standing for fewer than 3 clusters are shown as "<3" (and a second cell of the same total when one alone could be worked out); no cluster is named.',
  security: keySecurity,
  request: { query: NationalQuerySchema },
  responses: {
    200: {
      description: "The national picture",
      content: {
        "application/json": { schema: withOpenApi(NationalPictureSchema, "NationalPicture") },
        ...csvContent,
      },
    },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});

const ReportQuerySchema = z.object({
  compareWith: NationalQuerySchema.shape.compareWith,
  date: NationalQuerySchema.shape.date,
  lang: LanguageSchema.default("pl").openapi({ description: "Language of labels and answers" }),
});

export const reportRoute = createRoute({
  method: "get",
  path: "/rounds/{id}/report",
  operationId: "getRoundReport",
  tags: ["survey"],
  summary: "The data of a round's report, structured by the working group's ten questions",
  security: keySecurity,
  request: { params: RoundParamsSchema, query: ReportQuerySchema },
  responses: {
    200: {
      description: "Report data",
      content: { "application/json": { schema: withOpenApi(ReportDataSchema, "ReportData") } },
    },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});

export const reportCsvRoute = createRoute({
  method: "get",
  path: "/rounds/{id}/report/annex.csv",
  operationId: "getRoundReportCsv",
  tags: ["survey"],
  summary: "The report's data annex as CSV (one table, a `table` column names each part)",
  security: keySecurity,
  request: { params: RoundParamsSchema, query: ReportQuerySchema },
  responses: {
    200: { description: "CSV annex", content: csvContent },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});

export const reportXlsxRoute = createRoute({
  method: "get",
  path: "/rounds/{id}/report/annex.xlsx",
  operationId: "getRoundReportXlsx",
  tags: ["survey"],
  summary: "The report's data annex as an XLSX workbook (one sheet per table)",
  security: keySecurity,
  request: { params: RoundParamsSchema, query: ReportQuerySchema },
  responses: {
    200: {
      description: "XLSX workbook",
      content: { [XLSX_TYPE]: { schema: { type: "string" as const, format: "binary" } } },
    },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});
