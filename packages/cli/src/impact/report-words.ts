/**
 * @module
 * The words of the impact report in Polish and English, shared by the text and markdown
 * renderings: the summary sentence, standings, a cause (the condition that made the
 * difference) and the population line.
 */
import { formatNumber, formatValue, type Language } from "@klastry/domain";
import {
  describeChange,
  type CauseSummary,
  type ImpactCause,
  type RulebookImpact,
  type Standing,
  type StandingCounts,
} from "@klastry/rules-engine";

export const n = (value: number, language: Language) => formatNumber(value, language);

const STANDING: Record<Language, Record<Standing, string>> = {
  pl: {
    eligible: "kwalifikuje się",
    unknown: "nie wiadomo",
    near_miss: "prawie",
    not_eligible: "nie kwalifikuje się",
  },
  en: {
    eligible: "eligible",
    unknown: "can't tell",
    near_miss: "near miss",
    not_eligible: "not eligible",
  },
};

export const standingText = (standing: Standing, language: Language) =>
  STANDING[language][standing];

const OUTCOME: Record<Language, Record<"pass" | "fail" | "unknown", string>> = {
  pl: { pass: "spełniony", fail: "niespełniony", unknown: "nie wiadomo" },
  en: { pass: "met", fail: "not met", unknown: "can't tell" },
};

const RULE_CHANGE: Record<Language, Record<string, string>> = {
  pl: {
    added: "dodana",
    removed: "usunięta",
    now_active: "obowiązuje w dniu oceny",
    no_longer_active: "nie obowiązuje już w dniu oceny",
    changed: "zmieniona",
  },
  en: {
    added: "added",
    removed: "removed",
    now_active: "now in force on the date",
    no_longer_active: "no longer in force on the date",
    changed: "changed",
  },
};

export const ruleChangeText = (change: string, language: Language) =>
  RULE_CHANGE[language][change] ?? change;

/** Words for the report's fixed phrases. */
export const WORDS = {
  pl: {
    title: "Skutki zmiany reguł",
    against: "względem",
    evaluatedOn: "ocena na dzień",
    instrument: "Instrument",
    instruments: "Instrumenty",
    withoutEffect: "Reguły zmienione bez skutku dla klastrów tej populacji",
    clusters: "Klastry",
    eligible: "Kwalifikuje się",
    nearMiss: "Prawie",
    unknown: "Nie wiadomo",
    cause: "Warunek, który przesądził",
    rule: "Reguła",
    change: "Zmiana",
    conditions: "Warunki",
    region: "Województwo",
    changed: "Ze zmianą",
    gain: "Zyskują",
    lose: "Tracą",
    cluster: "Klaster",
    before: "Przed",
    after: "Po",
    regions: "Województwa",
    clustersThatChange: "Klastry ze zmianą",
    rulesChanged: "Reguły dodane, usunięte lub zmienione",
    noChange: "Brak zmian: obie księgi reguł dają te same wyniki dla każdego klastra.",
    more: (count: string) => `…i ${count} więcej (pełna lista: --format json)`,
    value: "wartość klastra",
    fields: "pola",
    reasonsChanged: "teksty uzasadnień zmienione",
  },
  en: {
    title: "Rule impact",
    against: "against",
    evaluatedOn: "evaluated on",
    instrument: "Instrument",
    instruments: "Instruments",
    withoutEffect: "Instruments whose rules changed with no effect on this population",
    clusters: "Clusters",
    eligible: "Eligible",
    nearMiss: "Near miss",
    unknown: "Can't tell",
    cause: "Condition that made the difference",
    rule: "Rule",
    change: "Change",
    conditions: "Conditions",
    region: "Region",
    changed: "Changed",
    gain: "Gain",
    lose: "Lose",
    cluster: "Cluster",
    before: "Before",
    after: "After",
    regions: "Regions",
    clustersThatChange: "Clusters that change",
    rulesChanged: "Rules added, removed or changed",
    noChange: "No change: both rulebooks give every cluster the same outcome.",
    more: (count: string) => `…and ${count} more (the full list: --format json)`,
    value: "the cluster's value",
    fields: "fields",
    reasonsChanged: "reason texts changed",
  },
} as const;

