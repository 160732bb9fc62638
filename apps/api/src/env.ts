/**
 * @module
 * The one place the API reads environment variables; each is validated by zod once at start.
 */
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { formatIssues, issuesFromZod } from "@klastry/domain";

/** The repository root, three folders above this file (apps/api/src). */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const flag = z
  .enum(["true", "false", "1", "0"])
  .default("false")
  .transform((value) => value === "true" || value === "1");

export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Absent: an SQLite file under the repository's `.data/`; `postgres://...` to scale out. */
  DATABASE_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().min(1).optional(),
  ),
  RULES_DIR: z.string().min(1).default(`${REPO_ROOT}rules`),
  WEB_DIST: z.string().min(1).default(`${REPO_ROOT}apps/web/dist`),
  /** Comma-separated origins allowed by CORS (the web app's dev server by default). */
  CORS_ORIGIN: z
    .string()
    .default("http://localhost:5173")
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim())
        .filter((o) => o !== ""),
    ),
  /** Largest accepted request body in bytes (256 KiB). */
  BODY_LIMIT: positiveInt(256 * 1024),
  /** Requests per minute per client address (token bucket refill). */
  RATE_LIMIT_PER_MINUTE: positiveInt(600),
  /** Requests per minute per API key or assessment token. */
  RATE_LIMIT_KEY_PER_MINUTE: positiveInt(1200),
  /** Largest burst a bucket allows. */
  RATE_LIMIT_BURST: positiveInt(120),
  /**
   * Absent: rate limits are kept in each process's memory. `redis://host:6379` (or `rediss://`):
   * kept in Redis, so they hold in total across every API process; if Redis stops answering, each
   * process falls back to its own limits until it answers again.
   */
  REDIS_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .regex(/^rediss?:\/\/\S+$/, { message: "must be a redis:// or rediss:// url" })
      .optional(),
  ),
  /** Take the client address from X-Forwarded-For (only behind a trusted load balancer). */
  TRUST_PROXY: flag,
  /** How often each process checks the shared rulebook version and revocation counter. */
  STATE_POLL_MS: positiveInt(1500),
  /**
   * How often each process checks that stored verdicts are at the rulebook version it serves and
   * today's date, recomputing the stale ones in the background (several processes share the work).
   */
  VERDICT_REFRESH_MS: positiveInt(10_000),
  /** Assessments per batch of that recompute (one transaction each). */
  VERDICT_BATCH_SIZE: positiveInt(250),
  /** How long a verified key is trusted without asking the database (revocations clear it at once). */
  KEY_CACHE_MS: z.coerce.number().int().min(0).default(60_000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});
export type Env = z.infer<typeof EnvSchema>;

/**
 * Reads and validates the environment; throws one error listing every bad variable.
 *
 * @example
 * const env = loadEnv(process.env);
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  throw new Error(`invalid environment:\n${formatIssues(issuesFromZod(result.error), "  ")}`, {
    cause: result.error,
  });
}
