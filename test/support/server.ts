/**
 * @module
 * Starts the real product (the production build `apps/api/dist/main.js` under plain node, as
 * `npm start` does) as a child process on a free loopback port with its own database, and stops
 * it. Used by the end-to-end, crash and load tests; no part of the server is replaced.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const tsxLoader = fileURLToPath(import.meta.resolve("tsx"));
/** What `npm start` runs, built by `npm run build -w @klastry/api` (the e2e global setup does). */
export const builtMain = join(repoRoot, "apps/api/dist/main.js");
const sourceMain = join(repoRoot, "apps/api/src/main.ts");

export interface RunningServer {
  url: string;
  port: number;
  workDir: string;
  child: ChildProcessWithoutNullStreams;
  /** Everything the server printed, stdout and stderr, for log assertions. */
  logs: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export interface StartOptions {
  /** Reuse a work directory (and so its SQLite file), e.g. to restart after a crash. */
  workDir?: string;
  env?: Record<string, string>;
  port?: number;
  /** Extra flags for node itself, e.g. `--max-old-space-size=96`. */
  nodeArgs?: string[];
  /**
   * `built` (default): the production build; `source`: the TypeScript sources through the tsx
   * loader, as `npm start` ran before the build existed (the benchmark compares the two).
   */
  runtime?: "built" | "source";
  /** The path polled until it answers 200; `/api/v1/health` (database and rulebook ready). */
  readyPath?: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the server and resolves once `/api/v1/health` (or `readyPath`) answers 200. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const runtime = options.runtime ?? "built";
  if (runtime === "built" && !existsSync(builtMain))
    throw new Error(
      `${builtMain} is missing: build the API first (cd ${repoRoot} && npm run build -w @klastry/api)`,
    );
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), "klastry-e2e-"));
  const port = options.port ?? (await freePort());
  let output = "";
  const entry = runtime === "built" ? [builtMain] : ["--import", tsxLoader, sourceMain];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry], {
    cwd: workDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      ...options.env,
    },
  });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );

  const deadline = Date.now() + 90_000;
  for (;;) {
    const state = await Promise.race([
      exited.then((code) => ({ code })),
      // A refused connection costs well under a millisecond: poll often, start-up is timed.
      sleep(25).then(() => null),
    ]);
    if (state) throw new Error(`server exited with ${state.code} before it was ready:\n${output}`);
    try {
      const response = await fetch(`${url}${options.readyPath ?? "/api/v1/health"}`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become ready in 90 s:\n${output}`);
    }
  }

  return {
    url,
    port,
    workDir,
    child,
    logs: () => output,
    stop: async (signal: NodeJS.Signals = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        await exited;
      }
    },
  };
}

export function removeWorkDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
