/**
 * @module
 * Load soak (issue 7 item 6, a benchmark, not a test): the real server as a separate child
 * process (the production build, as `npm start` runs it) with its own SQLite file, driven by
 * autocannon for 60 s at 50 connections (half on POST /api/v1/recommendations, half cycling the
 * five regional routes with a region key). Reports requests, errors (connection errors, timeouts,
 * non-2xx), latency percentiles, throughput, and the server's RSS sampled every second.
 * Run alone: `node --import tsx packages/bench/src/soak.ts [--duration 60] [--connections 50]
 * [--heap-limit-mb 96]`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { REGION_CODES } from "@klastry/domain";
import { startServer } from "@klastry/e2e/support";
import { rssMb } from "./api-bench.ts";

export interface SoakOptions {
  /** Seconds of load; default 60. */
  durationSeconds?: number;
  /** Concurrent connections in all; default 50. */
  connections?: number;
  /**
   * Old-space limit of the server's heap in MiB (`--max-old-space-size`); default none, as
   * `npm start`. With a large default limit V8 grows the heap before collecting, so RSS climbs
   * without a leak; a bounded run tells the two apart.
   */
  heapLimitMb?: number;
  /** Progress lines; default none. */
  log?: (line: string) => void;
}

export interface RouteSoakReport {
  name: string;
  connections: number;
  requests: number;
  /** Connection errors + timeouts + non-2xx answers. */
  errors: number;
  non2xx: number;
  timeouts: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  requestsPerSecond: number;
  bytesPerSecond: number;
}

export interface SoakReport {
  durationSeconds: number;
  connections: number;
  /** The server's old-space limit, when one was set. */
  heapLimitMb: number | null;
  routes: RouteSoakReport[];
  totals: { requests: number; errors: number; requestsPerSecond: number };
  /** Server RSS in MiB, sampled every second. */
  memory: {
    startMb: number;
    afterWarmUpMb: number;
    endMb: number;
    maxMb: number;
    samples: number;
    flat: boolean;
  };
}

interface AutocannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
  latency: { p50: number; p90: number; p99: number; max: number };
  requests: { total: number; average: number };
  throughput: { average: number };
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const tsxLoader = fileURLToPath(import.meta.resolve("tsx"));
// autocannon ships no type declarations; its promise API is typed above.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;
/** "Memory flat": the end within this share of the level after warm-up. */
const FLAT_TOLERANCE = 0.2;

/** Creates a region key with the CLI core, in the work dir's database, before the server opens it. */
export function createRegionKey(workDir: string, region: string): string {
  const output = execFileSync(
    process.execPath,
    [
      "--import",
      tsxLoader,
      join(repoRoot, "apps/api/src/cli/keys.ts"),
      "create",
      "--role",
      `region:${region}`,
      "--label",
      "soak",
    ],
    {
      cwd: workDir,
      env: { ...process.env, DATABASE_URL: "" },
      encoding: "utf8",
    },
  );
  const secret = /^kl_\S+$/m.exec(output)?.[0];
  if (secret === undefined) throw new Error(`keys create printed no secret:\n${output}`);
  return secret;
}

/** A valid, fully answered assessment of a fictional cluster in `region`. */
export function assessment(n: number, region: string) {
  return {
    cluster: {
      name: `Klaster Obciążeniowy ${n} (fikcyjny)`,
      region,
      sectors: ["automotive"],
      smartSpecialisations: [],
      foundedYear: 2010,
      eccpListed: n % 2 === 0,
    },
    profile: {
      members: { sme: 20 + n, large_enterprise: 2, research_organisation: 1 },
      employees: 1000 + n,
      maturityStage: "growth",
      exportingSharePercent: 30,
      hasStrategy: true,
    },
    needs: [
      { actor: "coordinator", function: "cluster_management", priority: 1 },
      { actor: "sme", function: "internationalisation", priority: 2 },
    ],
    publicTasks: [{ task: "export_promotion", readiness: "ready" }],
    ownContribution: { maxSharePercent: 30 },
  };
}

function routeReport(
  name: string,
  connections: number,
  result: AutocannonResult,
  seconds: number,
): RouteSoakReport {
  return {
    name,
    connections,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    requestsPerSecond: Math.round(result.requests.total / seconds),
    bytesPerSecond: Math.round(result.throughput.average),
  };
}

/**
 * Runs the soak and stops the server it started.
 *
 * @example
 * const report = await runSoak({ durationSeconds: 10 });
 * console.log(report.totals.errors, report.memory.flat);
 */
