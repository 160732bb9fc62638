/**
 * @module
 * Stored self-assessments (append-only): `POST /assessments` stores one with its recommendations
 * and returns a private access token once; `GET /assessments/{id}` opens it with that token, a key
 * of the cluster's region or an admin key; `GET /clusters/{id}/assessments` lists a history.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import {
  IsoDateSchema,
  LanguageSchema,
  RegionCodeSchema,
  SlugSchema,
  StoredAssessmentSchema,
  ClusterSchema,
  VisibilitySchema,
  type AssessmentInput,
  type Cluster,
  type IsoDate,
} from "@klastry/domain";
import type { Rulebook } from "@klastry/rules-engine";
import { authenticate, canReadRegion, forbidden, type Principal } from "../auth/access.ts";
import { newAssessmentToken } from "../auth/assessment-token.ts";
import { readInvitationTokenHash } from "../auth/invitation-token.ts";
import { openInvitation } from "./survey/rounds.ts";
import type { RouteDeps } from "../deps.ts";
import { evaluateWith, pinRulebook } from "../evaluation.ts";
import { targetOf, verdictsOf } from "../verdicts/verdicts-of.ts";
import { ApiError } from "../problems/api-error.ts";
import { problemResponses } from "../problems/problem.ts";
import { AssessmentInputBodySchema, RecommendationSetBodySchema } from "./recommendations.ts";
import {
  createRouter,
  PageQuerySchema,
  pageOf,
  RULEBOOK_VERSION_HEADER,
  rulebookVersionHeader,
  withOpenApi,
} from "./router.ts";

const StoredAssessmentBodySchema = withOpenApi(StoredAssessmentSchema, "StoredAssessment");

const CreatedSchema = z
  .object({
    id: z.string(),
    clusterId: SlugSchema,
    createdAt: z.string(),
    accessToken: z.string().openapi({
      description:
        "Private access token; shown only now, stored as a hash. Send it as X-Assessment-Token.",
    }),
    link: z.string().openapi({ description: "API path of the stored assessment" }),
    visibility: withOpenApi(VisibilitySchema, {
      description: "Whom the cluster is shown to now (the choice sent, or the one kept)",
    }),
    roundId: z.string().nullable().openapi({
      description:
        "The survey round the answer belongs to (sent with X-Invitation-Token); null: self-registered, counted in official figures once a round's owner accepts it",
    }),
    rulebookVersion: z.string(),
    evaluatedOn: IsoDateSchema,
    recommendations: RecommendationSetBodySchema,
  })
  .openapi("AssessmentCreated");

const AssessmentRecordSchema = z
  .object({
    assessment: StoredAssessmentBodySchema,
    assessedOn: IsoDateSchema,
    region: RegionCodeSchema,
    recommendations: RecommendationSetBodySchema.nullable(),
  })
  .openapi("AssessmentRecord");

const ClusterHistorySchema = pageOf(StoredAssessmentBodySchema)
  .extend({ cluster: withOpenApi(ClusterSchema, "Cluster") })
  .openapi("ClusterHistory");

const security: Record<string, string[]>[] = [{ apiKey: [] }, { assessmentToken: [] }];

const createRouteDef = createRoute({
  method: "post",
  path: "/assessments",
  operationId: "createAssessment",
  tags: ["assessments"],
  summary: "Store a self-assessment with its recommendations; returns a private access token once",
  security: [{}, ...security],
  description:
    "Public for a new cluster. Adding to an existing cluster's history (`clusterId`) needs the token of one of its assessments, a key of its region or an admin key. With `X-Invitation-Token: ki_...` (a survey round's invitation) the answer belongs to the round and the invitation becomes submitted; answering again through the same invitation adds to the same cluster's history. Without it the answer is self-registered.",
  request: {
    query: z.object({
      lang: LanguageSchema.default("pl"),
      visibility: withOpenApi(VisibilitySchema.optional(), {
        description:
          "The coordinator's choice of whom the region's authority is shown the cluster's assessments to: `named` (by the cluster's name), `anonymous` (only inside totals), `private` (not at all). Absent: a new cluster is private, an existing one keeps its choice. Changed later with `PUT /clusters/{id}/visibility`.",
      }),
    }),
    body: {
      required: true,
      content: { "application/json": { schema: AssessmentInputBodySchema } },
    },
  },
  responses: {
    201: {
      description: "Stored",
      headers: {
        ...rulebookVersionHeader,
        Location: {
          description: "Path of the new assessment",
          schema: { type: "string" as const },
        },
      },
      content: { "application/json": { schema: CreatedSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 413, 415, 429, 503),
  },
});

const getRouteDef = createRoute({
  method: "get",
  path: "/assessments/{id}",
  operationId: "getAssessment",
  tags: ["assessments"],
  summary: "One stored assessment with the recommendations made when it was stored",
  security,
  request: {
    params: z.object({ id: z.string().min(1).max(64) }),
  },
  responses: {
    200: {
      description: "The assessment",
      headers: rulebookVersionHeader,
      content: { "application/json": { schema: AssessmentRecordSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});

const historyRouteDef = createRoute({
  method: "get",
  path: "/clusters/{id}/assessments",
  operationId: "listClusterAssessments",
  tags: ["assessments"],
  summary: "A cluster's assessment history, oldest first",
  security,
  request: {
    params: z.object({ id: SlugSchema }),
    query: PageQuerySchema,
  },
  responses: {
    200: {
      description: "The history",
      content: { "application/json": { schema: ClusterHistorySchema } },
    },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});

type Deps = Pick<RouteDeps, "db" | "rulebookStore" | "keys">;

/**
 * An answer given through a survey invitation: the round must be open; a regional round takes
 * clusters of its region only; a second answer through the same invitation extends the cluster
 * the first one created (and no other).
 */
