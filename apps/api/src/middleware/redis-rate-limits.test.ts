/**
 * Rate limits in Redis (issue 15 item 8), against the Redis on 127.0.0.1:6379: two stores on
 * two connections, as two API processes, share every bucket; without Redis the store falls back
 * to this process's limits and logs the outage once.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { afterEach, expect, it } from "vitest";
import { createLogger } from "../logger.ts";
import { describeWithRedis, REDIS_TEST_URL } from "../testing/redis.ts";
import type { RateLimits } from "./rate-limit.ts";
import { RedisRateLimits } from "./redis-rate-limits.ts";

/** Five tokens, refilled one a minute: nothing refills while a test runs. */
const LIMITS: RateLimits = {
  address: { perMinute: 1, burst: 5 },
  credential: { perMinute: 1, burst: 5 },
};

const opened: RedisRateLimits[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

function open(
  options: { url?: string; limits?: RateLimits; prefix?: string; logs?: string[] } = {},
) {
  const store = new RedisRateLimits({
    url: options.url ?? REDIS_TEST_URL,
    limits: options.limits ?? LIMITS,
    prefix: options.prefix ?? `klastry-test:${randomBytes(6).toString("hex")}:`,
    logger: createLogger({ level: "debug", write: (line) => options.logs?.push(line) }),
  });
  opened.push(store);
  return store;
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

await describeWithRedis("RedisRateLimits", () => {
  it("shares each bucket between two stores on two connections: the burst holds in total", async () => {
    const prefix = `klastry-test:${randomBytes(6).toString("hex")}:`;
    const first = open({ prefix });
    const second = open({ prefix });
    const waits: number[] = [];
    for (let i = 0; i < 12; i += 1)
      waits.push(await (i % 2 === 0 ? first : second).take({ address: "203.0.113.9" }));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(5);
    expect(waits.slice(5).every((wait) => wait >= 1)).toBe(true);
    // Another address has buckets of its own.
    expect(await second.take({ address: "203.0.113.10" })).toBe(0);
  });

  it("takes from the address and the credential bucket at once, refusing when either is empty", async () => {
    const store = open();
    for (let i = 0; i < 5; i += 1)
      expect(await store.take({ address: `198.51.100.${i}`, credential: "key-digest" })).toBe(0);
    // A fresh address, but the credential's bucket is empty.
    expect(await store.take({ address: "198.51.100.99", credential: "key-digest" })).toBe(60);
  });

  it("asks to wait the whole seconds the refill rate needs, and refills", async () => {
    const store = open({
      limits: { address: { perMinute: 6, burst: 1 }, credential: { perMinute: 6, burst: 1 } },
    });
    expect(await store.take({ address: "a" })).toBe(0);
    // 6 a minute: one token every 10 s.
    expect(await store.take({ address: "a" })).toBe(10);
    const quick = open({
      limits: {
        address: { perMinute: 600_000, burst: 1 },
        credential: { perMinute: 600_000, burst: 1 },
      },
    });
    expect(await quick.take({ address: "b" })).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await quick.take({ address: "b" })).toBe(0);
  });

  it("keeps serving without Redis: falls back to this process's limits and logs the outage once", async () => {
    const logs: string[] = [];
    const store = open({ url: `redis://127.0.0.1:${await closedPort()}`, logs });
    const waits: number[] = [];
    for (let i = 0; i < 40; i += 1) waits.push(await store.take({ address: "192.0.2.1" }));
    // The memory buckets apply meanwhile: the same burst of 5, per process.
    expect(waits.filter((wait) => wait === 0)).toHaveLength(5);
    const outages = logs.filter((line) => line.includes("Redis is not answering"));
    expect(outages).toHaveLength(1);
    expect(JSON.parse(outages[0]!)).toMatchObject({ level: "warn" });
  });
});
