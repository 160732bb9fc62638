/**
 * @module
 * Section 7 of `npm run bench` (issue 15 item 1): a made-up assessment token against the history
 * of a cluster with 1,000 assessments, on the real server in a separate process, on SQLite and
 * (when it answers) PostgreSQL. Reports the latency of one such request (one at a time, target
 * under 5 ms), then `/livez` latency with and without a flood of them from 10 connections (rate
 * limits lifted, so the flood is as heavy as the server allows). Before the fix each such request
 * loaded the whole history: 415 ms with 301 entries, and /livez waited seconds.
 */
import autocannon from "autocannon";
import { buildAssessment } from "@klastry/domain/testing";
import {
  createScratchDatabase,
  postgresPlan,
  startServer,
  type RunningServer,
} from "@klastry/e2e/support";

export interface Percentiles {
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface HistoryAttackRun {
  database: "sqlite" | "postgres";
  historyLength: number;
  /** One request at a time with the made-up token, timed by the client (fetch, keep-alive). */
  fakeToken: Percentiles & { requests: number; statuses: Record<string, number> };
  livezAlone: Percentiles & { requestsPerSecond: number };
  livezUnderAttack: Percentiles & { requestsPerSecond: number };
  attack: { connections: number; requestsPerSecond: number; p99Ms: number; non401: number };
}

export type HistoryAttackReport = HistoryAttackRun[];

const HISTORY_LENGTH = 1_000;
const MADE_UP_TOKEN = `kt_${"Q".repeat(43)}`;
const NO_LIMITS = {
  RATE_LIMIT_PER_MINUTE: "100000000",
  RATE_LIMIT_KEY_PER_MINUTE: "100000000",
  RATE_LIMIT_BURST: "100000000",
  LOG_LEVEL: "warn",
};

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    p50Ms: round(at(0.5)),
    p90Ms: round(at(0.9)),
    p99Ms: round(at(0.99)),
    maxMs: round(sorted.at(-1)!),
  };
}

/** Stores a cluster with `length` assessments through the API, its own token appending. */
async function buildHistory(server: RunningServer, length: number): Promise<string> {
  const post = async (headers: Record<string, string>, clusterId?: string) => {
    const res = await fetch(`${server.url}/api/v1/assessments`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({
        ...buildAssessment(),
        ...(clusterId === undefined ? {} : { clusterId }),
      }),
    });
    if (res.status !== 201)
      throw new Error(`storing an assessment answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { clusterId: string; accessToken: string };
  };
  const first = await post({});
  let stored = 1;
  const worker = async () => {
    while (stored < length) {
      stored += 1;
      await post({ "x-assessment-token": first.accessToken }, first.clusterId);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return first.clusterId;
}

async function livez(server: RunningServer, seconds: number) {
  const result = await autocannon({
    url: `${server.url}/api/v1/livez`,
    connections: 2,
    duration: seconds,
  });
  return {
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requestsPerSecond: Math.round(result.requests.average),
  };
}

async function runOne(
  database: "sqlite" | "postgres",
  env: Record<string, string>,
  log: (line: string) => void,
): Promise<HistoryAttackRun> {
  const server = await startServer({ env: { ...NO_LIMITS, ...env } });
  try {
    log(`history attack (${database}): storing ${HISTORY_LENGTH} assessments of one cluster`);
    const clusterId = await buildHistory(server, HISTORY_LENGTH);
    const path = `/api/v1/clusters/${clusterId}/assessments`;
    const times: number[] = [];
    const statuses: Record<string, number> = {};
    for (let i = 0; i < 1_100; i += 1) {
      const started = performance.now();
      const res = await fetch(`${server.url}${path}`, {
        headers: { "x-assessment-token": MADE_UP_TOKEN },
      });
      await res.arrayBuffer();
      // The first 100 warm the server up.
      if (i >= 100) times.push(performance.now() - started);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
    log(`history attack (${database}): /livez alone, then under a flood of made-up tokens`);
    const livezAlone = await livez(server, 5);
    const [flood, livezUnderAttack] = await Promise.all([
      autocannon({
        url: `${server.url}${path}`,
        connections: 10,
        duration: 10,
        headers: { "x-assessment-token": MADE_UP_TOKEN },
      }),
      livez(server, 10),
    ]);
    return {
      database,
      historyLength: HISTORY_LENGTH,
      fakeToken: { requests: times.length, statuses, ...percentiles(times) },
      livezAlone,
      livezUnderAttack,
      attack: {
        connections: 10,
        requestsPerSecond: Math.round(flood.requests.average),
        p99Ms: flood.latency.p99,
        non401: flood.requests.total - (flood.statusCodeStats?.["401"]?.count ?? 0),
      },
    };
  } finally {
    await server.stop();
  }
}

/**
 * @example
 * const report = await runHistoryAttackBench({ log: console.log });
 */
export async function runHistoryAttackBench(
  options: { log?: (line: string) => void } = {},
): Promise<HistoryAttackReport> {
  const log = options.log ?? (() => undefined);
  const runs = [await runOne("sqlite", { DATABASE_URL: "" }, log)];
  const postgres = await postgresPlan();
  if (postgres.run) {
    const database = await createScratchDatabase("bench_history");
    try {
      runs.push(await runOne("postgres", { DATABASE_URL: database.url }, log));
    } finally {
      await database.drop();
    }
  } else log(`history attack on PostgreSQL skipped: ${postgres.reason}`);
  return runs;
}

/** Lines for a terminal. */
export function formatHistoryAttackReport(report: HistoryAttackReport): string {
  return report
    .map((run) => {
      const f = run.fakeToken;
      return [
        `${run.database}: GET /clusters/{id}/assessments of a ${run.historyLength}-assessment cluster with a made-up token: p50 ${f.p50Ms} ms, p90 ${f.p90Ms} ms, p99 ${f.p99Ms} ms, max ${f.maxMs} ms over ${f.requests} requests (statuses ${JSON.stringify(f.statuses)}); under 5 ms: ${f.p50Ms < 5 ? "met" : "MISSED"} (p50)`,
        `  /livez alone: p50 ${run.livezAlone.p50Ms} ms, p99 ${run.livezAlone.p99Ms} ms; under ${run.attack.requestsPerSecond} made-up-token requests/s from ${run.attack.connections} connections (${run.attack.non401} not 401): p50 ${run.livezUnderAttack.p50Ms} ms, p99 ${run.livezUnderAttack.p99Ms} ms, max ${run.livezUnderAttack.maxMs} ms`,
      ].join("\n");
    })
    .join("\n");
}
