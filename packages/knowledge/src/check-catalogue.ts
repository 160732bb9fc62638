/**
 * @module
 * Catalogue hygiene as data: the rules a catalogue must keep before it ships, checked over a
 * loaded knowledge base for a given day. Errors: a status that says open or available without a
 * dated basis; high confidence resting only on secondary sources; an announced window left in
 * the past; an end that is only the day somebody verified the record; user-facing text naming
 * internal documents. Warnings: a record not verified for 180 days.
 */
import {
  availabilityOn,
  addYears,
  daysBetween,
  formatPath,
  PublicTasks,
  resolveWindows,
  toJsonPointer,
  type AvailabilityOn,
  type Confidence,
  type Instrument,
  type IsoDate,
  type IssuePath,
  type Source,
} from "@klastry/domain";
import type { KnowledgeBase } from "./load-knowledge-base.ts";
import { KNOWLEDGE_LAYOUT } from "./knowledge-dir.ts";
import {
  fundingSourceTexts,
  instrumentTexts,
  internalWordIn,
  publicTaskTexts,
  type TextAt,
} from "./user-facing-text.ts";

export const CATALOGUE_CHECK_CODES = [
  "UNDATED_STATUS",
  "HIGH_CONFIDENCE_WITHOUT_OFFICIAL_SOURCE",
  "PLANNED_WINDOW_PAST",
  "END_IS_VERIFICATION_DAY",
  "INTERNAL_DOCUMENT_NAMED",
  "VERIFICATION_STALE",
] as const;
export type CatalogueCheckCode = (typeof CATALOGUE_CHECK_CODES)[number];
export type CatalogueSeverity = "error" | "warning";

/** One finding of the catalogue check: which file, where in it, what is wrong. */
export interface CatalogueIssue {
  /** Path of the file relative to the knowledge directory, with forward slashes. */
  file: string;
  /** Where, as a dotted path: `availability.calls[0].planned`. */
  path: string;
  /** Where, as an RFC 6901 JSON pointer: `/availability/calls/0/planned`. */
  pointer: string;
  code: CatalogueCheckCode;
  severity: CatalogueSeverity;
  message: string;
}

export interface CatalogueCheckOptions {
  /** Days after which lastVerified draws a warning (default 180). */
  maxAgeDays?: number;
  /** The status derivation whose output is checked; `availabilityOn` unless a test swaps it. */
  derive?: (instrument: Instrument, date: IsoDate) => AvailabilityOn;
}

export function checkCatalogue(
  kb: KnowledgeBase,
  today: IsoDate,
  options: CatalogueCheckOptions = {},
): CatalogueIssue[] {
  const maxAgeDays = options.maxAgeDays ?? 180;
  const derive = options.derive ?? availabilityOn;
  const issues: CatalogueIssue[] = [];
  for (const instrument of kb.instruments) {
    const file = `${KNOWLEDGE_LAYOUT.instruments}/${instrument.level}/${instrument.id}.yaml`;
    const at = issueAt(issues, file);
    checkDatedBasis(instrument, derive(instrument, today), today, at);
    checkInstrumentConfidence(instrument, at);
    checkPlannedWindows(instrument, today, at);
    const end = instrument.availability.ended;
    if (end !== undefined && end.on === instrument.lastVerified) {
      at(
        ["availability", "ended", "on"],
        "END_IS_VERIFICATION_DAY",
        "error",
        `the end ${end.on} is the day the record was verified, not an end: use the end a source gives or the end of the EU eligibility period (rules eu_2014_2020, eu_2007_2013, programme_name)`,
      );
    }
    checkTexts(instrumentTexts(instrument), at);
    checkAge(instrument.lastVerified, today, maxAgeDays, at);
  }
  for (const source of kb.fundingSources) {
    const at = issueAt(issues, `${KNOWLEDGE_LAYOUT.fundingSources}/${source.id}.yaml`);
    if (source.confidence === "H") requireOfficial(source.sources, [], "the funding source", at);
    checkTexts(fundingSourceTexts(source), at);
    checkAge(source.lastVerified, today, maxAgeDays, at);
  }
  for (const task of kb.publicTasks) {
    // public-tasks.yaml lists the tasks in the vocabulary's order, so that is the position.
    const index = PublicTasks.codes.indexOf(task.code);
    const at = issueAt(issues, KNOWLEDGE_LAYOUT.publicTasks);
    checkTexts(publicTaskTexts(task, index), at);
    checkAge(task.lastVerified, today, maxAgeDays, at, [index, "lastVerified"]);
  }
  return issues;
}

type At = (
  path: IssuePath,
  code: CatalogueCheckCode,
  severity: CatalogueSeverity,
  message: string,
) => void;

function issueAt(issues: CatalogueIssue[], file: string): At {
  return (path, code, severity, message) =>
    issues.push({
      file,
      path: formatPath(path),
      pointer: toJsonPointer(path),
      code,
      severity,
      message,
    });
}

