/**
 * @module
 * The rate-limit store the environment asks for: Redis when REDIS_URL is set (limits shared by
 * every process), else this process's memory.
 */
import type { Env } from "../env.ts";
import type { Logger } from "../logger.ts";
import { MemoryRateLimits, type RateLimits, type RateLimitStore } from "./rate-limit.ts";
import { RedisRateLimits } from "./redis-rate-limits.ts";

/** The limits RATE_LIMIT_* configure. */
export function rateLimitsOf(env: Env): RateLimits {
  return {
    address: { perMinute: env.RATE_LIMIT_PER_MINUTE, burst: env.RATE_LIMIT_BURST },
    credential: { perMinute: env.RATE_LIMIT_KEY_PER_MINUTE, burst: env.RATE_LIMIT_BURST },
  };
}

/**
 * @example
 * const store = openRateLimits(loadEnv({ REDIS_URL: "redis://127.0.0.1:6379" }), logger);
 * await store.close();
 */
export function openRateLimits(env: Env, logger: Logger): RateLimitStore {
  const limits = rateLimitsOf(env);
  return env.REDIS_URL === undefined
    ? new MemoryRateLimits(limits)
    : new RedisRateLimits({ url: env.REDIS_URL, limits, logger });
}
