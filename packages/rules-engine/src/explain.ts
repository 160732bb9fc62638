/**
 * @module
 * A full trace of one evaluation for policy designers and auditors: every derived fact, every
 * rule (skipped ones too) and every condition with its values and outcome. `formatTrace`
 * renders it for a terminal.
 */
import type { AssessmentInput, CallStatus, IsoDate, Language, Verdict } from "@klastry/domain";
import { availabilityOf } from "./availability-of.ts";
import { FALSE, TRUE, UNKNOWN, type CompiledNode, type Outcome } from "./compile-condition.ts";
import type { Rulebook } from "./compile-rulebook.ts";
import { evaluate, prepareEvaluation } from "./evaluate.ts";
import { explainLeaf } from "./explain-condition.ts";
import { isFailedGroup, judgeRule, type FailedUnits, type LeafOutcome } from "./judge-rule.ts";

export type TraceOutcome = "pass" | "fail" | "unknown";

export interface ConditionTrace {
  /** all / any / not, or the leaf's operator. */
  kind: "all" | "any" | "not" | "leaf";
  name?: string;
  pointer: string;
  outcome: TraceOutcome;
  fact?: string;
  path?: string;
  params?: Readonly<Record<string, unknown>>;
  operator?: string;
  actual?: unknown;
  required?: unknown;
  /** The reason text shown for this leaf (pass or fail as the rule sees it). */
  text?: string;
  children?: ConditionTrace[];
}

export interface RuleTrace {
  ruleId: string;
  file: string;
  instrument: string;
  /** False when the date is outside validFrom/validTo; such a rule is not evaluated. */
  active: boolean;
  verdict?: Verdict;
  nearMiss?: boolean;
  /** Fails only on needs the cluster did not report. */
  alsoFunds?: boolean;
  /** Failed units by what the cluster could do about them. */
  failedUnits?: FailedUnits;
  conditions?: ConditionTrace;
}

export interface EvaluationTrace {
  rulebookVersion: string;
  date: IsoDate;
  language: Language;
  /** Every plain fact of the evaluation; unknown ones as `undefined` (listed in `unknownFacts`). */
  facts: Record<string, unknown>;
  unknownFacts: string[];
  /** Each instrument's availability status on the date, by id. */
  statuses: Record<string, CallStatus>;
  rules: RuleTrace[];
  /** The recommendations the same evaluation returns. */
  recommendations: ReturnType<typeof evaluate>["recommendations"];
  notEligibleCount: number;
  notAvailableCount: number;
}

const WORD: Record<Outcome, TraceOutcome> = {
  [FALSE]: "fail",
  [TRUE]: "pass",
  [UNKNOWN]: "unknown",
};

/**
 * Evaluates and returns the full trace.
 *
 * @example
 * console.log(formatTrace(explain(rulebook, assessment, { date: "2025-03-01", language: "pl" })));
 */
