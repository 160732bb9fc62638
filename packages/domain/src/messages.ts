/**
 * @module
 * Wording of validation issues, apart from the issue data (as zod keeps its locales).
 */
import type { Language } from "./vocabulary/localized.ts";

type Template = (params: Record<string, string>) => string;

const MESSAGES: Record<Language, Record<string, Template>> = {
  en: {
    INVALID_TYPE: (p) => `expected ${p.expected}, received ${p.received}`,
    INVALID_VALUE: (p) => `${p.received} is not allowed; allowed: ${p.allowed}`,
    TOO_SMALL: (p) =>
      p.origin === "array"
        ? `needs at least ${p.minimum} item(s)`
        : p.origin === "string"
          ? `must have at least ${p.minimum} character(s)`
          : `${p.minimum} is the minimum`,
    TOO_BIG: (p) =>
      p.origin === "array"
        ? `allows at most ${p.maximum} item(s)`
        : p.origin === "string"
          ? `allows at most ${p.maximum} character(s)`
          : `${p.maximum} is the maximum`,
    UNKNOWN_KEY: (p) => `unknown field(s): ${p.keys}`,
    INVALID_FORMAT: (p) => p.detail ?? `must be a valid ${p.format}`,
    TEXT_ILL_FORMED: () =>
      "is not well-formed Unicode: it holds half of a surrogate pair (e.g. \\ud800); send the text as UTF-8",
    TEXT_CONTROL: () => "must not contain control characters",
    TEXT_BIDI_CONTROL: () =>
      "must not contain bidirectional control characters (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C): they change the order in which text is shown",
    TEXT_INVISIBLE: () =>
      "must contain visible characters: only spaces or invisible characters (such as a zero-width space) were sent",
    TEXT_COMBINING_MARKS: (p) =>
      `allows at most ${p.max} combining marks (accents) on one character`,
  },
  pl: {
    INVALID_TYPE: (p) => `oczekiwano typu ${p.expected}, otrzymano ${p.received}`,
    INVALID_VALUE: (p) => `wartość ${p.received} jest niedozwolona; dozwolone: ${p.allowed}`,
    TOO_SMALL: (p) =>
      p.origin === "array"
        ? `wymaga co najmniej ${p.minimum} elementów`
        : p.origin === "string"
          ? `wymaga co najmniej ${p.minimum} znaków`
          : `minimum to ${p.minimum}`,
    TOO_BIG: (p) =>
      p.origin === "array"
        ? `dopuszcza najwyżej ${p.maximum} elementów`
        : p.origin === "string"
          ? `dopuszcza najwyżej ${p.maximum} znaków`
          : `maksimum to ${p.maximum}`,
    UNKNOWN_KEY: (p) => `nieznane pole: ${p.keys}`,
    INVALID_FORMAT: (p) => `nieprawidłowy format (${p.format})`,
    TEXT_ILL_FORMED: () =>
      "to nie jest poprawny tekst Unicode: zawiera połowę pary surogatów (np. \\ud800); wyślij tekst w UTF-8",
    TEXT_CONTROL: () => "nie może zawierać znaków sterujących",
    TEXT_BIDI_CONTROL: () =>
      "nie może zawierać znaków sterujących kierunkiem tekstu (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C): zmieniają kolejność wyświetlania tekstu",
    TEXT_INVISIBLE: () =>
      "musi zawierać widoczne znaki: wysłano tylko spacje lub znaki niewidoczne (np. spację o zerowej szerokości)",
    TEXT_COMBINING_MARKS: (p) =>
      `dopuszcza najwyżej ${p.max} znaki diakrytyczne łączone z jednym znakiem`,
  },
};

export function renderIssueMessage(
  language: Language,
  code: string,
  params: Record<string, string>,
): string {
  const template = MESSAGES[language][code] ?? MESSAGES.en[code];
  return template ? template(params) : code;
}
