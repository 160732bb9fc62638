/**
 * turbo.json caches test results; a wrong input list would replay a stale pass. These checks keep
 * the config honest as the code moves: rule files feed every test, the browser tests wait for
 * the builds, every environment variable the test helpers read reaches them (turbo's strict
 * mode hides unlisted ones, and hashes listed ones), and `npm test` still runs every task.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { readSource, repoRoot, sourceFiles } from "./source-files.ts";

interface TaskConfig {
  dependsOn?: string[];
  inputs?: string[];
  env?: string[];
  cache?: boolean;
}
interface TurboConfig {
  globalEnv?: string[];
  tasks: Record<string, TaskConfig>;
}

/** turbo.json allows comments, which JSON.parse does not; TypeScript reads tsconfig-style JSON. */
function readJsonc<T>(path: string): T {
  const parsed = ts.parseConfigFileTextToJson(path, readFileSync(path, "utf8"));
  if (parsed.error !== undefined) {
    throw new Error(`${path}: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, "\n")}`);
  }
  return parsed.config as T;
}

const turbo = readJsonc<TurboConfig>(join(repoRoot, "turbo.json"));
const task = (name: string): TaskConfig => {
  const found = turbo.tasks[name];
  if (found === undefined) throw new Error(`turbo.json has no task ${name}`);
  return found;
};

describe("turbo.json", () => {
  it("makes the rule files an input of every test and browser test", () => {
    for (const name of ["test", "e2e"]) {
      const inputs = task(name).inputs ?? [];
      expect(inputs, name).toContain("$TURBO_DEFAULT$");
      expect(inputs, name).toContain("$TURBO_ROOT$/rules/**/*.rule.json");
      expect(inputs, name).toContain("$TURBO_ROOT$/rules/**/*.scenarios.yaml");
    }
  });

  it("hashes each task with its dependencies' files (transit), without running them first", () => {
    for (const name of ["typecheck", "test", "e2e", "build"]) {
      expect(JSON.stringify(task(name).dependsOn), name).toMatch(/"transit(:types)?"/);
    }
    expect(task("transit").dependsOn).toEqual(["^transit"]);
    expect(task("test").dependsOn).not.toContain("^build");
  });

  it("runs the browser tests after the builds they serve", () => {
    expect(task("e2e").dependsOn).toContain("^build");
    expect(task("e2e").cache).not.toBe(false);
    expect(task("test").cache).not.toBe(false);
  });

  it("re-runs tests, not type checks, on a new day (servers evaluate calls as of today)", () => {
    expect(task("test").env).toContain("KLASTRY_TEST_DAY");
    expect(task("e2e").env).toContain("KLASTRY_TEST_DAY");
    expect(turbo.globalEnv).not.toContain("KLASTRY_TEST_DAY");
    expect(task("//#typecheck").env).toBeUndefined();
  });

  it("lists every environment variable the code and its test helpers read", () => {
    const read = new Set<string>();
    for (const { text } of sourceFiles().map(readSource)) {
      for (const match of text.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) read.add(match[1]!);
    }
    // The test database helpers read libpq's variables through a zod schema of the environment.
    const testEnv = readFileSync(join(repoRoot, "packages/db/src/testing/env.ts"), "utf8");
    for (const match of testEnv.matchAll(/^\s+([A-Z][A-Z0-9_]*):/gm)) read.add(match[1]!);
    expect(read.size).toBeGreaterThan(3);
    expect([...read].filter((name) => !(turbo.globalEnv ?? []).includes(name))).toEqual([]);
  });

  it("lints and checks the format when code or its configuration changes, not on data", () => {
    const lint = task("//#lint").inputs ?? [];
    for (const input of ["eslint.config.js", "**/tsconfig*.json", "**/package.json"]) {
      expect(lint, "//#lint").toContain(input);
    }
    expect(lint.some((input) => /\{[^}]*\bts\b[^}]*\btsx\b/.test(input))).toBe(true);
    const format = task("//#format").inputs ?? [];
    for (const input of [".prettierrc.json", ".prettierignore"]) {
      expect(format, "//#format").toContain(input);
    }
    for (const name of ["//#lint", "//#format"]) {
      expect(task(name).inputs, name).not.toContain("$TURBO_DEFAULT$");
      expect(task(name).env, name).toBeUndefined();
    }
  });

  it("is what npm test runs: the type check, lint, format check, tests and browser tests", () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts.test).toMatch(/turbo run .*\/\/#typecheck\b/);
    expect(manifest.scripts.test).toMatch(/turbo run .*\/\/#lint\b/);
    expect(manifest.scripts.test).toMatch(/turbo run .*\/\/#format\b/);
    expect(manifest.scripts.lint).toMatch(/^eslint\b/);
    expect(manifest.scripts.format).toMatch(/^prettier --check\b/);
    expect(manifest.scripts.test).toMatch(/turbo run\b.*\btest\b/);
    expect(manifest.scripts.test).toMatch(/turbo run\b.*\be2e\b/);
    expect(manifest.scripts.test).toContain("KLASTRY_TEST_DAY=");
    expect(manifest.scripts.typecheck).toContain("tsconfig.node.json");
    expect(manifest.scripts.typecheck).toContain("tsconfig.browser.json");
  });
});

/** The files a tsconfig selects, absolute paths. */
function filesOf(configPath: string): string[] {
  const config = readJsonc<object>(configPath);
  return ts.parseJsonConfigFileContent(config, ts.sys, dirname(configPath)).fileNames;
}

describe("the repository's type check", () => {
  // npm test checks two root programs instead of each package's tsconfig.json; a file only a
  // package's own tsconfig selects would never be checked.
  it("covers every file each package's own tsconfig.json selects", () => {
    const checked = new Set([
      ...filesOf(join(repoRoot, "tsconfig.node.json")),
      ...filesOf(join(repoRoot, "tsconfig.browser.json")),
    ]);
    const packageConfigs = ["packages", "apps"]
      .flatMap((top) => readdirSync(join(repoRoot, top)).map((name) => join(repoRoot, top, name)))
      .concat([join(repoRoot, "rules"), join(repoRoot, "test")])
      .map((dir) => join(dir, "tsconfig.json"))
      .filter((path) => existsSync(path));
    expect(packageConfigs.length).toBeGreaterThanOrEqual(8);
    const missed = packageConfigs.flatMap((path) =>
      filesOf(path)
        .filter((file) => !checked.has(file))
        .map((file) => relative(repoRoot, file)),
    );
    expect(missed).toEqual([]);
  });
});