async function invitedAnswer(deps: Deps, hash: string, input: AssessmentInput) {
  const { invitation, round, clusterId } = await openInvitation(deps, hash);
  if (round.region !== null && input.cluster.region !== round.region)
    throw new ApiError(
      "VALIDATION_FAILED",
      `this invitation is for round "${round.title}" of region ${round.region}; the cluster's region must be ${round.region}`,
      {
        issues: [
          {
            code: "INVALID_VALUE",
            in: "body",
            path: "cluster.region",
            pointer: "/cluster/region",
            message: `must be ${round.region}, the region of the round`,
            received: input.cluster.region,
            allowed: [round.region],
          },
        ],
      },
    );
  if (input.clusterId !== undefined && input.clusterId !== clusterId)
    throw new ApiError(
      "FORBIDDEN",
      `an invitation answers for its own cluster only; leave clusterId out`,
    );
  return { invitation: { roundId: round.id, invitationId: invitation.id }, clusterId };
}

/**
 * The principal and the cluster, when the principal may read or extend its history: a token of
 * one of its assessments (checked by the token's hash before any assessment is read), a key of
 * its region or an admin key.
 */
export async function requireCluster(deps: Deps, c: Context, clusterId: string) {
  const principal = await authenticate(c, deps.keys);
  // A token opens one cluster's history, known from the token itself: refused before any read.
  if (principal.kind === "assessment-token" && principal.clusterId !== clusterId)
    throw forbidden(principal, `cluster "${clusterId}"`);
  const cluster = await deps.db.clusters.findById(clusterId);
  if (cluster === null) throw new ApiError("NOT_FOUND", `no cluster "${clusterId}"`);
  if (principal.kind !== "assessment-token" && !canReadRegion(principal, cluster.region))
    throw forbidden(principal, `cluster "${clusterId}"`);
  refuseUnlessNamed(principal, cluster);
  return { principal, cluster };
}

/**
 * A region's key opens a cluster's assessments only when the coordinator let the region see the
 * cluster by name; one counted only in totals, or private, stays closed to it.
 */
function refuseUnlessNamed(principal: Principal, cluster: Cluster): void {
  if (principal.kind === "region" && cluster.visibility !== "named") {
    throw forbidden(
      principal,
      `cluster "${cluster.id}": its coordinator has not let the region see it by name`,
    );
  }
}

/**
 * Stores the new assessment's verdicts for region routes. The assessment is already saved: a
 * failure here is logged, not answered, and the routes evaluate it themselves until the
 * background recompute stores them.
 */
