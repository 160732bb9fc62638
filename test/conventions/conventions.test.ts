/**
 * The house rules a linter would enforce, checked over every source file of the repository:
 * export maps that point at real files, no deep imports between packages, environment read in
 * one env.ts per app, and dependencies that point one way.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSource, sourceFiles, workspacePackages } from "./source-files.ts";

const sources = sourceFiles().map(readSource);
const isTestOnly = (file: string) =>
  /\.(test|case|bench)\.tsx?$/.test(file) ||
  file.includes("/testing/") ||
  file.startsWith("test/") ||
  file.includes("/bench/");

describe("workspace packages", () => {
  it("are all scoped @klastry, private ES modules with an exports map whose targets exist", () => {
    const packages = workspacePackages();
    expect(packages.length).toBeGreaterThanOrEqual(6);
    for (const { dir, manifest } of packages) {
      expect(manifest.name).toMatch(/^@klastry\/[a-z-]+$/);
      const full = manifest as unknown as { private?: boolean; type?: string };
      expect(full.private, manifest.name).toBe(true);
      expect(full.type, manifest.name).toBe("module");
      for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
        expect(
          existsSync(join(dir, target)),
          `${manifest.name} exports ${subpath} -> ${target}`,
        ).toBe(true);
      }
    }
  });
});

describe("imports", () => {
  it("never reach into another package's files (no deep imports)", () => {
    const offenders = sources
      .filter(({ text }) => /from\s+["']@klastry\/[a-z-]+\/(src|data|dist)\//.test(text))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it("keep @klastry/domain free of every other Klastry package and of I/O", () => {
    const offenders = sources
      .filter(({ file }) => file.startsWith("packages/domain/src/") && !isTestOnly(file))
      .filter(({ text }) => /from\s+["'](@klastry\/|node:fs|node:net|node:http)/.test(text))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it("never let the web app import the database layer", () => {
    const offenders = sources
      .filter(({ file }) => file.startsWith("apps/web/"))
      .filter(({ text }) => /from\s+["']@klastry\/db/.test(text))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });
});

describe("environment", () => {
  it("is read only in env.ts files (and test support)", () => {
    const offenders = sources
      .filter(({ file }) => !file.endsWith("/env.ts") && !isTestOnly(file))
      .filter(({ text }) => /process\.env\b/.test(text))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });
});
