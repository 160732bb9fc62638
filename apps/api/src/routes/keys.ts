/**
 * @module
 * `GET /keys/me`: what the API key sent is for (admin, national, or the voivodeship of a region key), so a
 * dashboard opened on another region can say "your key is for lubelskie" and link there instead of
 * showing refusals. The key's secret is never echoed; an assessment token is not a key (403).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { LocalizedTextSchema, REGIONS, RegionCodeSchema } from "@klastry/domain";
import { authenticate, forbidden } from "../auth/access.ts";
import type { RouteDeps } from "../deps.ts";
import { problemResponses } from "../problems/problem.ts";
import { createRouter } from "./router.ts";

const KeyInfoSchema = z
  .object({
    role: z.enum(["admin", "national", "region"]),
    /** The key's voivodeship (region keys only). */
    region: RegionCodeSchema.optional(),
    regionName: LocalizedTextSchema.optional(),
  })
  .openapi("KeyInfo");

const meRoute = createRoute({
  method: "get",
  path: "/keys/me",
  operationId: "getKeyInfo",
  tags: ["keys"],
  summary: "What the API key sent is for: admin, national, or the region of a region key",
  security: [{ apiKey: [] }],
  responses: {
    200: {
      description: "The key's role and, for a region key, its voivodeship",
      content: { "application/json": { schema: KeyInfoSchema } },
    },
    ...problemResponses(401, 403, 429),
  },
});

export function keyRoutes(deps: Pick<RouteDeps, "keys">) {
  return createRouter().openapi(meRoute, async (c) => {
    const principal = await authenticate(c, deps.keys);
    c.header("Cache-Control", "private, no-store");
    if (principal.kind === "assessment-token")
      throw forbidden(principal, "key information (it is not an API key)");
    if (principal.kind === "admin") return c.json({ role: "admin" as const }, 200);
    if (principal.kind === "national") return c.json({ role: "national" as const }, 200);
    const name = REGIONS.find((entry) => entry.code === principal.region)?.label;
    return c.json(
      {
        role: "region" as const,
        region: principal.region,
        ...(name === undefined ? {} : { regionName: name }),
      },
      200,
    );
  });
}
