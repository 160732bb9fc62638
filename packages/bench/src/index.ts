/**
 * @module
 * @klastry/bench: the generated inputs and baselines of `npm run bench`, reusable by tests.
 */
export { seededRandom } from "./random.ts";
export type { Random } from "./random.ts";
export {
  syntheticRuleParams,
  syntheticRuleFile,
  syntheticInstruments,
  syntheticAssessments,
} from "./synthetic-rulebook.ts";
export type { SyntheticRuleParams } from "./synthetic-rulebook.ts";
export { handWrittenEvaluate } from "./hand-written.ts";