export function explain(
  rulebook: Rulebook,
  assessment: AssessmentInput,
  options: { date: IsoDate; language: Language },
): EvaluationTrace {
  const prepared = prepareEvaluation(rulebook, assessment, options);
  const { frame, language } = prepared;
  const active = new Set(prepared.active);
  const rules: RuleTrace[] = rulebook.rules.map((rule) => {
    const base = { ruleId: rule.id, file: rule.file, instrument: rule.instrument };
    if (!active.has(rule)) return { ...base, active: false };
    rule.evaluate(frame);
    const judgement = judgeRule(rule, frame);
    const leaves: LeafOutcome[] = [
      ...judgement.satisfied,
      ...judgement.failed.flatMap((entry) => (isFailedGroup(entry) ? entry.leaves : [entry])),
    ];
    const texts = new Map(leaves.map((leaf) => [leaf.info.leaf.index, leaf]));
    const trace = (node: CompiledNode): ConditionTrace => {
      const common = {
        kind: node.kind,
        ...(node.name !== undefined && { name: node.name }),
        pointer: node.pointer,
        outcome: WORD[frame.outcome[node.index] as Outcome],
      };
      if (node.kind !== "leaf") return { ...common, children: node.children.map(trace) };
      const leafOutcome = texts.get(node.index);
      const actual = frame.actual[node.index];
      const required = frame.required[node.index];
      return {
        ...common,
        fact: node.fact,
        ...(node.path !== undefined && { path: node.path }),
        ...(node.params !== undefined && { params: node.params }),
        operator: node.operator,
        actual,
        required,
        ...(leafOutcome && { text: explainLeaf(rule, leafOutcome, language).text }),
      };
    };
    return {
      ...base,
      active: true,
      verdict: judgement.verdict,
      nearMiss: judgement.nearMiss,
      alsoFunds: judgement.alsoFunds,
      failedUnits: judgement.units,
      conditions: trace(rule.root),
    };
  });
  const facts = { ...prepared.facts.values };
  const result = evaluate(rulebook, assessment, options);
  return {
    rulebookVersion: rulebook.version,
    date: prepared.date,
    language,
    facts,
    unknownFacts: Object.keys(facts)
      .filter((name) => facts[name] === undefined)
      .sort(),
    statuses: Object.fromEntries(
      [...availabilityOf(rulebook, prepared.date)].map(([id, on]) => [id, on.status]),
    ),
    rules,
    recommendations: result.recommendations,
    notEligibleCount: result.notEligibleCount,
    notAvailableCount: result.notAvailableCount,
  };
}

const MARK: Record<TraceOutcome, string> = { pass: "✓", fail: "✗", unknown: "?" };

/** Renders a trace as indented text: facts, then each rule's condition tree. */
export function formatTrace(trace: EvaluationTrace): string {
  const lines: string[] = [`rulebook ${trace.rulebookVersion}, date ${trace.date}`, "", "facts:"];
  for (const [name, value] of Object.entries(trace.facts)) {
    lines.push(`  ${name} = ${value === undefined ? "(unknown)" : JSON.stringify(value)}`);
  }
  lines.push("", "rules:");
  for (const rule of trace.rules) {
    if (!rule.active) {
      lines.push(`  - ${rule.ruleId} (${rule.instrument}): skipped, not valid on ${trace.date}`);
      continue;
    }
    const near = rule.nearMiss ? ", near miss" : rule.alsoFunds ? ", fails only on needs" : "";
    lines.push(`  - ${rule.ruleId} (${rule.instrument}): ${rule.verdict}${near}`);
    if (rule.conditions) renderCondition(rule.conditions, "      ", lines);
  }
  lines.push("", "recommendations:");
  for (const r of trace.recommendations) {
    lines.push(
      `  ${r.instrumentId}: ${r.verdict}${r.nearMiss ? " (near miss)" : ""}, score ${r.score}, ${r.availability.status}`,
    );
  }
  lines.push(`  not eligible: ${trace.notEligibleCount}`);
  lines.push(`  fits but ended or closed: ${trace.notAvailableCount}`);
  return lines.join("\n");
}

function renderCondition(node: ConditionTrace, indent: string, lines: string[]): void {
  const label = node.name ? `${node.name}: ` : "";
  if (node.kind !== "leaf") {
    lines.push(`${indent}${MARK[node.outcome]} ${label}${node.kind}`);
    for (const child of node.children ?? []) renderCondition(child, `${indent}  `, lines);
    return;
  }
  const target = `${node.fact}${node.path ? ` ${node.path}` : ""}`;
  const actual = node.actual === undefined ? "(unknown)" : JSON.stringify(node.actual);
  const required = node.required === undefined ? "(unknown)" : JSON.stringify(node.required);
  lines.push(
    `${indent}${MARK[node.outcome]} ${label}${target} = ${actual} ${node.operator} ${required}`,
  );
  if (node.text) lines.push(`${indent}    "${node.text}"`);
}
