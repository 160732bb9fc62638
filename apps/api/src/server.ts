/**
 * @module
 * Starts the product: opens and migrates the database, seeds the knowledge base (idempotent),
 * loads the rulebook, follows the shared state, and serves the app on `env.PORT`. `main.ts` calls
 * it with the process environment; tests call it with port 0 to get a real server.
 */
import type { Server } from "node:http";
import { hostname } from "node:os";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { openDatabase, seedKnowledgeBase } from "@klastry/db";
import { loadKnowledgeBase } from "@klastry/knowledge";
import { loadRulebook, type Rulebook } from "@klastry/rules-engine";
import { createApp, type App } from "./app.ts";
import { answerClientErrors } from "./client-error.ts";
import type { AppDeps } from "./deps.ts";
import type { Env } from "./env.ts";
import type { Logger } from "./logger.ts";
import { openRateLimits } from "./middleware/open-rate-limits.ts";
import { RulebookStore } from "./rulebook-store.ts";
import { VerdictRefresher } from "./verdicts/verdict-refresher.ts";

export interface RunningApi {
  url: string;
  port: number;
  app: App;
  deps: AppDeps;
  close(): Promise<void>;
}

/** Builds the dependencies from the environment (no port is opened). */
export async function openDeps(env: Env, logger: Logger): Promise<AppDeps> {
  const knowledge = loadKnowledgeBase();
  const db = await openDatabase(env.DATABASE_URL === undefined ? {} : { url: env.DATABASE_URL });
  try {
    const migrations = await db.migrate();
    if (migrations.length > 0) logger.log("info", "database migrated", { migrations });
    const seeded = await seedKnowledgeBase(db, knowledge);
    logger.log("info", "knowledge base seeded", {
      instruments: seeded.instruments,
      sampleClusters: seeded.sampleClusters,
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  const rulebookStore = new RulebookStore<Rulebook>({
    load: () => Promise.resolve(loadRulebook({ dir: env.RULES_DIR, knowledge })),
    state: db.systemState,
    logger,
  });
  await rulebookStore.init();
  const rateLimits = openRateLimits(env, logger);
  return { db, knowledge, rulebookStore, env, logger, rateLimits };
}

/**
 * Opens everything and listens.
 *
 * @example
 * const api = await startApi(loadEnv({ PORT: "0" }), createLogger());
 * await fetch(`${api.url}/api/v1/health`);
 * await api.close();
 */
export async function startApi(env: Env, logger: Logger, deps?: AppDeps): Promise<RunningApi> {
  const resolved = deps ?? (await openDeps(env, logger));
  const app = createApp(resolved);
  resolved.rulebookStore.startPolling(env.STATE_POLL_MS);
  const refresher = new VerdictRefresher({
    db: resolved.db,
    rulebookStore: resolved.rulebookStore,
    logger: resolved.logger,
    worker: `${hostname()}:${process.pid}`,
    batchSize: env.VERDICT_BATCH_SIZE,
  });
  refresher.start(env.VERDICT_REFRESH_MS);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => resolve(s));
  });
  // A slow or stalled client must not hold a connection forever (issue 7 item 5): headers must
  // arrive within 10 s and a whole request within 30 s; idle keep-alive sockets close after 5 s.
  const http = server as Server;
  http.headersTimeout = 10_000;
  http.requestTimeout = 30_000;
  http.keepAliveTimeout = 5_000;
  answerClientErrors(http);
  const { port } = server.address() as AddressInfo;
  const host = env.HOST === "0.0.0.0" ? "127.0.0.1" : env.HOST;
  const url = `http://${host}:${port}`;
  logger.log("info", "listening", {
    url,
    database: resolved.db.kind,
    rulebookVersion: resolved.rulebookStore.status().version,
  });
  return {
    url,
    port,
    app,
    deps: resolved,
    async close() {
      resolved.rulebookStore.stopPolling();
      await refresher.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (deps === undefined) {
        await resolved.rateLimits?.close();
        await resolved.db.close();
      }
    },
  };
}
