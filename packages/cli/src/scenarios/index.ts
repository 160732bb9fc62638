/**
 * @module
 * Scenario files for rules: format (zod), reading, input resolution and the runner shared by
 * `klastry rules test` and `rules/rulebook.test.ts`.
 */
export {
  ScenarioSchema,
  ScenarioFileSchema,
  ScenarioExpectSchema,
  SampleInputSchema,
  ScenarioInputSchema,
  parseScenarioFile,
  readScenarioFile,
  formatScenarioIssues,
} from "./scenario-file.ts";
export type {
  Scenario,
  ScenarioExpect,
  ScenarioFile,
  ScenarioFileIssue,
  SampleInput,
  ScenarioInput,
} from "./scenario-file.ts";
export { resolveScenarioInput, mergeOverrides } from "./resolve-input.ts";
export { runScenario } from "./run-scenario.ts";
export type { ScenarioResult, ScenarioActual, LeafSeen } from "./run-scenario.ts";
export { formatRuleTrace } from "./format-rule-trace.ts";
export { findScenarioFiles } from "./find-scenario-files.ts";
