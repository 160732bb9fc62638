/**
 * The rulebook's own test: the shipped rule files validate, every instrument of the knowledge base
 * has a rule, every rule has a scenario where it fires and one where it does not, and every
 * scenario of every `<rule-id>.scenarios.yaml` passes. Scenarios run through the same runner as
 * `npx klastry rules test`, so both report the same failures.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  findScenarioFiles,
  readScenarioFile,
  runScenario,
  usage,
  type ScenarioFile,
} from "@klastry/cli";
import { loadKnowledgeBase } from "@klastry/knowledge";
import { loadRulebook, readRuleSources, validateRulebook } from "@klastry/rules-engine";
import { describe, expect, it } from "vitest";

const dir = fileURLToPath(new URL(".", import.meta.url));
const knowledge = loadKnowledgeBase();
const scenarioFiles: ScenarioFile[] = findScenarioFiles(dir).map((file) => readScenarioFile(file));
const ruleFiles = readRuleSources(dir);
const ruleIds = ruleFiles.map((source) =>
  source.file
    .split("/")
    .pop()!
    .replace(/\.rule\.json$/, ""),
);

/** Rules whose every path needs a member firm's own check (`memberFirmCheck` at the top level). */
const alwaysAsksTheFirm = new Set(
  ruleFiles
    .map((source) => JSON.parse(source.text) as { id: string; conditions: { all?: unknown[] } })
    .filter((rule) =>
      (rule.conditions.all ?? []).some(
        (leaf) => (leaf as { fact?: string }).fact === "memberFirmCheck",
      ),
    )
    .map((rule) => rule.id),
);

describe("the shipped rulebook", () => {
  it("validates with zero issues, in English and in Polish", () => {
    expect(
      validateRulebook({ dir, knowledge, language: "en" }).map(
        (i) => `${i.file}: ${i.pointer}: ${i.message}`,
      ),
    ).toEqual([]);
    expect(validateRulebook({ dir, knowledge, language: "pl" })).toEqual([]);
  });

  it("has a rule for every instrument of the knowledge base", () => {
    const covered = new Set(loadRulebook({ dir, knowledge }).rules.map((rule) => rule.instrument));
    expect(knowledge.instruments.map((i) => i.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it("points every rule file at the generated JSON Schema and names its area folder", () => {
    for (const source of ruleFiles) {
      const depth = source.file.split("/").length - 1;
      expect((JSON.parse(source.text) as { $schema?: string }).$schema, source.file).toBe(
        `${"../".repeat(depth)}rule-file.schema.json`,
      );
      expect(depth, `${source.file} sits in rules/<area>/`).toBe(1);
    }
  });

  it("has a scenario file beside every rule file, and none without a rule", () => {
    const withScenarios = scenarioFiles.map((file) =>
      relative(dir, file.file).replace(/\.scenarios\.ya?ml$/, ".rule.json"),
    );
    expect(withScenarios.sort()).toEqual(ruleFiles.map((source) => source.file).sort());
  });

  it("has, for every rule, a scenario where it fires and one where it does not", () => {
    const verdicts = new Map<string, Set<string>>(ruleIds.map((id) => [id, new Set()]));
    for (const file of scenarioFiles) {
      for (const scenario of file.scenarios)
        verdicts.get(scenario.rule ?? file.ruleId)?.add(scenario.expect.verdict);
    }
    // A rule that always needs a member firm's own check (its turnover, say) fires at best as
    // "can't tell yet", and then it does not fire when it is not eligible.
    const firing = (id: string) => (alwaysAsksTheFirm.has(id) ? "unknown" : "eligible");
    const lacking = [...verdicts.entries()]
      .filter(([id, seen]) => {
        const fires = firing(id);
        const other = fires === "eligible" ? ["not_eligible", "unknown"] : ["not_eligible"];
        return !seen.has(fires) || !other.some((verdict) => seen.has(verdict));
      })
      .map(([id]) => id);
    expect(lacking).toEqual([]);
  });

  it("names each scenario once per file, so a failure points at one scenario", () => {
    for (const file of scenarioFiles) {
      const names = file.scenarios.map((s) => s.name);
      expect(
        names.filter((name, i) => names.indexOf(name) !== i),
        file.file,
      ).toEqual([]);
    }
  });
});

describe("rules/README.md", () => {
  const readme = readFileSync(join(dir, "README.md"), "utf8");

  it("shows only commands the CLI has", () => {
    const commands = [...readme.matchAll(/npx klastry (\w+) (\w+)/g)].map(
      (m) => `klastry ${m[1]} ${m[2]}`,
    );
    expect(commands.length).toBeGreaterThan(5);
    expect(commands.filter((command) => !usage().includes(command))).toEqual([]);
  });

  it("annotates a rule that is shipped, with the same conditions and its own text", () => {
    const shipped = JSON.parse(readFileSync(join(dir, "cluster/kkk-status.rule.json"), "utf8")) as {
      source: string;
      reasons: Record<string, { fail: { pl: string } }>;
    };
    for (const leaf of ["cluster-age", "enough-members", "needs-served"])
      expect(readme).toContain(`"name": "${leaf}"`);
    expect(readme).toContain(`"source": "${shipped.source}"`);
    expect(readme).toContain(JSON.stringify(shipped.reasons["enough-members"]?.fail.pl));
    // Time is the availability model's business: no rule shown in the README speaks of calls.
    expect(readme).not.toContain("call-not-closed");
  });
});

// One case per scenario, named after it, grouped by scenario file.
const rulebook = loadRulebook({ dir, knowledge });
for (const file of scenarioFiles) {
  describe(relative(dir, file.file), () => {
    for (const scenario of file.scenarios) {
      it(scenario.name, () => {
        const result = runScenario(rulebook, knowledge, scenario, file.ruleId);
        // The trace is the message, so a failure shows why the rule decided as it did.
        expect(result.failures, result.trace).toEqual([]);
      });
    }
  });
}