export async function runSoak(options: SoakOptions = {}): Promise<SoakReport> {
  const durationSeconds = options.durationSeconds ?? 60;
  const connections = options.connections ?? 50;
  const log = options.log ?? (() => undefined);
  const region = "14";
  const workDir = mkdtempSync(join(tmpdir(), "klastry-soak-"));
  const key = createRegionKey(workDir, region);
  // Request logs stay on (as in production); rate limits are lifted, since 50 connections from
  // one address are the load, not an abuse.
  const { url, child, stop } = await startServer({
    workDir,
    nodeArgs:
      options.heapLimitMb === undefined ? [] : [`--max-old-space-size=${options.heapLimitMb}`],
    env: {
      DATABASE_URL: "",
      LOG_LEVEL: "info",
      RATE_LIMIT_PER_MINUTE: "100000000",
      RATE_LIMIT_KEY_PER_MINUTE: "100000000",
      RATE_LIMIT_BURST: "100000000",
    },
  });
  try {
    for (let n = 0; n < 20; n += 1) {
      const res = await fetch(`${url}/api/v1/assessments`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(assessment(n, n % 4 === 0 ? REGION_CODES[n % 16]! : region)),
      });
      if (res.status !== 201)
        throw new Error(`seeding an assessment answered ${res.status}: ${await res.text()}`);
    }
    log(
      `soak: ${durationSeconds} s at ${connections} connections against ${url} (server pid ${child.pid})`,
    );
    const samples: number[] = [rssMb(child.pid!)];
    const sampler = setInterval(() => samples.push(rssMb(child.pid!)), 1000);
    const evaluating = Math.ceil(connections / 2);
    const regional = Math.max(1, connections - evaluating);
    const [evaluate, regions] = await Promise.all([
      autocannon({
        url: `${url}/api/v1/recommendations`,
        connections: evaluating,
        duration: durationSeconds,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(assessment(99, region)),
      }),
      autocannon({
        url,
        connections: regional,
        duration: durationSeconds,
        headers: { authorization: `Bearer ${key}` },
        requests: ["clusters", "recommendations", "needs", "coverage", "public-tasks"].map(
          (what) => ({ method: "GET", path: `/api/v1/regions/${region}/${what}` }),
        ),
      }),
    ]);
    clearInterval(sampler);
    samples.push(rssMb(child.pid!));
    const routes = [
      routeReport("POST /api/v1/recommendations", evaluating, evaluate, durationSeconds),
      routeReport(
        `GET /api/v1/regions/${region}/{clusters,recommendations,needs,coverage,public-tasks}`,
        regional,
        regions,
        durationSeconds,
      ),
    ];
    const warmUpIndex = Math.min(samples.length - 1, Math.max(2, Math.round(durationSeconds / 6)));
    const afterWarmUpMb = samples[warmUpIndex]!;
    const endMb = samples[samples.length - 1]!;
    const requests = routes.reduce((sum, route) => sum + route.requests, 0);
    return {
      durationSeconds,
      connections,
      heapLimitMb: options.heapLimitMb ?? null,
      routes,
      totals: {
        requests,
        errors: routes.reduce((sum, route) => sum + route.errors, 0),
        requestsPerSecond: Math.round(requests / durationSeconds),
      },
      memory: {
        startMb: samples[0]!,
        afterWarmUpMb,
        endMb,
        maxMb: Math.max(...samples),
        samples: samples.length,
        flat: Math.abs(endMb - afterWarmUpMb) <= afterWarmUpMb * FLAT_TOLERANCE,
      },
    };
  } finally {
    await stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** One line per route and the totals, for a terminal. */
export function formatSoakReport(report: SoakReport): string {
  const lines = report.routes.map(
    (r) =>
      `${r.name} (${r.connections} conn): ${r.requests} requests, ${r.errors} errors (${r.non2xx} non-2xx, ${r.timeouts} timeouts), ${r.requestsPerSecond} req/s, ${(r.bytesPerSecond / 1024).toFixed(0)} KiB/s, latency p50 ${r.latencyMs.p50} ms p90 ${r.latencyMs.p90} ms p99 ${r.latencyMs.p99} ms max ${r.latencyMs.max} ms`,
  );
  const m = report.memory;
  lines.push(
    `total: ${report.totals.requests} requests in ${report.durationSeconds} s at ${report.connections} connections, ${report.totals.errors} errors, ${report.totals.requestsPerSecond} req/s`,
  );
  const heap =
    report.heapLimitMb === null ? "" : ` (old space limited to ${report.heapLimitMb} MiB)`;
  lines.push(
    `server RSS${heap}: start ${m.startMb} MiB, after warm-up ${m.afterWarmUpMb} MiB, end ${m.endMb} MiB, max ${m.maxMb} MiB (${m.samples} samples): ${m.flat ? "flat" : "NOT flat"}`,
  );
  return lines.join("\n");
}

function argument(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : undefined;
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const durationSeconds = argument("duration");
  const connections = argument("connections");
  const heapLimitMb = argument("heap-limit-mb");
  const report = await runSoak({
    ...(durationSeconds === undefined ? {} : { durationSeconds }),
    ...(connections === undefined ? {} : { connections }),
    ...(heapLimitMb === undefined ? {} : { heapLimitMb }),
    log: (line) => console.log(line),
  });
  console.log(formatSoakReport(report));
  console.log(JSON.stringify(report));
  if (report.totals.errors > 0) process.exitCode = 1;
}
