/**
 * @module
 * Numbers with their nouns, in agreement: "1 rok, 2 lata, 5 lat, 1,5 roku", "1 year, 2 years".
 * Polish has four forms (Intl.PluralRules: one, few, many, other for fractions), English two.
 */
import type { Language } from "../vocabulary/localized.ts";

/** A noun's forms; `few` and `many` are Polish (2-4 and 5+), `other` is used for fractions. */
export interface PluralForms {
  readonly one: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

/** A unit in both languages, e.g. years: { pl: { one: "rok", few: "lata", ... }, en: ... }. */
export type Unit = Readonly<Record<Language, PluralForms>>;

const RULES: Record<Language, Intl.PluralRules> = {
  pl: new Intl.PluralRules("pl-PL"),
  en: new Intl.PluralRules("en-GB"),
};

const NUMBERS: Record<Language, Intl.NumberFormat> = {
  pl: new Intl.NumberFormat("pl-PL", { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }),
};

/** A number in the language's format: "1 234,5" / "1,234.5". */
export function formatNumber(value: number, language: Language): string {
  return NUMBERS[language].format(value);
}

/** The noun form that agrees with `count`. */
export function pluralWord(count: number, forms: PluralForms, language: Language): string {
  const category = RULES[language].select(count);
  if (category === "one") return forms.one;
  if (category === "few") return forms.few ?? forms.other;
  if (category === "many") return forms.many ?? forms.other;
  return forms.other;
}

/** "2 lata", "5 lat", "1 year", "3 years". */
export function formatCount(count: number, unit: Unit, language: Language): string {
  return `${formatNumber(count, language)} ${pluralWord(count, unit[language], language)}`;
}

/** Units the product counts in. */
export const UNITS = {
  years: {
    pl: { one: "rok", few: "lata", many: "lat", other: "roku" },
    en: { one: "year", other: "years" },
  },
  days: {
    pl: { one: "dzień", few: "dni", many: "dni", other: "dnia" },
    en: { one: "day", other: "days" },
  },
  members: {
    pl: { one: "członek", few: "członków", many: "członków", other: "członka" },
    en: { one: "member", other: "members" },
  },
  memberTypes: {
    pl: { one: "typ", few: "typy", many: "typów", other: "typu" },
    en: { one: "type", other: "types" },
  },
  people: {
    pl: { one: "osoba", few: "osoby", many: "osób", other: "osoby" },
    en: { one: "person", other: "people" },
  },
  fte: {
    pl: { one: "etat", few: "etaty", many: "etatów", other: "etatu" },
    en: { one: "FTE", other: "FTE" },
  },
  projects: {
    pl: { one: "projekt", few: "projekty", many: "projektów", other: "projektu" },
    en: { one: "project", other: "projects" },
  },
  partners: {
    pl: { one: "partner", few: "partnerów", many: "partnerów", other: "partnera" },
    en: { one: "partner", other: "partners" },
  },
  percent: { pl: { one: "%", other: "%" }, en: { one: "%", other: "%" } },
  pln: { pl: { one: "zł", other: "zł" }, en: { one: "PLN", other: "PLN" } },
} as const satisfies Record<string, Unit>;
