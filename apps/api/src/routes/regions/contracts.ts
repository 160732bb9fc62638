/**
 * @module
 * The contracts of the regional routes: parameters, response schemas (JSON and CSV) and the
 * OpenAPI route definitions. Handlers live in `index.ts`.
 */
import { createRoute, z } from "@hono/zod-openapi";
import {
  ActorTypeSchema,
  CallStatusSchema,
  ClusterSchema,
  IsoDateSchema,
  LanguageSchema,
  PublicTaskSchema,
  ReadinessLevelSchema,
  RecommendationSchema,
  RegionCodeSchema,
  SlugSchema,
  SupportFunctionSchema,
} from "@klastry/domain";
import { problemResponses } from "../../problems/problem.ts";
import { csvContent } from "../csv-response.ts";
import {
  EvaluationQuerySchema,
  MAX_PAGE_SIZE,
  PageQuerySchema,
  pageOf,
  rulebookVersionHeader,
  withOpenApi,
} from "../router.ts";

const RegionParamsSchema = z.object({
  code: withOpenApi(RegionCodeSchema, {
    description: "TERYT code of the voivodeship",
    example: "14",
  }),
});
/** Aggregates are small (at most 7 x 12 cells), so their pages default to the largest size. */
const AggregatePageQuerySchema = PageQuerySchema.extend({
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(MAX_PAGE_SIZE),
  lang: LanguageSchema.default("pl").openapi({ description: "Language of CSV labels" }),
});

const security: Record<string, string[]>[] = [{ apiKey: [] }];
const regionProblems = problemResponses(400, 401, 403, 429);

const ClusterPageSchema = pageOf(withOpenApi(ClusterSchema, "Cluster"))
  .extend({ region: RegionCodeSchema })
  .openapi("RegionClusters");

export const clustersRoute = createRoute({
  method: "get",
  path: "/regions/{code}/clusters",
  operationId: "listRegionClusters",
  tags: ["regions"],
  summary: "Clusters of a region",
  security,
  request: { params: RegionParamsSchema, query: PageQuerySchema },
  responses: {
    200: {
      description: "Clusters",
      content: { "application/json": { schema: ClusterPageSchema }, ...csvContent },
    },
    ...regionProblems,
  },
});

export const ClusterRecommendationsSchema = z
  .object({
    clusterId: SlugSchema,
    clusterName: z.string(),
    assessmentId: z.string(),
    assessedOn: IsoDateSchema,
    recommendations: z.array(withOpenApi(RecommendationSchema, "Recommendation")),
    notEligibleCount: z.number().int().nonnegative(),
  })
  .openapi("ClusterRecommendations");

const RegionRecommendationsSchema = pageOf(ClusterRecommendationsSchema)
  .extend({
    region: RegionCodeSchema,
    rulebookVersion: z.string(),
    evaluatedOn: IsoDateSchema,
    language: LanguageSchema,
  })
  .openapi("RegionRecommendations");

export const recommendationsRoute = createRoute({
  method: "get",
  path: "/regions/{code}/recommendations",
  operationId: "listRegionRecommendations",
  tags: ["regions"],
  summary: "Recommendations for the latest assessment of every cluster of a region, evaluated now",
  description:
    "One page of the region's clusters (cut in the database, ordered by cluster id); the recommendations of the page's clusters are evaluated for this request with the rulebook version served, the date and the language asked for.",
  security,
  request: {
    params: RegionParamsSchema,
    query: PageQuerySchema.extend(EvaluationQuerySchema.shape),
  },
  responses: {
    200: {
      description: "One entry per cluster",
      headers: rulebookVersionHeader,
      content: { "application/json": { schema: RegionRecommendationsSchema }, ...csvContent },
    },
    ...problemResponses(400, 401, 403, 429, 503),
  },
});

const NeedsCellSchema = z
  .object({
    actor: ActorTypeSchema,
    function: SupportFunctionSchema,
    count: z.number().int().nonnegative(),
    byPriority: z.object({ 1: z.number().int(), 2: z.number().int(), 3: z.number().int() }),
  })
  .openapi("NeedsCell");
