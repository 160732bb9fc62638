/**
 * @module
 * @klastry/api: the Klastry HTTP API (Hono + @hono/zod-openapi). The web app imports only the
 * typed client from `@klastry/api/client`; the CLI and tests import from here.
 */

// The app
/**
 * Builds the app from its dependencies; call it in-process with `app.request()`.
 *
 * @example
 * const app = createApp(await openDeps(loadEnv(), createLogger()));
 * const res = await app.request("/api/v1/health");
 */
export { createApp, API_BASE, OPENAPI_PATH } from "./app.ts";
export type { App } from "./app.ts";
export type { AppDeps } from "./deps.ts";
/**
 * Opens the database, seeds, loads the rulebook and listens (port 0 picks a free port).
 *
 * @example
 * const api = await startApi(loadEnv({ PORT: "0" }), createLogger());
 * await api.close();
 */
export { startApi, openDeps } from "./server.ts";
export type { RunningApi } from "./server.ts";

// Configuration and logs
/** The environment, validated once (PORT, DATABASE_URL, RULES_DIR, WEB_DIST, CORS_ORIGIN, limits). */
export { loadEnv, EnvSchema } from "./env.ts";
export type { Env } from "./env.ts";
/** JSON-lines logger; never given credentials. */
export { createLogger } from "./logger.ts";
export type { Logger, LogLevel } from "./logger.ts";

// Rulebook shared across processes
/** The served rulebook, reloads and the poll of the shared version in `system_state`. */
export { RulebookStore, RULEBOOK_STATE_KEY } from "./rulebook-store.ts";
export type { RulebookStatus, SharedState } from "./rulebook-store.ts";
/**
 * Keeps stored verdicts at the served rulebook and today's date: background batches, shared by
 * several processes on PostgreSQL (`startApi` runs one; benches time a full recompute with it).
 */
export { VerdictRefresher } from "./verdicts/verdict-refresher.ts";
export type { RefreshRun, VerdictRefresherOptions } from "./verdicts/verdict-refresher.ts";

// Errors
/** The API's error class and the RFC 9457 problem document it becomes. */
export { ApiError, API_ERROR_CODES } from "./problems/api-error.ts";
export type { ApiErrorCode, ApiIssue } from "./problems/api-error.ts";
export { ProblemSchema, PROBLEM_CONTENT_TYPE } from "./problems/problem.ts";
export type { Problem } from "./problems/problem.ts";

// Keys (the core of `npx klastry keys ...`)
/**
 * Creates, revokes and lists API keys; `runKeysCommand` parses the CLI arguments.
 *
 * @example
 * const { secret } = await createApiKey(db, "region:14", "Mazowsze open data");
 */
export { createApiKey, revokeApiKey, listApiKeys, runKeysCommand } from "./cli/keys.ts";
export type { CreatedKey } from "./cli/keys.ts";
