/**
 * @module
 * @klastry/cli: the `klastry` command, also callable in-process (tests, other tools).
 */
export { run, usage } from "./run.ts";
export type { Command, CommandIo } from "./io.ts";
/**
 * Scenario files of the rulebook (`rules/<area>/<rule-id>.scenarios.yaml`): format, reading and the
 * runner shared by `klastry rules test` and `rules/rulebook.test.ts`.
 *
 * @example
 * const file = readScenarioFile("rules/cluster/kkk-status.scenarios.yaml");
 * for (const s of file.scenarios) runScenario(rulebook, knowledge, s, file.ruleId).passed;
 */
export {
  ScenarioSchema,
  ScenarioFileSchema,
  ScenarioExpectSchema,
  SampleInputSchema,
  parseScenarioFile,
  readScenarioFile,
  formatScenarioIssues,
  resolveScenarioInput,
  mergeOverrides,
  runScenario,
  formatRuleTrace,
  findScenarioFiles,
} from "./scenarios/index.ts";
export type {
  Scenario,
  ScenarioExpect,
  ScenarioFile,
  ScenarioFileIssue,
  SampleInput,
  ScenarioResult,
  ScenarioActual,
  LeafSeen,
} from "./scenarios/index.ts";
/** The coverage report behind `klastry rules coverage`, as data. */
export { coverageOf } from "./commands/rules-coverage.ts";
export type { CoverageReport, NeedGap } from "./commands/rules-coverage.ts";
