/**
 * @module
 * Rate limits per client address and per presented credential: one token bucket each, in memory
 * per process (several processes each allow the rate; a shared store is future work). A request
 * over the limit gets 429 with Retry-After (RFC 9110 section 10.2.3) in whole seconds.
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

export interface RateLimitOptions {
  perAddress: BucketOptions;
  perCredential: BucketOptions;
  trustProxy: boolean;
}

/** The credential's digest, so the bucket map never holds a secret. */
function credentialKey(
  authorization: string | undefined,
  token: string | undefined,
): string | undefined {
  const secret = authorization ?? token;
  if (secret === undefined || secret === "") return undefined;
  return createHash("sha256").update(secret).digest("base64url");
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const byAddress = new TokenBuckets(options.perAddress);
  const byCredential = new TokenBuckets(options.perCredential);
  return async (c, next) => {
    const credential = credentialKey(
      c.req.header("authorization"),
      c.req.header("x-assessment-token"),
    );
    const waits = [byAddress.take(clientAddress(c, options.trustProxy))];
    if (credential !== undefined) waits.push(byCredential.take(credential));
    const wait = Math.max(...waits);
    if (wait > 0) {
      throw new ApiError("RATE_LIMITED", `rate limit exceeded; retry in ${wait} s`, {
        headers: { "retry-after": String(wait) },
      });
    }
    await next();
  };
}
