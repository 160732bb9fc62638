/**
 * @module
 * A rule condition in words, from the fact catalogue: the default texts of a satisfied and a
 * failed condition per fact and operator, the short requirement used in "one of: ..." lines, and
 * the question that makes an unknown fact known. A rule file only carries a text where it has
 * something specific to say; its templates use the same placeholders ({label}, {actual},
 * {required}) and the same value formatter.
 */
import type { FactSpec } from "../fact-catalogue.ts";
import type { Language, LocalizedText } from "../vocabulary/localized.ts";
import { formatValue } from "./format-value.ts";

/** One condition as the engine saw it. */
export interface ConditionFacts {
  /** The spec of the fact (of the path's property when the condition has a path). */
  readonly spec?: FactSpec | undefined;
  readonly label: LocalizedText;
  readonly operator: string;
  readonly actual: unknown;
  readonly required: unknown;
  /** For a fact-to-fact comparison: the spec of the fact on the value side. */
  readonly requiredSpec?: FactSpec | undefined;
}

interface Templates {
  readonly pass: LocalizedText;
  readonly fail: LocalizedText;
  readonly requirement: LocalizedText;
}

const t = (pl: string, en: string): LocalizedText => ({ pl, en });

// `equal` is every operator's fallback, so it is always there.
const COMPARISONS: Readonly<Record<string, Templates> & { equal: Templates }> = {
  greaterThanInclusive: {
    pass: t(
      "{label}: {actual} (wymagane co najmniej {required})",
      "{label}: {actual} (at least {required} required)",
    ),
    fail: t(
      "{label}: {actual}; wymagane co najmniej {required}",
      "{label}: {actual}; at least {required} required",
    ),
    requirement: t("{label}: co najmniej {required}", "{label}: at least {required}"),
  },
  greaterThan: {
    pass: t(
      "{label}: {actual} (wymagane więcej niż {required})",
      "{label}: {actual} (more than {required} required)",
    ),
    fail: t(
      "{label}: {actual}; wymagane więcej niż {required}",
      "{label}: {actual}; more than {required} required",
    ),
    requirement: t("{label}: więcej niż {required}", "{label}: more than {required}"),
  },
  lessThanInclusive: {
    pass: t(
      "{label}: {actual} (dozwolone najwyżej {required})",
      "{label}: {actual} (at most {required} allowed)",
    ),
    fail: t(
      "{label}: {actual}; dozwolone najwyżej {required}",
      "{label}: {actual}; at most {required} allowed",
    ),
    requirement: t("{label}: najwyżej {required}", "{label}: at most {required}"),
  },
  lessThan: {
    pass: t(
      "{label}: {actual} (dozwolone mniej niż {required})",
      "{label}: {actual} (less than {required} allowed)",
    ),
    fail: t(
      "{label}: {actual}; dozwolone mniej niż {required}",
      "{label}: {actual}; less than {required} allowed",
    ),
    requirement: t("{label}: mniej niż {required}", "{label}: less than {required}"),
  },
  equal: {
    pass: t("{label}: {actual}", "{label}: {actual}"),
    fail: t("{label}: {actual}; wymagane: {required}", "{label}: {actual}; required: {required}"),
    requirement: t("{label}: {required}", "{label}: {required}"),
  },
  notEqual: {
    pass: t("{label}: {actual}", "{label}: {actual}"),
    fail: t(
      "{label}: {actual}; wymagane inne niż {required}",
      "{label}: {actual}; other than {required} required",
    ),
    requirement: t("{label}: inne niż {required}", "{label}: other than {required}"),
  },
  in: {
    pass: t("{label}: {actual}", "{label}: {actual}"),
    fail: t("{label}: {actual}; wymagane: {required}", "{label}: {actual}; required: {required}"),
    requirement: t("{label}: {required}", "{label}: {required}"),
  },
  notIn: {
    pass: t("{label}: {actual}", "{label}: {actual}"),
    fail: t("{label}: {actual}; wykluczone: {required}", "{label}: {actual}; excluded: {required}"),
    requirement: t("{label}: inne niż {required}", "{label}: other than {required}"),
  },
  contains: {
    pass: t("{label}: {required}", "{label}: {required}"),
    fail: t("{label}: brak pozycji „{required}”", '{label}: "{required}" is not among them'),
    requirement: t("{label}: {required}", "{label}: {required}"),
  },
  doesNotContain: {
    pass: t("{label}: bez pozycji „{required}”", '{label}: without "{required}"'),
    fail: t("{label}: zawiera „{required}”", '{label}: includes "{required}"'),
    requirement: t("{label}: bez pozycji „{required}”", '{label}: without "{required}"'),
  },
};

