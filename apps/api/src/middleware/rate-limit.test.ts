import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { ApiError } from "../problems/api-error.ts";
import { MemoryRateLimits, rateLimit, TokenBuckets } from "./rate-limit.ts";

describe("TokenBuckets", () => {
  it("allows a burst, then asks to wait until a token is refilled", () => {
    let now = 0;
    const buckets = new TokenBuckets({ perMinute: 60, burst: 3, now: () => now });
    expect([buckets.take("a"), buckets.take("a"), buckets.take("a")]).toEqual([0, 0, 0]);
    expect(buckets.take("a")).toBe(1);
    now += 1000;
    expect(buckets.take("a")).toBe(0);
  });

  it("keeps separate buckets per key", () => {
    const buckets = new TokenBuckets({ perMinute: 1, burst: 1, now: () => 0 });
    expect(buckets.take("a")).toBe(0);
    expect(buckets.take("b")).toBe(0);
    expect(buckets.take("a")).toBeGreaterThan(0);
  });

  it("reports the wait in whole seconds from the refill rate", () => {
    const buckets = new TokenBuckets({ perMinute: 6, burst: 1, now: () => 0 });
    buckets.take("a");
    // 6 per minute = one token every 10 s.
    expect(buckets.take("a")).toBe(10);
  });

  it("drops the least recently used buckets beyond the cap", () => {
    const buckets = new TokenBuckets({ perMinute: 60, burst: 1, maxBuckets: 2, now: () => 0 });
    buckets.take("a");
    buckets.take("b");
    buckets.take("c");
    expect(buckets.size).toBe(2);
    // "a" was evicted, so it starts with a full bucket again.
    expect(buckets.take("a")).toBe(0);
  });
});

describe("rateLimit middleware", () => {
  it("counts per forwarded address behind a trusted proxy, using the address the proxy saw", async () => {
    const app = new Hono();
    app.onError((error, c) =>
      c.text(
        error instanceof ApiError ? error.code : "other",
        error instanceof ApiError ? error.status : 500,
      ),
    );
    app.use(
      rateLimit({
        store: new MemoryRateLimits({
          address: { perMinute: 1, burst: 1 },
          credential: { perMinute: 1, burst: 1 },
        }),
        trustProxy: true,
      }),
    );
    app.get("/", (c) => c.text("ok"));
    const from = (chain: string) => app.request("/", { headers: { "x-forwarded-for": chain } });
    expect((await from("10.0.0.1")).status).toBe(200);
    // A forged first entry does not buy a new bucket: the proxy-seen address is the same.
    expect((await from("1.2.3.4, 10.0.0.1")).status).toBe(429);
    expect((await from("10.0.0.2")).status).toBe(200);
  });
});
