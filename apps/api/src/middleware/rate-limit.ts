/**
 * @module
 * Rate limits per client address and per presented credential: one token bucket each, kept in a
 * store: this process's memory (`MemoryRateLimits`), or Redis when REDIS_URL is set, so that the
 * limits hold in total across processes (`redis-rate-limits.ts`). A request over the limit gets
 * 429 with Retry-After (RFC 9110 section 10.2.3) in whole seconds.
 */
import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { ApiError } from "../problems/api-error.ts";
import { clientAddress } from "./client-address.ts";

export interface BucketOptions {
  /** Tokens added per minute. */
  perMinute: number;
  /** Largest number of tokens a bucket holds. */
  burst: number;
  /** Most buckets kept; the fullest are dropped first when exceeded. */
  maxBuckets?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** A set of token buckets keyed by a string. */
export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;
  readonly #now: () => number;

  constructor(private readonly options: BucketOptions) {
    this.#perMs = options.perMinute / 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** Takes one token; answers 0 when allowed, else the seconds to wait. */
  take(key: string): number {
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.options.burst, updatedAt: now };
    bucket.tokens = Math.min(
      this.options.burst,
      bucket.tokens + (now - bucket.updatedAt) * this.#perMs,
    );
    bucket.updatedAt = now;
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    this.#evict();
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000));
  }

  get size(): number {
    return this.#buckets.size;
  }

  /** Maps keep insertion order and `take` re-inserts, so the first entries are the least recent. */
  #evict(): void {
    const max = this.options.maxBuckets ?? 100_000;
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size <= max) break;
      this.#buckets.delete(key);
    }
  }
}

/** The two buckets every request draws from. */
export type BucketName = "address" | "credential";

/** Where buckets are kept. */
export interface RateLimitStore {
  /** Takes one token from each named bucket; the seconds to wait before retrying, 0 when allowed. */
  take(keys: Partial<Record<BucketName, string>>): Promise<number>;
  close(): Promise<void>;
}

/** The limits of each bucket. */
export type RateLimits = Record<BucketName, BucketOptions>;

/** Buckets in this process's memory: each process allows the whole rate. */
export class MemoryRateLimits implements RateLimitStore {
  readonly #buckets: Record<BucketName, TokenBuckets>;

  constructor(limits: RateLimits) {
    this.#buckets = {
      address: new TokenBuckets(limits.address),
      credential: new TokenBuckets(limits.credential),
    };
  }

  take(keys: Partial<Record<BucketName, string>>): Promise<number> {
    let wait = 0;
    for (const [name, key] of Object.entries(keys) as [BucketName, string | undefined][]) {
      if (key !== undefined) wait = Math.max(wait, this.#buckets[name].take(key));
    }
    return Promise.resolve(wait);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

export interface RateLimitOptions {
  store: RateLimitStore;
  trustProxy: boolean;
}

/** The credential's digest, so no store ever holds a secret. */
function credentialKey(
  authorization: string | undefined,
  token: string | undefined,
): string | undefined {
  const secret = authorization ?? token;
  if (secret === undefined || secret === "") return undefined;
  return createHash("sha256").update(secret).digest("base64url");
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  return async (c, next) => {
    const credential = credentialKey(
      c.req.header("authorization"),
      c.req.header("x-assessment-token"),
    );
    const wait = await options.store.take({
      address: clientAddress(c, options.trustProxy),
      ...(credential === undefined ? {} : { credential }),
    });
    if (wait > 0) {
      throw new ApiError("RATE_LIMITED", `rate limit exceeded; retry in ${wait} s`, {
        headers: { "retry-after": String(wait) },
      });
    }
    await next();
  };
}
