/**
 * @module
 * Impact of a candidate rulebook: which instruments' verdicts change for an assessment. Only the
 * rules that differ are evaluated: an instrument whose rules are identical in both rulebooks gets
 * the same verdict from the same facts, so evaluating it twice would tell nothing.
 */
import type { AssessmentInput, IsoDate, Verdict } from "@klastry/domain";
import type { CompiledRule, Rulebook } from "./compile-rulebook.ts";
import { evaluateVerdicts } from "./evaluate-verdicts.ts";

/** The rules of the instruments whose rule sets differ between two rulebooks. */
export interface RulebookDelta {
  readonly instruments: ReadonlySet<string>;
  readonly currentRules: readonly CompiledRule[];
  readonly candidateRules: readonly CompiledRule[];
}

/** What one rule contributes, as text: same text in both rulebooks means the same verdicts. */
function signature(rule: CompiledRule): string {
  return `${rule.id}\u0000${JSON.stringify(rule.definition)}`;
}

function rulesByInstrument(rulebook: Rulebook): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const rule of rulebook.rules) {
    const list = map.get(rule.instrument);
    if (list) list.push(signature(rule));
    else map.set(rule.instrument, [signature(rule)]);
  }
  return map;
}

/**
 * Finds the instruments whose rules were added, removed or changed.
 *
 * @example
 * const delta = rulebookDelta(served, candidate);
 * [...delta.instruments]; // ["feng-2-17-rozwoj-oferty-klastrow"]
 */
export function rulebookDelta(current: Rulebook, candidate: Rulebook): RulebookDelta {
  const before = rulesByInstrument(current);
  const after = rulesByInstrument(candidate);
  const instruments = new Set<string>();
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const a = (before.get(id) ?? []).sort().join("\u0001");
    const b = (after.get(id) ?? []).sort().join("\u0001");
    if (a !== b) instruments.add(id);
  }
  return {
    instruments,
    currentRules: current.rules.filter((rule) => instruments.has(rule.instrument)),
    candidateRules: candidate.rules.filter((rule) => instruments.has(rule.instrument)),
  };
}

export interface VerdictChange {
  instrumentId: string;
  /** "not_eligible" also stands for "no rule" (the instrument is not recommended). */
  before: Verdict;
  after: Verdict;
  nearMissBefore: boolean;
  nearMissAfter: boolean;
}

/**
 * The verdict changes of one parsed assessment between the current and the candidate rulebook,
 * sorted by instrument id. Pass a precomputed `delta` when comparing many assessments; near-miss
 * flags are compared only with `{ nearMisses: true }` (otherwise both stay false).
 */
export function compareVerdicts(
  current: Rulebook,
  candidate: Rulebook,
  assessment: AssessmentInput,
  date: IsoDate,
  delta: RulebookDelta = rulebookDelta(current, candidate),
  options: { nearMisses?: boolean } = {},
): VerdictChange[] {
  if (delta.instruments.size === 0) return [];
  // Near misses cost a second, recording pass over every failed rule: only on request.
  const nearMisses = options.nearMisses ?? false;
  const before = evaluateVerdicts(current, assessment, date, {
    rules: delta.currentRules,
    nearMisses,
  });
  const after = evaluateVerdicts(candidate, assessment, date, {
    rules: delta.candidateRules,
    nearMisses,
  });
  const changes: VerdictChange[] = [];
  for (const instrumentId of [...delta.instruments].sort()) {
    const was = before.get(instrumentId);
    const is = after.get(instrumentId);
    const change: VerdictChange = {
      instrumentId,
      before: was?.verdict ?? "not_eligible",
      after: is?.verdict ?? "not_eligible",
      nearMissBefore: was?.nearMiss ?? false,
      nearMissAfter: is?.nearMiss ?? false,
    };
    if (change.before !== change.after || change.nearMissBefore !== change.nearMissAfter)
      changes.push(change);
  }
  return changes;
}