const OR_LISTS = new Set(["in", "notIn"]);

/** The sentences a boolean fact's condition reads as, when the catalogue gives them. */
function booleanTemplates(facts: ConditionFacts): Templates | undefined {
  const sentences = facts.spec?.sentences;
  const { operator, required } = facts;
  if (!sentences || typeof required !== "boolean") return undefined;
  if (operator !== "equal" && operator !== "notEqual") return undefined;
  const wanted = operator === "equal" ? required : !required;
  const good = wanted ? sentences.yes : sentences.no;
  const bad = wanted ? sentences.no : sentences.yes;
  return { pass: good, fail: bad, requirement: good };
}

function templatesOf(facts: ConditionFacts): Templates {
  const generic = booleanTemplates(facts) ?? COMPARISONS[facts.operator] ?? COMPARISONS.equal;
  const own = facts.spec?.templates?.[facts.operator];
  return own ? { ...generic, ...own } : generic;
}

/** Fills {label}, {actual} and {required} of a template. */
export function fillTemplate(template: string, facts: ConditionFacts, language: Language): string {
  let text = template;
  if (text.includes("{label}")) text = text.replaceAll("{label}", facts.label[language]);
  if (text.includes("{actual}")) {
    text = text.replaceAll("{actual}", formatValue(facts.actual, language, facts.spec));
  }
  if (text.includes("{required}")) {
    const join = OR_LISTS.has(facts.operator) ? "or" : "and";
    const spec = facts.requiredSpec ?? facts.spec;
    text = text.replaceAll("{required}", formatValue(facts.required, language, spec, { join }));
  }
  return text;
}

/**
 * A satisfied (`pass`) or failed (`fail`) condition in words: the rule's own template when it
 * has one, else the catalogue's default for the fact and operator.
 *
 * @example
 * conditionText({ spec, label, operator: "greaterThanInclusive", actual: 2, required: 3 }, "fail", "pl");
 * // "Wiek klastra w pełnych latach: 2 lata; wymagane co najmniej 3 lata"
 */
export function conditionText(
  facts: ConditionFacts,
  outcome: "pass" | "fail",
  language: Language,
  override?: LocalizedText,
): string {
  const template = override?.[language] ?? templatesOf(facts)[outcome][language];
  return fillTemplate(template, facts, language);
}

/** What the condition asks for, short, for a line of alternatives: "ważny status KKK". */
export function requirementText(facts: ConditionFacts, language: Language): string {
  return fillTemplate(templatesOf(facts).requirement[language], facts, language);
}

/** The question that makes a fact known: the catalogue's own, else "Please give: {label}". */
export function questionText(
  spec: FactSpec | undefined,
  label: LocalizedText,
  language: Language,
  override?: LocalizedText,
): string {
  const own = override?.[language] ?? spec?.question?.[language];
  if (own !== undefined) return own;
  return language === "pl" ? `Podaj: ${label.pl}` : `Please give: ${label.en}`;
}

/** "Jedno z: A; B; C" / "One of: A; B; C". */
export function oneOfText(alternatives: readonly string[], language: Language): string {
  const unique = [...new Set(alternatives)];
  if (unique.length === 1) return unique[0] as string;
  return `${language === "pl" ? "Jedno z" : "One of"}: ${unique.join(language === "pl" ? "; albo " : "; or ")}`;
}
