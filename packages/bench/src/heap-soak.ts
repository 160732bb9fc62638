/**
 * @module
 * The 10-minute heap soak (issue 15; a benchmark, not a test): does the server's memory stay
 * flat under steady mixed load? The real API runs in a child process (soak-server.ts) on its own
 * SQLite file, loaded by autocannon at a capped rate with every kind of request (evaluations,
 * stored assessments, regional JSON and CSV, catalogue searches, histories with real and made-up
 * tokens, over-limit bodies, unknown routes). Every 30 s the heap in use after a forced full GC
 * is sampled; the report gives the samples and their least-squares slope in MB per minute, over
 * all samples and after the first minute (warm-up: caches fill, code is optimised).
 * Run: `npm run soak` (10 minutes) or `npm run soak -- --minutes 2 --interval 15`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { assessment, createRegionKey } from "./soak.ts";

export interface HeapSample {
  atMinutes: number;
  heapUsedMb: number;
  rssMb: number;
}

export interface HeapSoakReport {
  minutes: number;
  intervalSeconds: number;
  requests: number;
  /** Connection errors and timeouts (4xx answers are part of the mix). */
  errors: number;
  /** 5xx answers: none expected. */
  serverErrors: number;
  samples: HeapSample[];
  /** Least-squares slope of heap used after GC, over every sample. */
  slopeMbPerMinute: number;
  /** The same after the first minute; null when fewer than three samples come after it. */
  slopeAfterWarmUpMbPerMinute: number | null;
  /** Requests per second actually served, reads and writes. */
  requestsPerSecond: { reads: number; writes: number };
}

const tsxLoader = fileURLToPath(import.meta.resolve("tsx"));
const serverScript = fileURLToPath(new URL("./soak-server.ts", import.meta.url));
const MB = 1024 * 1024;
const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

/** Least-squares slope of y over x. */
export function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((sum, p) => sum + p.x, 0) / n;
  const my = points.reduce((sum, p) => sum + p.y, 0) / n;
  const sxx = points.reduce((sum, p) => sum + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((sum, p) => sum + (p.x - mx) * (p.y - my), 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

interface SoakServer {
  url: string;
  heap(): Promise<{ heapUsed: number; rss: number }>;
  stop(): Promise<void>;
}

async function startSoakServer(workDir: string): Promise<SoakServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--expose-gc", "--import", tsxLoader, serverScript],
    {
      cwd: workDir,
      env: {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        DATABASE_URL: "",
        LOG_LEVEL: "info",
        RATE_LIMIT_PER_MINUTE: "100000000",
        RATE_LIMIT_KEY_PER_MINUTE: "100000000",
        RATE_LIMIT_BURST: "100000000",
        BODY_LIMIT: String(64 * 1024),
      },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    },
  );
  // Request logs go on as in production; read and dropped here.
  child.stdout?.resume();
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`soak server exited with ${code}:\n${stderr}`)));
    child.on("message", (message: { kind?: string; url?: string }) => {
      if (message.kind === "ready" && message.url) resolve(message.url);
    });
  });
  return {
    url,
    heap: () =>
      new Promise((resolve) => {
        const onMessage = (message: { kind?: string; heapUsed?: number; rss?: number }) => {
          if (message.kind !== "heap") return;
          child.off("message", onMessage);
          resolve({ heapUsed: message.heapUsed ?? 0, rss: message.rss ?? 0 });
        };
        child.on("message", onMessage);
        child.send("heap");
      }),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send("stop");
      await exited;
    },
  };
}

/**
 * Runs the soak and stops the server it started.
 *
 * @example
 * const report = await runHeapSoak({ minutes: 10 });
 * console.log(report.slopeAfterWarmUpMbPerMinute);
 */
