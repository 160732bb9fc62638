/**
 * @module
 * The text of a catalogue record that people read (names, descriptions, labels, notes shown as a
 * status's basis, source titles), each with the path it sits at. The catalogue check reads it for
 * words about how the catalogue was made; `maintainerNotes` are not here because they are never
 * served.
 */
import type {
  FundingSource,
  Instrument,
  IssuePath,
  LocalizedText,
  PublicTaskRecord,
  Source,
} from "@klastry/domain";

/** One piece of user-facing text and where it sits in its record. */
export interface TextAt {
  path: IssuePath;
  text: string;
}

function localized(path: IssuePath, value: LocalizedText | undefined): TextAt[] {
  if (value === undefined) return [];
  return [
    { path: [...path, "pl"], text: value.pl },
    { path: [...path, "en"], text: value.en },
  ];
}

function sourceTitles(sources: readonly Source[], prefix: IssuePath = []): TextAt[] {
  return sources.flatMap((source, index) =>
    source.title === undefined
      ? []
      : [{ path: [...prefix, "sources", index, "title"], text: source.title }],
  );
}

export function instrumentTexts(instrument: Instrument): TextAt[] {
  const a = instrument.availability;
  return [
    ...localized(["name"], instrument.name),
    ...localized(["shortName"], instrument.shortName),
    ...localized(["description"], instrument.description),
    ...localized(["operator"], instrument.operator),
    ...localized(["amount", "note"], instrument.amount?.note),
    ...localized(["callBudget", "label"], instrument.callBudget?.label),
    ...a.calls.flatMap((w, i) => localized(["availability", "calls", i, "label"], w.label)),
    ...localized(["availability", "recurrence", "note"], a.recurrence?.note),
    ...localized(["availability", "continuous", "note"], a.continuous?.note),
    ...localized(["availability", "programme", "note"], a.programme?.note),
    ...localized(["availability", "ended", "note"], a.ended?.note),
    ...sourceTitles(instrument.sources),
  ];
}

export function fundingSourceTexts(source: FundingSource): TextAt[] {
  return [
    ...localized(["name"], source.name),
    ...localized(["abbreviation"], source.abbreviation),
    ...localized(["description"], source.description),
    ...sourceTitles(source.sources),
  ];
}

/** `index` is the task's position in public-tasks.yaml, the start of every path. */
export function publicTaskTexts(task: PublicTaskRecord, index: number): TextAt[] {
  return [
    ...localized([index, "description"], task.description),
    ...localized([index, "unsourced"], task.unsourced),
    ...sourceTitles(task.sources, [index]),
  ];
}

/**
 * Words that give away how the catalogue was made: the research notes' file name, their
 * "sections" and the "blocks" of the old data model, in English and Polish (all inflections of
 * "sekcja"; "blok" only as the noun, so "blokada" passes).
 */
const INTERNAL_WORDS =
  /(?<![\p{L}\p{N}])(facts\.md|facts-2024-2027[\w-]*\.md|sections?|sekcj\p{L}*|blocks?|blok(?:u|i|ów|iem|ach|ami|owi)?)(?![\p{L}\p{N}])/iu;

/** The internal word a text names, if any. */
export function internalWordIn(text: string): string | undefined {
  return INTERNAL_WORDS.exec(text)?.[1];
}
