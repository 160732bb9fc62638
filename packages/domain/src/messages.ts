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
