/**
 * @module
 * The page's language: Polish by default, English on request, remembered in localStorage. Every
 * visible string comes from the catalogues here; dates, numbers and money go through Intl with the
 * page's locale. `<html lang>` follows the chosen language. The Polish catalogue is part of the
 * first page; the English one is a chunk of its own, loaded when English is chosen (or was chosen
 * before: `initLanguage` waits for it before the first render), so nobody downloads both.
 */
import { createSignal } from "solid-js";
import type { Language, LocalizedText } from "@klastry/domain";
import { pl, type Catalogue, type MessageKey } from "./pl.ts";

export type { Catalogue, MessageKey };

const STORAGE_KEY = "klastry.language";
const CATALOGUES: Partial<Record<Language, Catalogue>> = { pl };

/** Makes sure a language's catalogue is loaded. */
async function loadCatalogue(next: Language): Promise<Catalogue> {
  const loaded = CATALOGUES[next];
  if (loaded) return loaded;
  const { en } = await import("./en.ts");
  CATALOGUES.en = en;
  return en;
}
const LOCALES: Record<Language, string> = { pl: "pl-PL", en: "en-GB" };

function initialLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored === "pl" || stored === "en") return stored;
  } catch {
    // Storage may be blocked (privacy mode); Polish is the default.
  }
  return "pl";
}

const [language, setLanguageSignal] = createSignal<Language>("pl");
syncDocumentLanguage(language());

/** The page's language (reactive). */
export { language };

/** Loads the remembered language's catalogue and switches to it; call before the first render. */
export async function initLanguage(): Promise<void> {
  const stored = initialLanguage();
  if (stored === language()) return;
  await loadCatalogue(stored).then(
    () => apply(stored),
    () => undefined, // A failed download keeps Polish; the switch can be tried again.
  );
}

function apply(next: Language): void {
  setLanguageSignal(next);
  syncDocumentLanguage(next);
}

/**
 * Switches the language of every string (at once when its catalogue is loaded, else once it is),
 * remembers it and updates `<html lang>`.
 */
export function setLanguage(next: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered when storage is blocked; the switch still works for this page.
  }
  if (CATALOGUES[next]) apply(next);
  else void loadCatalogue(next).then(() => apply(next));
}

function syncDocumentLanguage(next: Language): void {
  if (typeof document !== "undefined") document.documentElement.lang = next;
}

/** The Intl locale of the page's language. */
export function locale(): string {
  return LOCALES[language()];
}

/**
 * A message in the page's language; `{name}` placeholders are filled from `params`.
 *
 * @example
 * t("wizard.progress", { step: 2, total: 5 }); // "Krok 2 z 5"
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const template = (CATALOGUES[language()] ?? pl)[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const PLURAL_RULES: Record<Language, Intl.PluralRules> = {
  pl: new Intl.PluralRules("pl-PL"),
  en: new Intl.PluralRules("en-GB"),
};

/**
 * A count with its noun in agreement, from a catalogue entry of forms `one|few|many|other`
 * (Polish: "1 pytanie", "2 pytania", "5 pytań") or `one|other` (English).
 *
 * @example
 * plural("plural.question", 5); // "5 pytań"
 */
export function plural(key: MessageKey, count: number): string {
  const [one, few, many, other] = (CATALOGUES[language()] ?? pl)[key].split("|");
  const category = PLURAL_RULES[language()].select(count);
  const word =
    category === "one"
      ? one
      : category === "few"
        ? (few ?? other)
        : category === "many"
          ? (many ?? other ?? few)
          : (other ?? many ?? few);
  return `${formatNumber(count)} ${word ?? ""}`.trim();
}

/** A vocabulary or catalogue label in the page's language. */
export function label(text: LocalizedText | undefined): string {
  return text ? text[language()] : "";
}

/** Looks up a vocabulary entry's label by code; falls back to the code itself. */
export function labelOf(
  entries: readonly { code: string; label: LocalizedText }[],
  code: string,
): string {
  const entry = entries.find((candidate) => candidate.code === code);
  return entry ? entry.label[language()] : code;
}

/** A calendar date (YYYY-MM-DD or ISO timestamp) in the page's locale. */
export function formatDate(value: string | undefined): string {
  if (!value) return "";
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), { dateStyle: "long", timeZone: "Europe/Warsaw" }).format(
    date,
  );
}

/** A moment (ISO timestamp) with date and time, in the page's locale and Polish time. */
export function formatDateTime(value: string | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Warsaw",
  }).format(date);
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale(), options).format(value);
}

export function formatMoney(value: number, currency: string): string {
  return new Intl.NumberFormat(locale(), {
    style: "currency",
    currency,
    maximumFractionDigits: 0,
  }).format(value);
}

export function formatPercent(value: number): string {
  return new Intl.NumberFormat(locale(), { style: "percent", maximumFractionDigits: 1 }).format(
    value / 100,
  );
}
