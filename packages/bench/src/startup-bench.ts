/**
 * @module
 * Start-up section of `npm run bench`: how long the server takes from process start until
 * `/api/v1/livez` answers, and its resident memory then, for the production build
 * (`node apps/api/dist/main.js`, what `npm start` runs) next to the TypeScript sources through
 * the tsx loader (what `npm start` ran before). Each run is a first start on a new SQLite file
 * (migrations and seeding included) and a restart on that file.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { removeWorkDir, startServer } from "@klastry/e2e/support";
import { rssMb } from "./api-bench.ts";
import { median } from "./measure.ts";

export type Runtime = "built" | "source";

export interface StartupFigures {
  /** Median milliseconds from spawning node until /livez answers 200. */
  firstStartMs: number;
  restartMs: number;
  /** Median resident memory (MiB) when /livez first answers. */
  rssMbAtReady: number;
}

export interface StartupReport {
  runs: number;
  built: StartupFigures;
  source: StartupFigures;
}

async function timedStart(runtime: Runtime, workDir: string) {
  const started = performance.now();
  const server = await startServer({
    runtime,
    workDir,
    readyPath: "/api/v1/livez",
    env: { LOG_LEVEL: "warn", DATABASE_URL: "" },
  });
  const ms = performance.now() - started;
  const rss = rssMb(server.child.pid!);
  await server.stop();
  return { ms, rss };
}

/** One first start on a new database and one restart on it. */
async function startTwice(runtime: Runtime) {
  const workDir = mkdtempSync(join(tmpdir(), "klastry-startup-"));
  try {
    const first = await timedStart(runtime, workDir);
    const restart = await timedStart(runtime, workDir);
    return { first, restart };
  } finally {
    removeWorkDir(workDir);
  }
}

function figures(samples: Awaited<ReturnType<typeof startTwice>>[]): StartupFigures {
  return {
    firstStartMs: Math.round(median(samples.map((s) => s.first.ms))),
    restartMs: Math.round(median(samples.map((s) => s.restart.ms))),
    rssMbAtReady:
      Math.round(median(samples.flatMap((s) => [s.first.rss, s.restart.rss])) * 10) / 10,
  };
}

/**
 * Starts each runtime `runs` times, alternating, so a change in the machine's load while the
 * bench runs affects both alike.
 */
export async function runStartupBench(options: { runs?: number } = {}): Promise<StartupReport> {
  const runs = options.runs ?? 3;
  // One unmeasured start of each: the file system cache then holds both, as in production.
  await startTwice("built");
  await startTwice("source");
  const built: Awaited<ReturnType<typeof startTwice>>[] = [];
  const source: Awaited<ReturnType<typeof startTwice>>[] = [];
  for (let run = 0; run < runs; run += 1) {
    built.push(await startTwice("built"));
    source.push(await startTwice("source"));
  }
  return { runs, built: figures(built), source: figures(source) };
}
