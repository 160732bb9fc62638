/**
 * Rate limits shared across processes (issue 15 item 8), with real API processes: two of them
 * behind one address, with REDIS_URL pointing at the Redis on 127.0.0.1:6379, allow the burst
 * once in total (without Redis, the control, each allows it: twice in total); and when Redis goes
 * away the API keeps serving, logs the outage once, and shares limits again when Redis is back.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWithRedis, REDIS_TEST_URL } from "@klastry/api/testing";
import { privateRedis, redisServerInstalled, type PrivateRedis } from "../support/redis-server.ts";
import { removeWorkDir, startServer, type RunningServer } from "../support/server.ts";

const BURST = 10;
const servers: RunningServer[] = [];

/** Burst of BURST, refilled one a minute: nothing refills while a test runs. */
function limitedEnv(extra: Record<string, string>): Record<string, string> {
  return {
    RATE_LIMIT_BURST: String(BURST),
    RATE_LIMIT_PER_MINUTE: "1",
    RATE_LIMIT_KEY_PER_MINUTE: "1",
    TRUST_PROXY: "true",
    ...extra,
  };
}

async function start(env: Record<string, string>): Promise<RunningServer> {
  const server = await startServer({ env });
  servers.push(server);
  return server;
}

afterAll(async () => {
  for (const server of servers.splice(0)) {
    await server.stop();
    removeWorkDir(server.workDir);
  }
});

/** Requests alternating between `pair`, all from one address (and one credential, if given). */
async function statuses(pair: RunningServer[], count: number, headers: Record<string, string>) {
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const res = await fetch(`${pair[i % pair.length]!.url}/api/v1/vocabulary`, { headers });
    await res.arrayBuffer();
    out.push(res.status);
  }
  return out;
}

const address = () => `2001:db8::${randomBytes(4).toString("hex")}`;
const served = (list: number[]) => list.filter((status) => status === 200).length;

await describeWithRedis("rate limits shared through Redis by two API processes", () => {
  let pair: RunningServer[];
  let control: RunningServer[];
  beforeAll(async () => {
    pair = [
      await start(limitedEnv({ REDIS_URL: REDIS_TEST_URL })),
      await start(limitedEnv({ REDIS_URL: REDIS_TEST_URL })),
    ];
    control = [await start(limitedEnv({})), await start(limitedEnv({}))];
  });

  it("holds the per-address limit in total across both processes", async () => {
    const answers = await statuses(pair, 3 * BURST, { "x-forwarded-for": address() });
    expect(served(answers)).toBe(BURST);
    expect(answers.slice(BURST).every((status) => status === 429)).toBe(true);
  });

  it("holds the per-credential limit in total across both processes and addresses", async () => {
    const credential = `Bearer kl_${randomBytes(32).toString("base64url")}`;
    const answers: number[] = [];
    for (let i = 0; i < 3 * BURST; i += 1)
      answers.push(
        ...(await statuses([pair[i % 2]!], 1, {
          authorization: credential,
          "x-forwarded-for": address(),
        })),
      );
    // The key is unknown, so the allowed requests of a protected route would be 401; the public
    // vocabulary answers 200 while the credential's bucket has tokens.
    expect(served(answers)).toBe(BURST);
  });

  it("(control) without Redis, each process allows the burst: twice in total", async () => {
    const answers = await statuses(control, 3 * BURST, { "x-forwarded-for": address() });
    expect(served(answers)).toBe(2 * BURST);
  });
});

describe.runIf(redisServerInstalled() || process.env.CI === "true")(
  "an API process whose Redis goes away and comes back",
  () => {
    let redis: PrivateRedis;
    let server: RunningServer;
    beforeAll(async () => {
      if (!redisServerInstalled()) throw new Error("redis-server is not installed (see .ci/run)");
      redis = await privateRedis();
      await redis.start();
      server = await start({
        REDIS_URL: redis.url,
        RATE_LIMIT_BURST: "100000",
        RATE_LIMIT_PER_MINUTE: "1000000",
      });
    });
    afterAll(async () => redis?.kill());

    const outages = () => server.logs().match(/Redis is not answering/g)?.length ?? 0;
    const recoveries = () => server.logs().match(/"recovered":true/g)?.length ?? 0;

    it("keeps serving through the outage, logs it once, and logs the return once", async () => {
      expect(served(await statuses([server], 5, {}))).toBe(5);
      expect(server.logs()).toContain("rate limits: kept in Redis");
      await redis.kill();
      const during = await statuses([server], 60, {});
      expect(during.every((status) => status === 200)).toBe(true);
      expect(outages()).toBe(1);
      await redis.start();
      // The client reconnects on its own (within about two seconds); requests go on meanwhile.
      await expect
        .poll(async () => (await statuses([server], 1, {}), recoveries()), {
          timeout: 15_000,
          interval: 250,
        })
        .toBe(1);
      expect(outages()).toBe(1);
      expect(served(await statuses([server], 20, {}))).toBe(20);
      // A second outage is a second line, not one per request.
      await redis.kill();
      await statuses([server], 30, {});
      expect(outages()).toBe(2);
      expect(server.child.exitCode).toBeNull();
    });
  },
);
