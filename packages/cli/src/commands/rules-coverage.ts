/**
 * @module
 * `klastry rules coverage [--dir <folder>] [--lang pl|en]`: what the rulebook leaves out.
 * Instruments of the knowledge base without a rule; rules that never fire on any sample cluster
 * assessment (each evaluated on its own date); and needs (actor x function) the sample clusters
 * report that no instrument with a rule serves (seed question 8: which needs public funds cover),
 * and those no instrument covered on the day of the assessment (`needsCoverage`: eligible or
 * can't-tell-yet, and open, announced, expected or available then; the engine's own verdicts).
 */
import { parseArgs } from "node:util";
import { ActorTypes, SupportFunctions, type Language } from "@klastry/domain";
import { loadKnowledgeBase, sampleAssessmentInputs, type KnowledgeBase } from "@klastry/knowledge";
import { evaluate, loadRulebook, needsCoverage, type Rulebook } from "@klastry/rules-engine";
import type { CommandIo } from "../io.ts";
import { languageOf, rulesDir } from "./rules-shared.ts";

/** The three gaps, as data (the command prints them; tests and other tools read them). */
export interface CoverageReport {
  instrumentsWithoutRule: string[];
  rulesNeverFiring: string[];
  /** Needs no instrument with a rule serves, with the sample clusters reporting them. */
  uncoveredNeeds: NeedGap[];
  /**
   * Needs that, on the day the sample cluster assessed itself, no instrument covered for it
   * (eligible or can't-tell-yet, and open, announced, expected or available then).
   */
  unservedOnDate: NeedGap[];
  assessments: number;
}

/** A need (actor x function) and the sample clusters reporting it. */
export interface NeedGap {
  actor: string;
  function: string;
  clusters: string[];
}

/** Computes the coverage report for a rulebook over the knowledge base's sample clusters. */
export function coverageOf(rulebook: Rulebook, knowledge: KnowledgeBase): CoverageReport {
  const withRule = new Set(rulebook.rules.map((rule) => rule.instrument));
  const instrumentsWithoutRule = knowledge.instruments
    .map((i) => i.id)
    .filter((id) => !withRule.has(id))
    .sort();
  const fired = new Set<string>();
  const needs = new Map<string, Set<string>>();
  const unserved = new Map<string, Set<string>>();
  const ruled = knowledge.instruments.filter((i) => withRule.has(i.id));
  const serves = (i: (typeof ruled)[number], actor: string, fn: string) =>
    i.eligibleActors.includes(actor as never) && i.functions.includes(fn as never);
  let assessments = 0;
  for (const { clusterId, assessedOn, input } of sampleAssessmentInputs(knowledge)) {
    assessments++;
    const set = evaluate(rulebook, input, { date: assessedOn, language: "en" });
    for (const r of set.recommendations)
      if (r.verdict === "eligible") r.ruleIds.forEach((id) => fired.add(id));
    for (const { need, coveredBy } of needsCoverage(rulebook, input, assessedOn)) {
      const key = `${need.actor}/${need.function}`;
      needs.set(key, (needs.get(key) ?? new Set()).add(clusterId));
      if (coveredBy.length === 0)
        unserved.set(key, (unserved.get(key) ?? new Set()).add(clusterId));
    }
  }
  return {
    instrumentsWithoutRule,
    rulesNeverFiring: rulebook.rules.map((rule) => rule.id).filter((id) => !fired.has(id)),
    uncoveredNeeds: gaps(needs).filter(
      (need) => !ruled.some((i) => serves(i, need.actor, need.function)),
    ),
    unservedOnDate: gaps(unserved),
    assessments,
  };
}

/** Most-reported first, then by actor and function. */
function gaps(byKey: Map<string, Set<string>>): NeedGap[] {
  return [...byKey.entries()]
    .map(([key, clusters]) => {
      const [actor, fn] = key.split("/") as [string, string];
      return { actor, function: fn, clusters: [...clusters].sort() };
    })
    .sort(
      (a, b) =>
        b.clusters.length - a.clusters.length ||
        (`${a.actor}/${a.function}` < `${b.actor}/${b.function}` ? -1 : 1),
    );
}

export function rulesCoverage(args: string[], io: CommandIo): number {
  const { values } = parseArgs({
    args,
    options: { dir: { type: "string" }, lang: { type: "string" } },
  });
  const language = languageOf(values.lang, "en");
  if (!language) {
    io.err(`--lang ${JSON.stringify(values.lang)} is not a language; allowed: pl, en`);
    return 2;
  }
  const knowledge = loadKnowledgeBase();
  const rulebook = loadRulebook({ dir: rulesDir(io, values.dir), knowledge });
  const report = coverageOf(rulebook, knowledge);
  const pl = language === "pl";
  const label = (
    entries: typeof ActorTypes.entries | typeof SupportFunctions.entries,
    code: string,
    lang: Language,
  ) => entries.find((e) => e.code === code)?.label[lang] ?? code;
  io.out(
    pl
      ? `Instrumenty bez reguły (${report.instrumentsWithoutRule.length}):`
      : `Instruments without a rule (${report.instrumentsWithoutRule.length}):`,
  );
  for (const id of report.instrumentsWithoutRule) io.out(`  ${id}`);
  io.out(
    pl
      ? `Reguły, które nie wskazują instrumentu dla żadnej oceny przykładowych klastrów (${report.rulesNeverFiring.length} z ${rulebook.rules.length}; ${report.assessments} ocen, każda na swój dzień):`
      : `Rules that fire on no sample cluster assessment (${report.rulesNeverFiring.length} of ${rulebook.rules.length}; ${report.assessments} assessments, each on its own date):`,
  );
  for (const id of report.rulesNeverFiring) io.out(`  ${id}`);
  io.out(
    pl
      ? `Potrzeby przykładowych klastrów, których nie obsługuje żaden instrument z regułą (${report.uncoveredNeeds.length}):`
      : `Needs of the sample clusters no instrument with a rule serves (${report.uncoveredNeeds.length}):`,
  );
  const printNeed = (need: NeedGap) =>
    io.out(
      `  ${label(ActorTypes.entries, need.actor, language)} x ${label(SupportFunctions.entries, need.function, language)} (${need.actor}/${need.function}): ${need.clusters.join(", ")}`,
    );
  report.uncoveredNeeds.forEach(printNeed);
  io.out(
    pl
      ? `Potrzeby, których w dniu oceny nie pokrywał żaden instrument (kwalifikujący lub nierozstrzygnięty; nabór otwarty, zapowiedziany, spodziewany lub oferta dostępna) (${report.unservedOnDate.length}):`
      : `Needs no instrument covered on the assessment date (eligible or can't tell yet; open, announced, expected or available) (${report.unservedOnDate.length}):`,
  );
  report.unservedOnDate.forEach(printNeed);
  return 0;
}
