/**
 * @module
 * The same rulebook run by json-rules-engine itself, so an auditor can re-run a recommendation
 * with the library the rule format comes from. Facts are the same derived values (undefined ones
 * left out, `allowUndefinedFacts`), instrument facts are json-rules-engine dynamic facts. The
 * library decides every leaf; a leaf whose fact (or value fact) came back undefined is unknown,
 * and groups are combined three-valued, as in the compiled engine.
 *
 * A fact known only to a range (an age from the founding year alone) is given to the library at
 * both ends, in two runs; a leaf on it whose two results differ is unknown, as in the compiled
 * engine.
 *
 * One deviation, where the library would crash: its `in`/`notIn` call `value.indexOf` and throw a
 * TypeError when a fact-to-fact value has none (a missing or non-list fact), which would abort the
 * whole run. Here those two operators fail the condition instead, as the compiled engine does;
 * on every other input they are the library's own callbacks (the differential test checks both).
 */
import type { AssessmentInput, RecommendationSet } from "@klastry/domain";
import { Engine, type Almanac, type RuleResult } from "json-rules-engine";
import {
  FALSE,
  TRUE,
  UNKNOWN,
  type CompiledNode,
  type Frame,
  type Outcome,
} from "./compile-condition.ts";
import type { Rulebook } from "./compile-rulebook.ts";
import { instrumentFacts } from "./derive-facts.ts";
import { OPERATOR_TABLE } from "./operators.ts";
import { assembleRecommendations, prepareEvaluation, type EvaluateOptions } from "./evaluate.ts";

interface EngineEntry {
  readonly engine: Engine;
  /** The last run; runs are chained because an Engine keeps one run status (see below). */
  queue: Promise<unknown>;
}

const ENGINES = new WeakMap<Rulebook, EngineEntry>();

/** json-rules-engine loaded with a rulebook's rules and the parameterised facts; built once per rulebook. */
export function referenceEngineFor(rulebook: Rulebook): Engine {
  return entryFor(rulebook).engine;
}

function entryFor(rulebook: Rulebook): EngineEntry {
  const cached = ENGINES.get(rulebook);
  if (cached) return cached;
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator("in", (fact: unknown, value: unknown) => OPERATOR_TABLE.in(fact, value));
  engine.addOperator("notIn", (fact: unknown, value: unknown) => OPERATOR_TABLE.notIn(fact, value));
  for (const rule of rulebook.rules) {
    const { conditions, event } = rule.definition;
    engine.addRule({ conditions, event, priority: rule.priority, name: rule.id });
  }
  for (const name of ["instrumentCallStatus", "daysUntilDeadline"] as const) {
    engine.addFact(name, async (params: Record<string, unknown>, almanac: Almanac) => {
      const date = await almanac.factValue<string>("evaluationDate");
      return instrumentFacts(rulebook.instruments, date)[name]?.(params);
    });
  }
  const entry: EngineEntry = { engine, queue: Promise.resolve() };
  ENGINES.set(rulebook, entry);
  return entry;
}

/**
 * Runs the engine after any run in progress. json-rules-engine keeps `status` on the Engine, and a
 * run that finishes sets it to FINISHED, which makes a concurrent run skip its remaining
 * priority sets; so one engine runs one evaluation at a time.
 */
function runExclusive(entry: EngineEntry, facts: Record<string, unknown>) {
  const run = entry.queue.then(() => entry.engine.run(facts));
  entry.queue = run.catch(() => undefined);
  return run;
}

/**
 * Evaluates like `evaluate`, with json-rules-engine deciding each condition; the result has
 * `engine: "reference"` and otherwise the same content.
 *
 * @example
 * const audit = await evaluateReference(rulebook, assessment, { date: "2025-03-01", language: "en" });
 */
export async function evaluateReference(
  rulebook: Rulebook,
  assessment: AssessmentInput,
  options: EvaluateOptions,
): Promise<RecommendationSet> {
  const prepared = prepareEvaluation(rulebook, assessment, options);
  const runtimeFacts: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(prepared.facts.values)) {
    if (value !== undefined) runtimeFacts[name] = value;
  }
  const entry = entryFor(rulebook);
  const byId = resultsById(await runExclusive(entry, runtimeFacts));
  const upper = prepared.facts.upper;
  const upperById =
    upper && Object.keys(upper).length > 0
      ? resultsById(await runExclusive(entry, { ...runtimeFacts, ...upper }))
      : undefined;
  for (const rule of prepared.active) {
    const result = byId.get(rule.id);
    if (!result) throw new Error(`json-rules-engine returned no result for rule ${rule.id}`);
    const atUpper = upperById?.get(rule.id)?.conditions;
    const outcome = fill(rule.root, result.conditions, prepared.frame, atUpper);
    if (outcome !== UNKNOWN && (outcome === TRUE) !== Boolean(result.result)) {
      const theirs = String(result.result);
      throw new Error(
        `rule ${rule.id}: three-valued outcome ${outcome} disagrees with json-rules-engine's ${theirs}`,
      );
    }
  }
  return assembleRecommendations(rulebook, prepared, "reference");
}

interface JreNode {
  all?: JreNode[];
  any?: JreNode[];
  not?: JreNode;
  result?: boolean;
  factResult?: unknown;
  valueResult?: unknown;
}

function resultsById(run: { results: RuleResult[]; failureResults: RuleResult[] }) {
  const byId = new Map<string, RuleResult>();
  for (const result of [...run.results, ...run.failureResults]) {
    byId.set(String(result.name), result);
  }
  return byId;
}

/**
 * Copies json-rules-engine's leaf results into the frame and combines them three-valued; with the
 * results of a run at the upper ends of ranged facts, a leaf deciding differently is unknown.
 */
function fill(node: CompiledNode, jre: unknown, frame: Frame, upper?: unknown): Outcome {
  const j = jre as JreNode;
  const u = upper as JreNode | undefined;
  let outcome: Outcome;
  if (node.kind === "leaf") {
    frame.actual[node.index] = j.factResult;
    frame.required[node.index] = j.valueResult;
    frame.raw[node.index] = j.result === true ? 1 : 0;
    const unknown =
      j.factResult === undefined ||
      (node.valueFact !== undefined && j.valueResult === undefined) ||
      (u !== undefined && u.result !== j.result);
    outcome = unknown ? UNKNOWN : j.result === true ? TRUE : FALSE;
  } else if (node.kind === "not") {
    const inner = fill(node.children[0] as CompiledNode, j.not, frame, u?.not);
    outcome = inner === UNKNOWN ? UNKNOWN : inner === TRUE ? FALSE : TRUE;
  } else {
    const list = (node.kind === "all" ? j.all : j.any) ?? [];
    const upperList = u ? ((node.kind === "all" ? u.all : u.any) ?? []) : undefined;
    const outcomes = node.children.map((child, i) => fill(child, list[i], frame, upperList?.[i]));
    const decisive = node.kind === "all" ? FALSE : TRUE;
    outcome = outcomes.includes(decisive)
      ? decisive
      : outcomes.includes(UNKNOWN)
        ? UNKNOWN
        : node.kind === "all" || outcomes.length === 0
          ? TRUE
          : FALSE;
  }
  frame.outcome[node.index] = outcome;
  return outcome;
}
