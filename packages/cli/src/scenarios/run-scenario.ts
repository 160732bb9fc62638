/**
 * @module
 * Runs one scenario: evaluates the whole rulebook for the scenario's input and date (as the
 * product does), reads the scenario's rule out of the trace and compares it with `expect`.
 * A failure says expected vs actual and carries the rule's trace, so the CLI and vitest report
 * the same thing.
 */
import {
  AssessmentInputSchema,
  parseOrThrow,
  type CallStatus,
  type Language,
  type Verdict,
} from "@klastry/domain";
import type { KnowledgeBase } from "@klastry/knowledge";
import {
  explain,
  type ConditionTrace,
  type EvaluationTrace,
  type Rulebook,
  type RuleTrace,
} from "@klastry/rules-engine";
import { formatRuleTrace } from "./format-rule-trace.ts";
import { resolveScenarioInput } from "./resolve-input.ts";
import type { Scenario } from "./scenario-file.ts";

/** One leaf as the scenario sees it: its name and reason text. */
export interface LeafSeen {
  name: string;
  text: string;
}

/** What the rule concluded for the scenario. */
export interface ScenarioActual {
  verdict: Verdict | "inactive";
  nearMiss: boolean;
  /** Fails only on needs the cluster did not mark (listed as "also funds"). */
  alsoFunds: boolean;
  /** The instrument's availability status on the scenario's date. */
  status: CallStatus | undefined;
  /** Whether the instrument is among the recommendations the cluster sees (near misses included). */
  shown: boolean;
  reasons: LeafSeen[];
  missing: LeafSeen[];
  /** Open questions: the field asked and its label. */
  questions: { fact: string; label: string }[];
}

export interface ScenarioResult {
  scenario: Scenario;
  ruleId: string;
  passed: boolean;
  /** One line per unmet expectation: "verdict: expected eligible, got not_eligible". */
  failures: string[];
  actual?: ScenarioActual;
  /** The rule's trace for the terminal (facts it reads, every condition with values). */
  trace: string;
}

/**
 * Runs a scenario against a loaded rulebook.
 *
 * @example
 * const result = runScenario(rulebook, knowledge, scenario, "kkk-status");
 * if (!result.passed) console.log(result.failures.join("\n"), result.trace);
 */
export function runScenario(
  rulebook: Rulebook,
  knowledge: Pick<KnowledgeBase, "sampleClusters">,
  scenario: Scenario,
  defaultRuleId: string,
): ScenarioResult {
  const ruleId = scenario.rule ?? defaultRuleId;
  const language: Language = scenario.language ?? "pl";
  const fail = (message: string): ScenarioResult => ({
    scenario,
    ruleId,
    passed: false,
    failures: [message],
    trace: "",
  });
  if (!rulebook.rules.some((rule) => rule.id === ruleId))
    return fail(`rule "${ruleId}" is not in the rulebook`);
  let trace: EvaluationTrace;
  try {
    const input = parseOrThrow(
      AssessmentInputSchema,
      resolveScenarioInput(scenario.input, knowledge),
      "input",
      language,
    );
    trace = explain(rulebook, input, { date: scenario.date, language });
  } catch (error) {
    return fail(`input: ${error instanceof Error ? error.message : String(error)}`);
  }
  const ruleTrace = trace.rules.find((rule) => rule.ruleId === ruleId) as RuleTrace;
  const actual = actualOf(trace, ruleTrace);
  const failures = compare(scenario.expect, actual);
  return {
    scenario,
    ruleId,
    passed: failures.length === 0,
    failures,
    actual,
    trace: formatRuleTrace(trace, ruleTrace),
  };
}