/** "open" needs a day-exact, not weak window containing the day; "available" a dated offer. */
function checkDatedBasis(instrument: Instrument, on: AvailabilityOn, today: IsoDate, at: At) {
  if (on.status === "open") {
    const dated = resolveWindows(instrument).some(
      (w) => w.precision === "day" && w.confidence !== "L" && w.opens <= today && today <= w.closes,
    );
    if (!dated) {
      at(
        ["availability", "calls"],
        "UNDATED_STATUS",
        "error",
        `the status on ${today} is "open" but no day-exact window from a source that is not weak (L) contains that day`,
      );
    }
  }
  if (on.status === "available") {
    const offer = instrument.availability.continuous;
    const start = offer?.from ?? offer?.confirmedOn;
    const end = offer?.until ?? (offer?.confirmedOn && addYears(offer.confirmedOn, 1));
    const dated =
      offer !== undefined &&
      offer.confidence !== "L" &&
      start !== undefined &&
      end !== undefined &&
      start <= today &&
      today <= end;
    if (!dated) {
      at(
        ["availability", "continuous"],
        "UNDATED_STATUS",
        "error",
        `the status on ${today} is "available" but no continuous offer dated by its source (from or confirmedOn, until or confirmedOn) covers that day`,
      );
    }
  }
}

function checkInstrumentConfidence(instrument: Instrument, at: At) {
  const sources = instrument.sources;
  if (instrument.confidence === "H") requireOfficial(sources, [], "the record", at);
  resolveWindowsInOrder(instrument).forEach(({ source, confidence }, index) => {
    requireOfficialUrl(
      sources,
      source,
      confidence,
      ["availability", "calls", index],
      "the window",
      at,
    );
  });
  const a = instrument.availability;
  for (const key of ["recurrence", "continuous", "programme"] as const) {
    const part = a[key];
    if (part)
      requireOfficialUrl(
        sources,
        part.source,
        part.confidence,
        ["availability", key],
        `the ${key}`,
        at,
      );
  }
}

/** The windows in file order (resolveWindows sorts them), with source and confidence filled in. */
function resolveWindowsInOrder(instrument: Instrument) {
  const fallback = instrument.sources[0]?.url ?? "";
  return instrument.availability.calls.map((w) => ({
    source: w.source ?? fallback,
    confidence: w.confidence ?? instrument.confidence,
  }));
}

function requireOfficial(sources: readonly Source[], path: IssuePath, what: string, at: At) {
  if (sources.some((s) => s.official === true)) return;
  at(
    [...path, "confidence"],
    "HIGH_CONFIDENCE_WITHOUT_OFFICIAL_SOURCE",
    "error",
    `${what} has confidence H but none of its sources is marked official: true (an operator, a ministry, an EU body, a legal act, a programme's own site); mark one or grade it M`,
  );
}

function requireOfficialUrl(
  sources: readonly Source[],
  url: string,
  confidence: Confidence,
  path: IssuePath,
  what: string,
  at: At,
) {
  if (confidence !== "H") return;
  if (sources.some((s) => s.url === url && s.official === true)) return;
  at(
    [...path, "confidence"],
    "HIGH_CONFIDENCE_WITHOUT_OFFICIAL_SOURCE",
    "error",
    `${what} has confidence H but its source ${url} is not among the record's sources marked official: true; cite an official source or grade it M`,
  );
}

function checkPlannedWindows(instrument: Instrument, today: IsoDate, at: At) {
  instrument.availability.calls.forEach((w, index) => {
    if (w.planned === true && w.closes < today) {
      at(
        ["availability", "calls", index, "planned"],
        "PLANNED_WINDOW_PAST",
        "error",
        `the planned window ${w.opens}..${w.closes} is past on ${today}: confirm it was held (drop planned, cite the confirming source) or remove it and say so in maintainerNotes`,
      );
    }
  });
}

function checkTexts(texts: readonly TextAt[], at: At) {
  for (const { path, text } of texts) {
    const word = internalWordIn(text);
    if (word !== undefined) {
      at(
        path,
        "INTERNAL_DOCUMENT_NAMED",
        "error",
        `user-facing text names "${word}", a word about how the catalogue was made; say what the source states in plain words and move the reference to maintainerNotes`,
      );
    }
  }
}

function checkAge(
  lastVerified: IsoDate,
  today: IsoDate,
  maxAgeDays: number,
  at: At,
  path: IssuePath = ["lastVerified"],
) {
  const age = daysBetween(lastVerified, today);
  if (age > maxAgeDays) {
    at(
      path,
      "VERIFICATION_STALE",
      "warning",
      `last verified ${lastVerified}, ${age} days before ${today} (more than ${maxAgeDays}); check the sources again`,
    );
  }
}

/** Renders issues one per line: `error file: path: message` (path `(root)` when empty). */
export function formatCatalogueIssues(issues: readonly CatalogueIssue[]): string {
  return issues
    .map((i) => `${i.severity} ${i.file}: ${i.path === "" ? "(root)" : i.path}: ${i.message}`)
    .join("\n");
}