/** "3 instruments change; 41 clusters gain, 2 lose". */
export function summarySentence(report: RulebookImpact, language: Language): string {
  const { instrumentsChanged: i, clustersGaining: g, clustersLosing: l } = report.summary;
  if (language === "pl")
    return `Instrumenty ze zmianami: ${n(i, language)}; klastry zyskują: ${n(g, language)}, tracą: ${n(l, language)}`;
  const s = (count: number, word: string) =>
    `${n(count, language)} ${word}${count === 1 ? "" : "s"}`;
  return `${s(i, "instrument")} change${i === 1 ? "s" : ""}; ${s(g, "cluster")} gain${g === 1 ? "s" : ""}, ${n(l, language)} lose${l === 1 ? "s" : ""}`;
}

/** "2,016 assessments evaluated on 2026-12-02 (13 sample, 2,000 generated)". */
export function populationText(report: RulebookImpact, language: Language): string {
  const parts = Object.entries(report.population.bySource)
    .map(([source, count]) => `${n(count, language)} ${source}`)
    .join(", ");
  const total = n(report.population.total, language);
  return language === "pl"
    ? `Ocen: ${total} (${parts}), ocena na dzień ${report.evaluatedOn}`
    : `${total} assessments (${parts}) evaluated on ${report.evaluatedOn}`;
}

/** "rules 60 -> 61: 1 added, 0 removed, 1 changed". */
export function rulesText(report: RulebookImpact, language: Language): string {
  const { rulesAdded: a, rulesRemoved: r, rulesChanged: c } = report.summary;
  const sizes = `${report.before.rules} -> ${report.after.rules}`;
  return language === "pl"
    ? `reguły ${sizes}: dodane ${a}, usunięte ${r}, zmienione ${c}`
    : `rules ${sizes}: ${a} added, ${r} removed, ${c} changed`;
}

/** "+41 −2" for a standing's gains and losses. */
export const plusMinus = (
  gained: StandingCounts,
  lost: StandingCounts,
  key: keyof StandingCounts,
  language: Language,
) => `+${n(gained[key], language)} −${n(lost[key], language)}`;

/** A condition's change, each side marked by `code`: `memberCount >= 51` -> `>= 40`. */
export function changeText(
  before: string | undefined,
  after: string | undefined,
  code: (text: string) => string = (text) => text,
): string {
  return describeChange(before, after)
    .split(" -> ")
    .map((side) => (/^[+-] /.test(side) ? `${side.slice(0, 2)}${code(side.slice(2))}` : code(side)))
    .join(" -> ");
}

/**
 * A cause in words: `kkk-status › enough-members (Number of members): memberCount >= 51 -> >= 40
 * [not met -> met]`. `code` marks condition text (backticks in markdown).
 */
export function causeText(
  cause: ImpactCause | CauseSummary,
  language: Language,
  code: (text: string) => string = (text) => text,
): string {
  if (cause.kind === "rule")
    return `${language === "pl" ? "reguła" : "rule"} ${code(cause.ruleId)} ${ruleChangeText(cause.change, language)}`;
  const what = `${code(cause.ruleId)} › ${code(cause.condition)} (${cause.label[language]})`;
  const text =
    cause.before !== undefined && cause.after !== undefined && cause.before === cause.after
      ? code(cause.after)
      : changeText(cause.before, cause.after, code);
  const outcome = [cause.outcomeBefore, cause.outcomeAfter]
    .map((o) => (o === undefined ? "—" : OUTCOME[language][o]))
    .join(" -> ");
  const actual =
    "actual" in cause && cause.actual !== undefined
      ? `; ${WORDS[language].value}: ${formatValue(cause.actual, language)}`
      : "";
  return `${what}: ${text} [${outcome}${actual}]`;
}
