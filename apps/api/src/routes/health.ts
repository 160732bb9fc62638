/**
 * @module
 * `GET /health`: this process, its database and the rulebook it serves. Load balancers poll it;
 * two processes on one database report the same rulebook version soon after a reload.
 * `GET /livez`: only that the process answers (no database round trip), for liveness probes.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../deps.ts";
import { createRouter } from "./router.ts";

export const HealthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    database: z.object({ ok: z.boolean(), kind: z.string() }),
    rulebookVersion: z.string().nullable(),
    rulebookLoadedAt: z.string().nullable(),
    lastReloadFailed: z.boolean(),
    processId: z.number().int(),
    uptimeSeconds: z.number(),
  })
  .openapi("Health");

const route = createRoute({
  method: "get",
  path: "/health",
  operationId: "getHealth",
  security: [],
  tags: ["system"],
  summary: "Process, database and rulebook status",
  responses: {
    200: { description: "Serving", content: { "application/json": { schema: HealthSchema } } },
    503: {
      description: "Database unreachable or no rulebook loaded",
      content: { "application/json": { schema: HealthSchema } },
    },
  },
});

const LivenessSchema = z.object({ status: z.literal("ok") }).openapi("Liveness");

const livenessRoute = createRoute({
  method: "get",
  path: "/livez",
  operationId: "getLiveness",
  security: [],
  tags: ["system"],
  summary: "The process answers (no database or rulebook check)",
  responses: {
    200: { description: "Alive", content: { "application/json": { schema: LivenessSchema } } },
  },
});

export function healthRoutes(deps: Pick<AppDeps, "db" | "rulebookStore">) {
  return createRouter()
    .openapi(livenessRoute, (c) => {
      c.header("cache-control", "no-store");
      return c.json({ status: "ok" as const }, 200);
    })
    .openapi(route, async (c) => {
      const database = await deps.db.health();
      const rulebook = deps.rulebookStore.status();
      const healthy = database.ok && rulebook.version !== null;
      c.header("cache-control", "no-store");
      const body = {
        status: healthy ? ("ok" as const) : ("degraded" as const),
        database: { ok: database.ok, kind: database.kind },
        rulebookVersion: rulebook.version,
        rulebookLoadedAt: rulebook.loadedAt,
        lastReloadFailed: rulebook.lastReloadFailed,
        processId: process.pid,
        uptimeSeconds: Math.round(process.uptime()),
      };
      return healthy ? c.json(body, 200) : c.json(body, 503);
    });
}
