/**
 * @module
 * Sections 3 and 5 of `npm run bench`: throughput and latency of `POST /api/v1/recommendations`
 * next to a trivial endpoint of the same server in the same run, measured with autocannon at 50
 * connections against the real server (the production build) in a separate process on loopback;
 * the recommendations again with `Accept-Encoding: br`, as a browser sends them; and the
 * server's resident memory after the load.
 */
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { startServer, type RunningServer } from "@klastry/e2e/support";
import { buildAssessment } from "@klastry/domain/testing";

export interface LoadResult {
  path: string;
  method: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

export interface ApiReport {
  connections: number;
  recommendations: LoadResult;
  /** The same requests from a client that accepts brotli (the answer is compressed per request). */
  recommendationsCompressed: LoadResult;
  trivial: LoadResult;
  /** recommendations / trivial throughput. */
  throughputRatio: number;
  memory: { rssMbAtStart: number; rssMbAfterLoad: number };
}

/** The trivial endpoint: a liveness answer that touches neither the database nor the rules. */
export const TRIVIAL_PATH = "/api/v1/livez";

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? "0");
  return Math.round((kb / 1024) * 10) / 10;
}

async function load(
  server: RunningServer,
  options: {
    path: string;
    method: "GET" | "POST";
    body?: string;
    seconds: number;
    connections: number;
    headers?: Record<string, string>;
  },
): Promise<LoadResult> {
  const result = await autocannon({
    url: `${server.url}${options.path}`,
    method: options.method,
    connections: options.connections,
    duration: options.seconds,
    headers: {
      ...(options.body !== undefined && { "content-type": "application/json" }),
      ...options.headers,
    },
    ...(options.body !== undefined && { body: options.body }),
  });
  return {
    path: options.path,
    method: options.method,
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** The real server for load: the product's rate limits would turn a load test into 429s. */
export function startBenchServer(): Promise<RunningServer> {
  return startServer({
    env: {
      RATE_LIMIT_PER_MINUTE: "100000000",
      RATE_LIMIT_KEY_PER_MINUTE: "100000000",
      RATE_LIMIT_BURST: "100000000",
      LOG_LEVEL: "warn",
    },
  });
}

export async function runApiBench(
  options: { seconds?: number; connections?: number } = {},
): Promise<ApiReport> {
  const seconds = options.seconds ?? 10;
  const connections = options.connections ?? 50;
  const server = await startBenchServer();
  try {
    const rssMbAtStart = rssMb(server.child.pid as number);
    const body = JSON.stringify(buildAssessment());
    // Warm-up, so both measurements see an optimised server.
    await load(server, {
      path: "/api/v1/recommendations?date=2026-11-29",
      method: "POST",
      body,
      seconds: 2,
      connections,
    });
    await load(server, { path: TRIVIAL_PATH, method: "GET", seconds: 2, connections });
    const recommendations = await load(server, {
      path: "/api/v1/recommendations?date=2026-11-29",
      method: "POST",
      body,
      seconds,
      connections,
    });
    const trivial = await load(server, { path: TRIVIAL_PATH, method: "GET", seconds, connections });
    const recommendationsCompressed = await load(server, {
      path: "/api/v1/recommendations?date=2026-11-29",
      method: "POST",
      body,
      seconds,
      connections,
      headers: { "accept-encoding": "br" },
    });
    return {
      connections,
      recommendations,
      recommendationsCompressed,
      trivial,
      throughputRatio: recommendations.requestsPerSecond / trivial.requestsPerSecond,
      memory: { rssMbAtStart, rssMbAfterLoad: rssMb(server.child.pid as number) },
    };
  } finally {
    await server.stop();
  }
}
