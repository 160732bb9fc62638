/**
 * @module
 * `klastry rules review` output: each rule with the record it rests on and its conditions in
 * words, as plain text for the terminal or as Markdown for a document a policy designer reads in
 * one go. Both formats say the same things in the same order.
 */
import { formatCount, type Language, type Lever, type Unit } from "@klastry/domain";
import type { ReviewedCondition } from "@klastry/rules-engine";
import type { InstrumentReview } from "./instrument-review.ts";

export type ReviewFormat = "text" | "markdown";

const RULES: Unit = {
  pl: { one: "reguła", few: "reguły", many: "reguł", other: "reguły" },
  en: { one: "rule", other: "rules" },
};

const WORDS = {
  pl: {
    title: "Przegląd reguł",
    intro: (n: number, date: string) =>
      `${formatCount(n, RULES, "pl")}; dostępność instrumentów na dzień ${date}. Progi słowami, w nawiasie: co klaster może z tym zrobić.`,
    rule: "Reguła",
    file: "plik",
    weight: "waga",
    valid: "obowiązuje",
    always: "bez ograniczeń",
    from: "od",
    to: "do",
    applicant: "Kto wnioskuje",
    actors: "Kto może skorzystać",
    regions: "Obszar",
    record: "Rekord instrumentu",
    confidence: "pewność",
    lastVerified: "sprawdzono",
    availability: "Dostępność",
    sources: "Źródła rekordu",
    ruleSource: "Źródło warunków reguły",
    description: "Opis",
    facts: "Fakty, które czyta reguła",
    conditions: "Warunki",
    all: "wszystkie:",
    any: "jedno z:",
    not: "nie:",
    asks: "pyta",
    ownText: "własny tekst reguły",
    lever: {
      actionable: "klaster może to zmienić",
      need: "potrzeba klastra",
      fixed: "stałe",
    } satisfies Record<Lever, string>,
    obtainable: "status do uzyskania; już posiadany nie jest „prawie”",
  },
  en: {
    title: "Rulebook review",
    intro: (n: number, date: string) =>
      `${formatCount(n, RULES, "en")}; instruments' availability on ${date}. Thresholds in words; in brackets, what the cluster can do about each.`,
    rule: "Rule",
    file: "file",
    weight: "weight",
    valid: "applies",
    always: "always",
    from: "from",
    to: "to",
    applicant: "Who applies",
    actors: "Who may use it",
    regions: "Area",
    record: "Instrument record",
    confidence: "confidence",
    lastVerified: "last verified",
    availability: "Availability",
    sources: "Record sources",
    ruleSource: "Source of the rule's conditions",
    description: "Description",
    facts: "Facts the rule reads",
    conditions: "Conditions",
    all: "all of:",
    any: "one of:",
    not: "not:",
    asks: "asks",
    ownText: "the rule's own text",
    lever: {
      actionable: "the cluster can change it",
      need: "a need of the cluster",
      fixed: "fixed",
    } satisfies Record<Lever, string>,
    obtainable: "a status to obtain; already holding it is no near miss",
  },
};

/** One line per condition, indented by depth: groups as "all of:", leaves as "- [name] requirement (lever)". */
function conditionLines(
  node: ReviewedCondition,
  language: Language,
  depth: number,
  bullet: string,
): string[] {
  const w = WORDS[language];
  const pad = "  ".repeat(depth);
  const name = node.name ? `[${node.name}] ` : "";
  if (node.kind !== "leaf") {
    return [
      `${pad}${bullet}${name}${w[node.kind]}`,
      ...node.children.flatMap((child) => conditionLines(child, language, depth + 1, bullet)),
    ];
  }
  const notes = [w.lever[node.lever], ...(node.obtainable ? [w.obtainable] : [])];
  const lines = [`${pad}${bullet}${name}${node.requirement} (${notes.join("; ")})`];
  if (node.question && node.lever !== "need") lines.push(`${pad}    ${w.asks}: ${node.question}`);
  if (node.ownTexts?.fail) lines.push(`${pad}    ${w.ownText}: ${node.ownTexts.fail}`);
  return lines;
}

function validity(review: InstrumentReview, language: Language): string {
  const w = WORDS[language];
  const { validFrom, validTo } = review.rule;
  if (!validFrom && !validTo) return w.always;
  return [validFrom && `${w.from} ${validFrom}`, validTo && `${w.to} ${validTo}`]
    .filter(Boolean)
    .join(" ");
}

/** One rule as text or Markdown lines. */
function ruleLines(review: InstrumentReview, language: Language, format: ReviewFormat): string[] {
  const w = WORDS[language];
  const md = format === "markdown";
  const { rule } = review;
  const item = md ? "- " : "  ";
  const bold = (s: string) => (md ? `**${s}**` : s);
  const lines = [
    md
      ? `## ${rule.ruleId}: ${review.instrumentName}`
      : `== ${rule.ruleId}: ${review.instrumentName}`,
    "",
    `${item}${w.file}: ${rule.file}; ${w.weight} ${rule.weight}; ${w.valid}: ${validity(review, language)}`,
    `${item}${bold(w.applicant)}: ${review.applicant}. ${w.actors}: ${review.eligibleActors}`,
    `${item}${bold(w.regions)}: ${review.regions}`,
    `${item}${bold(w.record)}: ${w.confidence} ${review.confidence}; ${w.lastVerified} ${review.lastVerified}`,
    `${item}${bold(w.availability)} (${review.availability.date}): ${review.availability.status}. ${review.availability.basis}`,
    `${item}${bold(w.sources)}: ${review.sources.join(" ; ")}`,
    `${item}${bold(w.ruleSource)}: ${rule.source}`,
  ];
  if (rule.description) lines.push(`${item}${bold(w.description)}: ${rule.description}`);
  lines.push("", md ? `${bold(w.facts)}:` : `  ${w.facts}:`, "");
  for (const fact of rule.facts) {
    const path = fact.path ? ` ${fact.path}` : "";
    lines.push(
      md ? `- \`${fact.fact}${path}\`: ${fact.label}` : `    ${fact.fact}${path}: ${fact.label}`,
    );
  }
  lines.push("", md ? `${bold(w.conditions)}:` : `  ${w.conditions}:`, "");
  lines.push(...conditionLines(rule.conditions, language, md ? 0 : 2, md ? "- " : ""));
  lines.push("");
  return lines;
}

/**
 * The whole review as one string.
 *
 * @example
 * renderReview(reviewInstruments(rulebook, "pl", "2026-12-02"), "pl", "markdown");
 */
export function renderReview(
  reviews: readonly InstrumentReview[],
  language: Language,
  format: ReviewFormat,
): string {
  const w = WORDS[language];
  const date = reviews[0]?.availability.date ?? "";
  const head = format === "markdown" ? `# ${w.title}` : w.title;
  const lines = [head, "", w.intro(reviews.length, date), ""];
  for (const review of reviews) lines.push(...ruleLines(review, language, format));
  return lines.join("\n");
}