function actualOf(trace: EvaluationTrace, rule: RuleTrace): ScenarioActual {
  const status = trace.statuses[rule.instrument];
  if (!rule.active || !rule.conditions) {
    const empty = { reasons: [], missing: [], questions: [] };
    return {
      verdict: "inactive",
      nearMiss: false,
      alsoFunds: false,
      status,
      shown: false,
      ...empty,
    };
  }
  const reasons: LeafSeen[] = [];
  const missing: LeafSeen[] = [];
  collectLeaves(rule.conditions, false, true, reasons, missing);
  const recommendation = trace.recommendations.find(
    (r) => r.instrumentId === rule.instrument && r.ruleIds.includes(rule.ruleId),
  );
  return {
    verdict: rule.verdict ?? "not_eligible",
    nearMiss: rule.nearMiss ?? false,
    alsoFunds: rule.alsoFunds ?? false,
    status,
    shown: recommendation !== undefined,
    reasons,
    missing: rule.verdict === "eligible" ? [] : missing,
    questions:
      rule.verdict === "unknown"
        ? (recommendation?.questions ?? []).map((q) => ({ fact: q.fact, label: q.label }))
        : [],
  };
}

/**
 * Leaves that helped the rule (under an odd number of `not`s a false leaf helps), and failed
 * leaves below groups that did not help; the same split the engine's judgement makes.
 */
function collectLeaves(
  node: ConditionTrace,
  negated: boolean,
  counts: boolean,
  reasons: LeafSeen[],
  missing: LeafSeen[],
): void {
  const effective =
    negated && node.outcome !== "unknown"
      ? node.outcome === "pass"
        ? "fail"
        : "pass"
      : node.outcome;
  if (node.kind === "leaf") {
    const seen = { name: node.name ?? node.pointer, text: node.text ?? "" };
    if (effective === "pass") reasons.push(seen);
    else if (effective === "fail" && counts) missing.push(seen);
    return;
  }
  const below = counts && effective !== "pass";
  for (const child of node.children ?? [])
    collectLeaves(child, node.kind === "not" ? !negated : negated, below, reasons, missing);
}

function compare(expect: Scenario["expect"], actual: ScenarioActual): string[] {
  const failures: string[] = [];
  if (expect.verdict !== actual.verdict)
    failures.push(`verdict: expected ${expect.verdict}, got ${actual.verdict}`);
  if (expect.nearMiss !== undefined && expect.nearMiss !== actual.nearMiss) {
    failures.push(`nearMiss: expected ${expect.nearMiss}, got ${actual.nearMiss}`);
  }
  if (expect.alsoFunds !== undefined && expect.alsoFunds !== actual.alsoFunds) {
    failures.push(`alsoFunds: expected ${expect.alsoFunds}, got ${actual.alsoFunds}`);
  }
  if (expect.status !== undefined && expect.status !== actual.status) {
    failures.push(`status: expected ${expect.status}, got ${actual.status ?? "none"}`);
  }
  if (expect.shown !== undefined && expect.shown !== actual.shown) {
    failures.push(`shown: expected ${expect.shown}, got ${actual.shown}`);
  }
  const matchLeaf = (wanted: string, leaves: LeafSeen[]) =>
    leaves.some((l) => l.name === wanted || l.text.includes(wanted));
  for (const wanted of expect.reasons ?? []) {
    if (!matchLeaf(wanted, actual.reasons))
      failures.push(
        `reasons: expected "${wanted}", got ${list(actual.reasons.map((l) => l.name))}`,
      );
  }
  for (const wanted of expect.missing ?? []) {
    if (!matchLeaf(wanted, actual.missing))
      failures.push(
        `missing: expected "${wanted}", got ${list(actual.missing.map((l) => l.name))}`,
      );
  }
  for (const wanted of expect.questions ?? []) {
    if (!actual.questions.some((q) => q.fact === wanted || q.label.includes(wanted))) {
      failures.push(
        `questions: expected "${wanted}", got ${list(actual.questions.map((q) => q.fact))}`,
      );
    }
  }
  return failures;
}

const list = (items: string[]) => (items.length === 0 ? "none" : items.join(", "));
