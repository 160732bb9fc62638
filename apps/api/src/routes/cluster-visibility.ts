/**
 * @module
 * The coordinator's choice of whom a cluster's assessments are shown to (`Visibilities`):
 * `GET /clusters/{id}/visibility` reads it and `PUT /clusters/{id}/visibility` changes it, with
 * the private link's token (an admin key, or the key of a region that sees the cluster by name,
 * may read it, never change it: the choice is the coordinator's). Region routes follow it at
 * once: named clusters by name, anonymous ones only in totals, private ones nowhere.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { SlugSchema, Visibilities, VisibilitySchema } from "@klastry/domain";
import { forbidden } from "../auth/access.ts";
import type { RouteDeps } from "../deps.ts";
import { ApiError } from "../problems/api-error.ts";
import { problemResponses } from "../problems/problem.ts";
import { requireCluster } from "./assessments.ts";
import { createRouter, withOpenApi } from "./router.ts";

const ClusterVisibilitySchema = z
  .object({
    clusterId: SlugSchema,
    visibility: withOpenApi(VisibilitySchema, {
      description: Visibilities.entries.map((v) => `\`${v.code}\`: ${v.label.en}`).join("; "),
    }),
  })
  .openapi("ClusterVisibility");

const params = z.object({ id: SlugSchema });
const security: Record<string, string[]>[] = [{ assessmentToken: [] }, { apiKey: [] }];

const getRoute = createRoute({
  method: "get",
  path: "/clusters/{id}/visibility",
  operationId: "getClusterVisibility",
  tags: ["assessments"],
  summary: "Whom the cluster's assessments are shown to: named, anonymous (totals only) or private",
  description:
    "With a token of one of the cluster's assessments, an admin key, or the key of the cluster's region when the region sees it by name.",
  security,
  request: { params },
  responses: {
    200: {
      description: "The current choice",
      content: { "application/json": { schema: ClusterVisibilitySchema } },
    },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});

const putRoute = createRoute({
  method: "put",
  path: "/clusters/{id}/visibility",
  operationId: "setClusterVisibility",
  tags: ["assessments"],
  summary: "Change whom the cluster's assessments are shown to",
  description:
    "Only with a token of one of the cluster's assessments (the coordinator's private link). Takes effect at once in every region route and CSV export.",
  security: [{ assessmentToken: [] }],
  request: {
    params,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({ visibility: VisibilitySchema }).strict().openapi("VisibilityChoice"),
        },
      },
    },
  },
  responses: {
    200: {
      description: "The choice now in force",
      content: { "application/json": { schema: ClusterVisibilitySchema } },
    },
    ...problemResponses(400, 401, 403, 404, 413, 415, 429),
  },
});

export function clusterVisibilityRoutes(deps: Pick<RouteDeps, "db" | "rulebookStore" | "keys">) {
  return createRouter()
    .openapi(getRoute, async (c) => {
      const { id } = c.req.valid("param");
      const { cluster } = await requireCluster(deps, c, id);
      c.header("Cache-Control", "private, no-store");
      return c.json({ clusterId: cluster.id, visibility: cluster.visibility }, 200);
    })
    .openapi(putRoute, async (c) => {
      const { id } = c.req.valid("param");
      const { principal } = await requireCluster(deps, c, id);
      if (principal.kind !== "assessment-token") {
        throw forbidden(principal, `changing the visibility of "${id}" (the coordinator's choice)`);
      }
      const changed = await deps.db.clusters.setVisibility(id, c.req.valid("json").visibility);
      if (changed === null) throw new ApiError("NOT_FOUND", `no cluster "${id}"`);
      c.header("Cache-Control", "no-store");
      return c.json({ clusterId: changed.id, visibility: changed.visibility }, 200);
    });
}
