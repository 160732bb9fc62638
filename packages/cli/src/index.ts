/**
 * @module
 * @klastry/cli: the `klastry` command, also callable in-process (tests, other tools).
 */
export { usage } from "./run.ts";
/**
 * Scenario files of the rulebook (`rules/<area>/<rule-id>.scenarios.yaml`): format, reading and the
 * runner shared by `klastry rules test` and `rules/rulebook.test.ts`.
 *
 * @example
 * const file = readScenarioFile("rules/cluster/kkk-status.scenarios.yaml");
 * for (const s of file.scenarios) runScenario(rulebook, knowledge, s, file.ruleId).passed;
 */
export { readScenarioFile, runScenario, findScenarioFiles } from "./scenarios/index.ts";
export type { ScenarioFile } from "./scenarios/index.ts";
