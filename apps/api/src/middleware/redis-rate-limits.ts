/**
 * @module
 * Rate limits kept in Redis (issue 15 item 8), so that they hold in total across every API
 * process behind one address. Each bucket is a token bucket (the same algorithm as the memory
 * store: `perMinute` tokens refilled continuously up to `burst`) in one Redis hash; one Lua
 * script takes a token from every bucket of a request atomically, on Redis's own clock (TIME), so
 * processes with skewed clocks agree. Keys expire once a bucket would be full again.
 *
 * If Redis stops answering, the API keeps serving: requests fall back to this process's memory
 * buckets (fail open to per-process limits), Redis is tried again at most once a second, and the
 * outage is logged once when it starts and once when it ends, never per request.
 */
import { Redis } from "ioredis";
import type { Logger } from "../logger.ts";
import {
  MemoryRateLimits,
  type BucketName,
  type RateLimits,
  type RateLimitStore,
} from "./rate-limit.ts";

/**
 * KEYS: the buckets; ARGV: per bucket its burst, tokens per millisecond and time to live (ms).
 * Returns the longest wait in milliseconds, 0 when every bucket had a token.
 */
const TAKE_TOKENS = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local longest = 0
for i, key in ipairs(KEYS) do
  local burst = tonumber(ARGV[i * 3 - 2])
  local rate = tonumber(ARGV[i * 3 - 1])
  local ttl = tonumber(ARGV[i * 3])
  local state = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(state[1]) or burst
  local at = tonumber(state[2]) or now
  tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
  if tokens >= 1 then
    tokens = tokens - 1
  else
    longest = math.max(longest, (1 - tokens) / rate)
  end
  redis.call('HSET', key, 'tokens', tostring(tokens), 'at', tostring(now))
  redis.call('PEXPIRE', key, ttl)
end
return math.ceil(longest)
`;

/** While Redis is away, how often a request tries it again instead of going to memory. */
const RETRY_MS = 1_000;

interface TakeTokens {
  takeTokens(...args: (string | number)[]): Promise<number>;
}

export interface RedisRateLimitOptions {
  url: string;
  limits: RateLimits;
  logger: Logger;
  /** Prefix of every key; tests use their own. */
  prefix?: string;
  /** Longest wait for one Redis answer before falling back; default 250 ms. */
  timeoutMs?: number;
}

export class RedisRateLimits implements RateLimitStore {
  readonly #redis: Redis & TakeTokens;
  readonly #fallback: MemoryRateLimits;
  readonly #options: RedisRateLimitOptions;
  #state: "starting" | "up" | "down" = "starting";
  #retryAt = 0;

  constructor(options: RedisRateLimitOptions) {
    this.#options = options;
    this.#fallback = new MemoryRateLimits(options.limits);
    const timeout = options.timeoutMs ?? 250;
    this.#redis = new Redis(options.url, {
      // A command waits for the connection at most `timeout` ms and is never retried: the
      // request falls back to memory instead of waiting on Redis.
      maxRetriesPerRequest: 0,
      commandTimeout: timeout,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    }) as Redis & TakeTokens;
    this.#redis.defineCommand("takeTokens", { lua: TAKE_TOKENS });
    // Connection errors repeat on every reconnection attempt: they only move the state.
    this.#redis.on("error", (error: Error) => this.#down(error));
    this.#redis.on("ready", () => this.#up());
  }

  async take(keys: Partial<Record<BucketName, string>>): Promise<number> {
    const named = (Object.entries(keys) as [BucketName, string | undefined][]).filter(
      (entry): entry is [BucketName, string] => entry[1] !== undefined,
    );
    if (named.length === 0) return 0;
    if (this.#state === "down" && Date.now() < this.#retryAt) return this.#fallback.take(keys);
    const args: (string | number)[] = [named.length];
    for (const [name] of named) args.push(this.#key(name, keys[name]!));
    for (const [name] of named) {
      const { perMinute, burst } = this.#options.limits[name];
      const perMs = perMinute / 60_000;
      args.push(burst, perMs, Math.ceil(burst / perMs) + 1_000);
    }
    try {
      const waitMs = Number(await this.#redis.takeTokens(...args));
      this.#up();
      return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
    } catch (error) {
      this.#down(error);
      return this.#fallback.take(keys);
    }
  }

  async close(): Promise<void> {
    this.#redis.removeAllListeners("error");
    this.#redis.on("error", () => undefined);
    this.#redis.disconnect();
    await this.#fallback.close();
  }

  #key(name: BucketName, key: string): string {
    return `${this.#options.prefix ?? "klastry:rate:"}${name}:${key}`;
  }

  #up(): void {
    if (this.#state === "up") return;
    this.#options.logger.log("info", "rate limits: kept in Redis, shared by every API process", {
      ...(this.#state === "down" ? { recovered: true } : {}),
    });
    this.#state = "up";
  }

  #down(error: unknown): void {
    this.#retryAt = Date.now() + RETRY_MS;
    if (this.#state === "down") return;
    this.#state = "down";
    this.#options.logger.log(
      "warn",
      "rate limits: Redis is not answering; each process applies its own limits until it does",
      { error: error instanceof Error ? error.message : String(error) },
    );
  }
}
