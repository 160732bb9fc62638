/**
 * @module
 * @klastry/api: the Klastry HTTP API (Hono + @hono/zod-openapi). The web app imports only the
 * typed client from `@klastry/api/client`; the CLI and tests import from here.
 */

// The app
/**
 * Opens the database, seeds, loads the rulebook and listens (port 0 picks a free port).
 *
 * @example
 * const api = await startApi(loadEnv({ PORT: "0" }), createLogger());
 * await api.close();
 */
export { startApi } from "./server.ts";
/** The Hono app over given deps (benches build it in process). */
export { createApp } from "./app.ts";
/** The served rulebook, reloads and the poll of the shared version in `system_state`. */
export { RulebookStore } from "./rulebook-store.ts";

// Configuration and logs
/** The environment, validated once (PORT, DATABASE_URL, RULES_DIR, WEB_DIST, CORS_ORIGIN, limits). */
export { loadEnv } from "./env.ts";
/** JSON-lines logger; never given credentials. */
export { createLogger } from "./logger.ts";

// Stored verdicts
/**
 * Keeps stored verdicts at the served rulebook and today's date: background batches, shared by
 * several processes on PostgreSQL (`startApi` runs one; benches time a full recompute with it).
 */
export { VerdictRefresher } from "./verdicts/verdict-refresher.ts";

// Keys (the core of `npx klastry keys ...`)
/**
 * Creates, revokes and lists API keys; `runKeysCommand` parses the CLI arguments.
 *
 * @example
 * const { secret } = await createApiKey(db, "region:14", "Mazowsze open data");
 */
export { createApiKey, revokeApiKey } from "./cli/keys.ts";