export async function runHeapSoak(
  options: {
    minutes?: number;
    intervalSeconds?: number;
    ratePerSecond?: number;
    log?: (line: string) => void;
  } = {},
): Promise<HeapSoakReport> {
  const minutes = options.minutes ?? 10;
  const intervalSeconds = options.intervalSeconds ?? 30;
  const rate = options.ratePerSecond ?? 300;
  const log = options.log ?? (() => undefined);
  const workDir = mkdtempSync(join(tmpdir(), "klastry-heap-soak-"));
  const key = createRegionKey(workDir, "14");
  const server = await startSoakServer(workDir);
  try {
    const stored = (await (
      await fetch(`${server.url}/api/v1/assessments`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(assessment(0, "14")),
      })
    ).json()) as { clusterId: string; accessToken: string };
    for (let n = 1; n < 20; n += 1)
      await fetch(`${server.url}/api/v1/assessments`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(assessment(n, n % 3 === 0 ? "02" : "14")),
      });
    const json = { "content-type": "application/json" };
    const region = { authorization: `Bearer ${key}` };
    const gets = [
      ...["clusters", "recommendations", "needs", "coverage", "public-tasks"].map((what) => ({
        method: "GET" as const,
        path: `/api/v1/regions/14/${what}`,
        headers: region,
      })),
      {
        method: "GET" as const,
        path: "/api/v1/regions/14/clusters",
        headers: { ...region, accept: "text/csv" },
      },
      { method: "GET" as const, path: "/api/v1/instruments?q=klaster&pageSize=50" },
      { method: "GET" as const, path: "/api/v1/instruments?level=regional&region=14" },
      { method: "GET" as const, path: "/api/v1/vocabulary" },
      {
        method: "GET" as const,
        path: `/api/v1/clusters/${stored.clusterId}/assessments?pageSize=20`,
        headers: { "x-assessment-token": stored.accessToken },
      },
      {
        method: "GET" as const,
        path: `/api/v1/clusters/${stored.clusterId}/assessments`,
        headers: { "x-assessment-token": `kt_${"Q".repeat(43)}` },
      },
      { method: "GET" as const, path: "/api/v1/no-such-route" },
      { method: "GET" as const, path: "/api/v1/livez" },
    ];
    let sequence = 0;
    const posts = [
      {
        method: "POST" as const,
        path: "/api/v1/recommendations",
        headers: json,
        body: JSON.stringify(assessment(99, "14")),
      },
      {
        method: "POST" as const,
        path: "/api/v1/assessments",
        headers: json,
        // A new cluster each time: the database grows, the heap must not. Outside region 14,
        // so the regional reads above keep a steady cost and the load a steady rate.
        setupRequest: (request: autocannon.Request) => ({
          ...request,
          body: JSON.stringify(
            assessment(100 + (sequence += 1), ["24", "02", "12"][sequence % 3]!),
          ),
        }),
      },
      {
        method: "POST" as const,
        path: "/api/v1/recommendations",
        headers: json,
        body: `{"cluster":{"name":"${"x".repeat(80 * 1024)}"}}`,
      },
      {
        method: "POST" as const,
        path: "/api/v1/recommendations",
        headers: json,
        body: '{"cluster": {',
      },
    ];
    const warm = await server.heap();
    const samples: HeapSample[] = [
      { atMinutes: 0, heapUsedMb: round(warm.heapUsed / MB), rssMb: round(warm.rss / MB) },
    ];
    log(
      `heap soak: ${minutes} min at about ${rate} requests/s against ${server.url}; heap after GC ${samples[0]!.heapUsedMb} MB`,
    );
    const started = Date.now();
    let sampling = false;
    const sampler = setInterval(() => {
      if (sampling) return;
      sampling = true;
      void server.heap().then((heap) => {
        const sample = {
          atMinutes: round((Date.now() - started) / 60_000),
          heapUsedMb: round(heap.heapUsed / MB),
          rssMb: round(heap.rss / MB),
        };
        samples.push(sample);
        log(
          `  ${sample.atMinutes.toFixed(1)} min: heap after GC ${sample.heapUsedMb} MB, RSS ${sample.rssMb} MB`,
        );
        sampling = false;
      });
    }, intervalSeconds * 1000);
    const duration = minutes * 60;
    const [reads, writes] = await Promise.all([
      autocannon({
        url: server.url,
        connections: 6,
        duration,
        overallRate: Math.round(rate * 0.7),
        requests: gets,
      }),
      autocannon({
        url: server.url,
        connections: 4,
        duration,
        overallRate: Math.round(rate * 0.3),
        requests: posts,
      }),
    ]);
    clearInterval(sampler);
    while (sampling) await new Promise((resolve) => setTimeout(resolve, 50));
    const last = await server.heap();
    samples.push({
      atMinutes: round((Date.now() - started) / 60_000),
      heapUsedMb: round(last.heapUsed / MB),
      rssMb: round(last.rss / MB),
    });
    const points = samples.map((s) => ({ x: s.atMinutes, y: s.heapUsedMb }));
    const afterWarmUp = points.filter((p) => p.x >= 1);
    return {
      minutes,
      intervalSeconds,
      requests: reads.requests.total + writes.requests.total,
      errors: reads.errors + reads.timeouts + writes.errors + writes.timeouts,
      serverErrors: reads["5xx"] + writes["5xx"],
      samples,
      slopeMbPerMinute: round(slope(points), 3),
      slopeAfterWarmUpMbPerMinute: afterWarmUp.length >= 3 ? round(slope(afterWarmUp), 3) : null,
      requestsPerSecond: {
        reads: Math.round(reads.requests.total / duration),
        writes: Math.round(writes.requests.total / duration),
      },
    };
  } finally {
    await server.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Lines for a terminal. */
export function formatHeapSoakReport(report: HeapSoakReport): string {
  return [
    `${report.requests} requests in ${report.minutes} min (${report.requestsPerSecond.reads} reads/s, ${report.requestsPerSecond.writes} writes/s), ${report.errors} connection errors or timeouts, ${report.serverErrors} answers 5xx`,
    `heap after GC (MB) every ${report.intervalSeconds} s: ${report.samples.map((s) => `${s.atMinutes}:${s.heapUsedMb}`).join(" ")}`,
    `slope ${report.slopeMbPerMinute} MB/min over all samples, ${report.slopeAfterWarmUpMbPerMinute ?? "(too few samples)"} MB/min after the first minute`,
  ].join("\n");
}

function argument(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : undefined;
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const minutes = argument("minutes");
  const intervalSeconds = argument("interval");
  const ratePerSecond = argument("rate");
  const report = await runHeapSoak({
    ...(minutes === undefined ? {} : { minutes }),
    ...(intervalSeconds === undefined ? {} : { intervalSeconds }),
    ...(ratePerSecond === undefined ? {} : { ratePerSecond }),
    log: (line) => console.log(line),
  });
  console.log(formatHeapSoakReport(report));
  console.log(JSON.stringify(report));
  if (report.serverErrors > 0) process.exitCode = 1;
}
