/**
 * The served OpenAPI document passes `@redocly/cli lint` with the recommended rules and no error
 * (issue 15 item 7): public operations say `security: []`, every operation has an operationId,
 * the middleware answers (429, 413, 431) are documented, the document names a licence. The CLI
 * runs offline: telemetry off (redocly.yaml and REDOCLY_TELEMETRY), no update check.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "./testing/harness.ts";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const cli = join(
  dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")),
  "bin/cli.js",
);

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; severity: string; message: string; location: unknown[] }[];
}

let api: TestApi;
let workDir: string;
beforeAll(async () => {
  api = await openTestApi("sqlite");
  workDir = mkdtempSync(join(tmpdir(), "klastry-redocly-"));
});
afterAll(async () => {
  await api?.dispose();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function lint(document: unknown): Promise<LintReport> {
  const file = join(workDir, "openapi.json");
  writeFileSync(file, JSON.stringify(document, null, 2));
  // The CLI exits 1 when it finds errors; the report on stdout is what we judge.
  const { stdout } = await run(
    process.execPath,
    [cli, "lint", file, "--config", join(packageDir, "redocly.yaml"), "--format", "json"],
    {
      cwd: workDir,
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: "off",
        REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
        REDOCLY_SUPPRESS_NOTIFICATIONS: "true",
      },
      maxBuffer: 16 * 1024 * 1024,
    },
  ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  return JSON.parse(stdout) as LintReport;
}

describe("the OpenAPI document under redocly lint (recommended rules)", () => {
  it("has no error", async () => {
    const document = await (await api.app.request("/api/v1/openapi.json")).json();
    const report = await lint(document);
    console.log(
      `redocly lint: ${report.totals.errors} errors, ${report.totals.warnings} warnings` +
        report.problems.map((p) => `\n  ${p.severity} ${p.ruleId}: ${p.message}`).join(""),
    );
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(report.totals.errors).toBe(0);
  });

  it("finds the errors it is meant to find (a public operation without security, no operationId)", async () => {
    const document = (await (await api.app.request("/api/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const vocabulary = document.paths["/api/v1/vocabulary"]!.get!;
    delete vocabulary.security;
    delete vocabulary.operationId;
    const report = await lint(document);
    expect(report.problems.map((p) => p.ruleId)).toEqual(
      expect.arrayContaining(["security-defined", "operation-operationId"]),
    );
  });
});
