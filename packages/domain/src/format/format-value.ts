/**
 * @module
 * A value in words, the one formatter of the product: the engine's reasons, the CLI and the web
 * all call it. Driven by the fact catalogue's spec: numbers with their unit in agreement ("2
 * lata"), codes as their vocabulary labels, dates as dates, lists joined in words ("A, B i C" or
 * "A, B lub C"). An answer not given and an answer of "none" are different words.
 */
import type { FactSpec, FactVocabulary } from "../fact-catalogue.ts";
import { indexByCode, type Language, type VocabularyEntry } from "../vocabulary/localized.ts";
import { REGIONS } from "../vocabulary/regions.ts";
import {
  ActorTypes,
  CallStatuses,
  EscaLabels,
  LegalForms,
  MaturityStages,
  PublicTasks,
  ReadinessLevels,
  SupportFunctions,
} from "../vocabulary/vocabulary.ts";
import { formatDate } from "./dates.ts";
import { formatCount, formatNumber, UNITS } from "./plural.ts";

const VOCABULARIES: Record<FactVocabulary, ReadonlyMap<string, VocabularyEntry>> = {
  actorTypes: indexByCode(ActorTypes.entries),
  supportFunctions: indexByCode(SupportFunctions.entries),
  publicTasks: indexByCode(PublicTasks.entries),
  readinessLevels: indexByCode(ReadinessLevels.entries),
  regions: indexByCode(REGIONS),
  legalForms: indexByCode(LegalForms.entries),
  maturityStages: indexByCode(MaturityStages.entries),
  escaLabels: indexByCode(EscaLabels.entries),
  callStatuses: indexByCode(CallStatuses.entries),
};

/** The fixed words of the formatter. */
export const VALUE_WORDS = {
  pl: { yes: "tak", no: "nie", none: "brak", notAnswered: "brak odpowiedzi", and: "i", or: "lub" },
  en: { yes: "yes", no: "no", none: "none", notAnswered: "not answered", and: "and", or: "or" },
} as const satisfies Record<Language, Record<string, string>>;

export interface FormatOptions {
  /** How a list is joined: "A, B i C" (and, the default) or "A, B lub C" (or). */
  join?: "and" | "or";
}

/**
 * Renders a value for a person: `undefined` is a question not answered, `null` and `[]` are the
 * answer "none".
 *
 * @example
 * formatValue(2, "pl", { type: "number", label, unit: UNITS.years }); // "2 lata"
 * formatValue(["sme", "other"], "en", actorTypesSpec, { join: "or" }); // "SMEs ... or Other members"
 */
export function formatValue(
  value: unknown,
  language: Language,
  spec?: Pick<FactSpec, "type" | "unit" | "vocabulary">,
  options: FormatOptions = {},
): string {
  const words = VALUE_WORDS[language];
  if (value === undefined) return words.notAnswered;
  if (value === null) return words.none;
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (typeof value === "number") return formatAmount(value, language, spec);
  if (typeof value === "string") {
    if (spec?.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value))
      return formatDate(value, language);
    return labelOf(value, language, spec?.vocabulary);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return words.none;
    return joinWords(
      value.map((item) => formatValue(item, language, spec)),
      language,
      options.join ?? "and",
    );
  }
  return JSON.stringify(value);
}

/** A code's label in its vocabulary; the code itself when it has none. */
export function labelOf(code: string, language: Language, vocabulary?: FactVocabulary): string {
  const entry = vocabulary ? VOCABULARIES[vocabulary].get(code) : undefined;
  return entry ? entry.label[language] : code;
}

/** "A", "A i B", "A, B i C" (or "lub" / "or"). */
export function joinWords(
  items: readonly string[],
  language: Language,
  join: "and" | "or",
): string {
  const word = VALUE_WORDS[language][join];
  if (items.length <= 1) return items.join("");
  const head = items.slice(0, -1).join(", ");
  // English lists of three or more take the serial comma ("A, B, or C").
  const comma = language === "en" && items.length > 2 ? "," : "";
  return `${head}${comma} ${word} ${items[items.length - 1]}`;
}

function formatAmount(
  value: number,
  language: Language,
  spec: Pick<FactSpec, "unit"> | undefined,
): string {
  const unit = spec?.unit;
  if (unit === undefined) return formatNumber(value, language);
  if (unit === UNITS.percent) return `${formatNumber(value, language)}%`;
  return formatCount(value, unit, language);
}