async function storeVerdicts(
  deps: Pick<RouteDeps, "db" | "logger">,
  rulebook: Rulebook,
  assessmentId: string,
  input: AssessmentInput,
  day: IsoDate,
): Promise<void> {
  try {
    await deps.db.verdicts.write(targetOf(rulebook, day), [
      { assessmentId, verdicts: verdictsOf(rulebook, input, day) },
    ]);
  } catch (error) {
    deps.logger.log("warn", "storing verdicts of a new assessment failed", {
      error: String(error),
    });
  }
}

export function assessmentRoutes(deps: Deps & Pick<RouteDeps, "logger">) {
  return createRouter()
    .openapi(createRouteDef, async (c) => {
      const input = c.req.valid("json");
      const invitationHash = readInvitationTokenHash(c);
      const invited =
        invitationHash === undefined ? undefined : await invitedAnswer(deps, invitationHash, input);
      if (input.clusterId !== undefined && invited === undefined) {
        const { principal, cluster } = await requireCluster(deps, c, input.clusterId);
        // A cluster's region decides which authority sees it: only an admin may change it.
        if (cluster.region !== input.cluster.region && principal.kind !== "admin") {
          throw forbidden(
            principal,
            `moving cluster "${cluster.id}" from region ${cluster.region} to region ${input.cluster.region} (an admin key is needed)`,
          );
        }
      }
      const rulebook = pinRulebook(deps, c);
      const recommendations = await evaluateWith(rulebook, input, {
        language: c.req.valid("query").lang,
      });
      const { token, hash } = newAssessmentToken();
      const { visibility } = c.req.valid("query");
      const stored = await deps.db.assessments.create({
        input,
        ...(invited === undefined
          ? {}
          : {
              invitation: invited.invitation,
              ...(invited.clusterId === null ? {} : { clusterId: invited.clusterId }),
            }),
        assessedOn: recommendations.evaluatedOn,
        rulebookVersion: rulebook.version,
        recommendations,
        accessTokenHash: hash,
        ...(visibility === undefined ? {} : { visibility }),
      });
      await storeVerdicts(deps, rulebook, stored.id, input, recommendations.evaluatedOn);
      const cluster = await deps.db.clusters.findById(stored.clusterId);
      const link = `/api/v1/assessments/${stored.id}`;
      c.header("Location", link);
      c.header("Cache-Control", "no-store");
      return c.json(
        {
          id: stored.id,
          clusterId: stored.clusterId,
          createdAt: stored.createdAt,
          accessToken: token,
          link,
          visibility: cluster?.visibility ?? "private",
          roundId: invited?.invitation.roundId ?? null,
          rulebookVersion: rulebook.version,
          evaluatedOn: recommendations.evaluatedOn,
          recommendations,
        },
        201,
      );
    })
    .openapi(getRouteDef, async (c) => {
      const { id } = c.req.valid("param");
      const principal = await authenticate(c, deps.keys);
      // A token opens its own assessment only, known from the token: refused before any read.
      if (principal.kind === "assessment-token" && principal.assessmentId !== id.toLowerCase())
        throw forbidden(principal, `assessment "${id}"`);
      const record = await deps.db.assessments.getRecord(id);
      if (record === null) throw new ApiError("NOT_FOUND", `no assessment "${id}"`);
      const region = RegionCodeSchema.parse(record.region);
      if (principal.kind !== "assessment-token" && !canReadRegion(principal, region))
        throw forbidden(principal, `assessment "${id}"`);
      if (principal.kind === "region") {
        const cluster = await deps.db.clusters.findById(record.assessment.clusterId);
        if (cluster !== null) refuseUnlessNamed(principal, cluster);
      }
      c.header("Cache-Control", "private, no-store");
      // The version that made the stored recommendations, not the one served now.
      if (record.recommendations !== null)
        c.header(RULEBOOK_VERSION_HEADER, record.recommendations.rulebookVersion);
      return c.json(
        {
          assessment: record.assessment,
          assessedOn: record.assessedOn,
          region,
          recommendations: record.recommendations,
        },
        200,
      );
    })
    .openapi(historyRouteDef, async (c) => {
      const { id } = c.req.valid("param");
      const { page, pageSize } = c.req.valid("query");
      const { cluster } = await requireCluster(deps, c, id);
      const { items, total } = await deps.db.assessments.historyPage(cluster.id, {
        page,
        pageSize,
      });
      c.header("Cache-Control", "private, no-store");
      return c.json({ cluster, items, total, page, pageSize }, 200);
    });
}
