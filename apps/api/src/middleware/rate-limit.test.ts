import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./rate-limit.ts";

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
