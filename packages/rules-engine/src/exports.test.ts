import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as api from "./index.ts";
import * as testing from "./testing/index.ts";

const packageJson = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
) as { exports: Record<string, string> };

describe("package exports", () => {
  it.each(Object.entries(packageJson.exports))("%s points at an existing file", (_, target) => {
    expect(existsSync(fileURLToPath(new URL(`../${target}`, import.meta.url)))).toBe(true);
  });

  it("offers the entry points the CLI, the API and the bench use", () => {
    for (const name of [
      "loadRulebook",
      "validateRulebook",
      "compileRulebook",
      "evaluate",
      "evaluateReference",
      "explain",
      "formatTrace",
      "deriveFacts",
      "ruleFileJsonSchema",
      "RuleFileError",
    ]) {
      expect(typeof (api as Record<string, unknown>)[name]).toBe("function");
    }
    for (const name of ["buildRule", "buildRuleFile", "writeRulebook", "fixtureKnowledge"]) {
      expect(typeof (testing as Record<string, unknown>)[name]).toBe("function");
    }
  });
});
