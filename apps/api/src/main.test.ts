/**
 * `npm start` as a child process: the production build (`scripts/build-api.ts`, one JavaScript
 * file run by plain `node`, no TypeScript loader) starts on a free port with its own SQLite file,
 * writes JSON log lines, answers /livez and /health, and stops cleanly on SIGTERM.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApi, type BuiltApi } from "../scripts/build-api.ts";

// Inside the repository, so the bundle finds node_modules as apps/api/dist/main.js does.
const outdir = fileURLToPath(new URL("../.cache/production-build/", import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), "klastry-main-"));
const rulesDir = mkdtempSync(join(tmpdir(), "klastry-main-rules-"));
let built: BuiltApi;

beforeAll(async () => {
  built = await buildApi({ outdir });
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
  rmSync(rulesDir, { recursive: true, force: true });
  rmSync(outdir, { recursive: true, force: true });
});

describe("the production build", () => {
  it("bundles our own packages' sources and leaves npm packages to node_modules", () => {
    const code = readFileSync(built.main, "utf8");
    expect(built.sources).toContain("apps/api/src/main.ts");
    expect(built.sources).toContain("packages/knowledge/src/knowledge-dir.ts");
    expect(code).not.toMatch(/from "@klastry\//);
    expect(code).toMatch(/from "hono\//);
  });

  it("starts under plain node, logs JSON lines, answers /livez and /health and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, [built.main], {
      cwd: workDir,
      env: {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        RULES_DIR: rulesDir,
        DATABASE_URL: "",
        LOG_LEVEL: "info",
      },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.once("exit", (code) => resolve(code)),
    );
    try {
      await expect
        .poll(() => /"msg":"(listening|start-up failed)"/.test(output) || child.exitCode !== null, {
          timeout: 45_000,
          interval: 50,
        })
        .toBe(true);
      const lines = output
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const listening = lines.find((line) => line.msg === "listening");
      expect(listening, output).toBeDefined();
      // The knowledge base is found beside its package's sources, not beside the bundle.
      expect(lines.find((line) => line.msg === "knowledge base seeded")).toBeDefined();
      const live = await fetch(`${String(listening?.url)}/api/v1/livez`);
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: "ok" });
      const health = await fetch(`${String(listening?.url)}/api/v1/health`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { database: { kind: string } }).database.kind).toBe(
        "sqlite",
      );
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    for (const line of output.split("\n").filter((l) => l.trim() !== "")) {
      expect((): unknown => JSON.parse(line), line).not.toThrow();
    }
  }, 60_000);
});
