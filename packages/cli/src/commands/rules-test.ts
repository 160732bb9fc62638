/**
 * @module
 * `klastry rules test [<file>...] [--dir <folder>]`: runs scenario files (default: every
 * `*.scenarios.yaml` under the rules folder) and prints each failure as expected vs actual with
 * the rule's trace; exit 1 when any scenario fails.
 */
import { isAbsolute, join } from "node:path";
import { parseArgs } from "node:util";
import { loadKnowledgeBase } from "@klastry/knowledge";
import { loadRulebook, RuleFileError } from "@klastry/rules-engine";
import type { CommandIo } from "../io.ts";
import { findScenarioFiles, readScenarioFile, runScenario } from "../scenarios/index.ts";
import { formatIssue } from "./rules-validate.ts";
import { rulesDir, shown } from "./rules-shared.ts";

export function rulesTest(args: string[], io: CommandIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { dir: { type: "string" } },
  });
  const dir = rulesDir(io, values.dir);
  const knowledge = loadKnowledgeBase();
  let rulebook;
  try {
    rulebook = loadRulebook({ dir, knowledge });
  } catch (error) {
    if (!(error instanceof RuleFileError)) throw error;
    for (const issue of error.issues) io.err(formatIssue(shown(io, dir), issue, "en"));
    io.err("The rulebook is invalid, so no scenario ran (see klastry rules validate).");
    return 1;
  }
  const files =
    positionals.length > 0
      ? positionals.map((f) => (isAbsolute(f) ? f : join(io.cwd, f)))
      : findScenarioFiles(dir);
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    let scenarioFile;
    try {
      scenarioFile = readScenarioFile(file);
    } catch (error) {
      failed++;
      io.err(`✗ ${shown(io, file)}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const scenario of scenarioFile.scenarios) {
      const result = runScenario(rulebook, knowledge, scenario, scenarioFile.ruleId);
      if (result.passed) {
        passed++;
        continue;
      }
      failed++;
      io.err(`✗ ${shown(io, file)}: ${scenario.name} (${scenario.date})`);
      for (const line of result.failures) io.err(`    ${line}`);
      if (result.trace)
        io.err(
          result.trace
            .split("\n")
            .map((line) => `      ${line}`)
            .join("\n"),
        );
    }
  }
  const summary = `${passed} passed, ${failed} failed (${files.length} scenario files, rulebook ${rulebook.version})`;
  io.out(summary);
  return failed > 0 ? 1 : 0;
}
