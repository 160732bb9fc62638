/**
 * `npm start` as a child process (`node --import tsx apps/api/src/main.ts`): starts on a free
 * port with its own SQLite file, writes JSON log lines, answers health, stops on SIGTERM.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const mainScript = fileURLToPath(new URL("./main.ts", import.meta.url));
const tsx = fileURLToPath(import.meta.resolve("tsx"));
const workDir = mkdtempSync(join(tmpdir(), "klastry-main-"));
const rulesDir = mkdtempSync(join(tmpdir(), "klastry-main-rules-"));

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
  rmSync(rulesDir, { recursive: true, force: true });
});

describe("main.ts", () => {
  it("starts, logs JSON lines, answers /health and stops cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", tsx, mainScript], {
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
        .poll(() => /"msg":"listening"/.test(output), { timeout: 45_000, interval: 200 })
        .toBe(true);
      const listening = output
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((line) => line.msg === "listening");
      const res = await fetch(`${String(listening?.url)}/api/v1/health`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { database: { kind: string } }).database.kind).toBe("sqlite");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    for (const line of output.split("\n").filter((l) => l.trim() !== "")) {
      expect(() => JSON.parse(line), line).not.toThrow();
    }
  }, 60_000);
});
