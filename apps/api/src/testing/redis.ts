/**
 * @module
 * The Redis that shared-rate-limit tests use (127.0.0.1:6379, or REDIS_URL_TEST), and the
 * decision to run, skip with a reason or fail when it is away, as for PostgreSQL: under CI=true
 * an unreachable Redis fails the run (`.ci/run` starts one), locally the suite is skipped.
 */
import { connect } from "node:net";
import { describe, it } from "vitest";

export const REDIS_TEST_URL = process.env.REDIS_URL_TEST ?? "redis://127.0.0.1:6379";
const underCi = process.env.CI === "true" || process.env.CI === "1";

/** Answers whether a Redis at `url` says PONG to PING within a second. */
export function redisAvailability(
  url: string = REDIS_TEST_URL,
): Promise<{ available: true } | { available: false; reason: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    let answer = "";
    const done = (result: { available: true } | { available: false; reason: string }) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(1000, () =>
      done({ available: false, reason: `no answer from ${url} in 1 s` }),
    );
    socket.on("error", (error) => done({ available: false, reason: `${url}: ${error.message}` }));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      if (answer.includes("\r\n"))
        done(
          answer.startsWith("+PONG")
            ? { available: true }
            : { available: false, reason: `${url} answered ${answer.trim()}` },
        );
    });
  });
}

/** A suite that needs Redis: skipped with the reason locally, failed under CI when it is away. */
export async function describeWithRedis(title: string, suite: () => void): Promise<void> {
  const availability = await redisAvailability();
  if (availability.available) describe(title, suite);
  else if (underCi)
    describe(title, () => {
      it("needs Redis", () => {
        throw new Error(`Redis is unreachable under CI: ${availability.reason}`);
      });
    });
  else
    describe.skip(`${title} (skipped: ${availability.reason})`, () => {
      it("needs Redis", () => undefined);
    });
}