const NeedsSchema = pageOf(NeedsCellSchema)
  .extend({ region: RegionCodeSchema, clusters: z.number().int().nonnegative() })
  .openapi("RegionNeeds");

export const needsRoute = createRoute({
  method: "get",
  path: "/regions/{code}/needs",
  operationId: "getRegionNeeds",
  tags: ["regions"],
  summary: "Needs reported in the latest assessments, counted by actor x function",
  security,
  request: { params: RegionParamsSchema, query: AggregatePageQuerySchema },
  responses: {
    200: {
      description: "Needs matrix cells",
      content: { "application/json": { schema: NeedsSchema }, ...csvContent },
    },
    ...regionProblems,
  },
});

const CoverageInstrumentSchema = z.object({
  id: SlugSchema,
  name: z.string(),
  callStatus: CallStatusSchema,
  clusters: z.number().int().nonnegative().openapi({
    description: "Clusters reporting the need for which this instrument covers it (or may fund it)",
  }),
});

const CoverageItemSchema = NeedsCellSchema.extend({
  covered: z.boolean().openapi({
    description:
      "True when the need of every cluster reporting it is covered; false is a gap. A need is covered for a cluster by an instrument that serves it, is eligible or can't-tell-yet for that cluster and is open, announced, expected or available on the date: the same verdicts as the cluster's own results",
  }),
  coveredClusters: z.number().int().nonnegative(),
  uncoveredClusters: z.number().int().nonnegative(),
  instruments: z.array(CoverageInstrumentSchema).openapi({
    description: "Instruments covering the need for at least one cluster",
  }),
  mayFund: z.array(CoverageInstrumentSchema).openapi({
    description:
      "Programmes running with no confirmed call that may fund the need: listed apart, never counted as covering it",
  }),
}).openapi("CoverageItem");
const CoverageSchema = pageOf(CoverageItemSchema)
  .extend({
    region: RegionCodeSchema,
    clusters: z.number().int().nonnegative(),
    statusOn: IsoDateSchema,
    gaps: z.number().int().nonnegative(),
    verdicts: z
      .object({
        stored: z.number().int().nonnegative(),
        evaluated: z.number().int().nonnegative(),
      })
      .openapi({
        description:
          "Clusters counted from verdicts stored for this rulebook version and date, and clusters evaluated for this request (stored verdicts not yet recomputed after a rules change, or a date other than today): both give the same answer",
      }),
  })
  .openapi("RegionCoverage");

export const coverageRoute = createRoute({
  method: "get",
  path: "/regions/{code}/coverage",
  operationId: "getRegionCoverage",
  tags: ["regions"],
  summary: "For each reported need, the instruments open to the region that serve it; gaps flagged",
  security,
  request: {
    params: RegionParamsSchema,
    query: AggregatePageQuerySchema.extend({ date: IsoDateSchema.optional() }),
  },
  responses: {
    200: {
      description: "Coverage of needs",
      content: { "application/json": { schema: CoverageSchema }, ...csvContent },
    },
    ...regionProblems,
  },
});

const ReadinessItemSchema = z
  .object({
    task: PublicTaskSchema,
    readiness: ReadinessLevelSchema,
    count: z.number().int().nonnegative(),
    clusters: z.array(z.object({ id: SlugSchema, name: z.string() })),
  })
  .openapi("PublicTaskReadinessItem");
const ReadinessSchema = pageOf(ReadinessItemSchema)
  .extend({ region: RegionCodeSchema, clusters: z.number().int().nonnegative() })
  .openapi("RegionPublicTasks");

export const publicTasksRoute = createRoute({
  method: "get",
  path: "/regions/{code}/public-tasks",
  operationId: "getRegionPublicTasks",
  tags: ["regions"],
  summary: "Clusters by readiness for each public task (seed question 10)",
  security,
  request: { params: RegionParamsSchema, query: AggregatePageQuerySchema },
  responses: {
    200: {
      description: "Readiness per task",
      content: { "application/json": { schema: ReadinessSchema }, ...csvContent },
    },
    ...regionProblems,
  },
});
