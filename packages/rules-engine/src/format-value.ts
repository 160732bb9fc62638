/**
 * @module
 * Values in words for reasons: numbers in the language's format, booleans as tak/nie or yes/no,
 * codes as their vocabulary labels, arrays joined, a missing value said as such.
 */
import {
  ActorTypes,
  CallStatuses,
  EscaLabels,
  indexByCode,
  LegalForms,
  MaturityStages,
  PublicTasks,
  ReadinessLevels,
  REGIONS,
  SupportFunctions,
  type FactSpec,
  type FactVocabulary,
  type Language,
  type LocalizedText,
  type VocabularyEntry,
} from "@klastry/domain";

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

const WORDS: Record<Language, { yes: string; no: string; none: string; unknown: string }> = {
  pl: { yes: "tak", no: "nie", none: "brak", unknown: "brak danych" },
  en: { yes: "yes", no: "no", none: "none", unknown: "not given" },
};

const NUMBER_FORMAT: Record<Language, Intl.NumberFormat> = {
  pl: new Intl.NumberFormat("pl-PL", { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }),
};

/** Renders a value for a person; `spec` supplies labels for codes. */
export function formatValue(value: unknown, language: Language, spec?: FactSpec): string {
  const words = WORDS[language];
  if (value === undefined) return words.unknown;
  if (value === null) return words.none;
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (typeof value === "number") return NUMBER_FORMAT[language].format(value);
  if (typeof value === "string") {
    const entry = spec?.vocabulary ? VOCABULARIES[spec.vocabulary].get(value) : undefined;
    return entry ? entry.label[language] : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return words.none;
    return value.map((item) => formatValue(item, language, spec)).join(", ");
  }
  return JSON.stringify(value);
}

/** Fills `{actual}` and `{required}` in a reason template. */
export function renderTemplate(
  template: LocalizedText,
  language: Language,
  values: { actual: string; required: string },
): string {
  return template[language]
    .replaceAll("{actual}", values.actual)
    .replaceAll("{required}", values.required);
}
