/**
 * @module
 * What a rule rests on, for `klastry rules review`: the rule in words (from the engine's
 * `reviewRule`) beside its instrument's record, who applies, the regions, the sources with their
 * confidence and last check, and the instrument's availability on the review date.
 */
import {
  ActorTypes,
  Applicants,
  availabilityOn,
  CallStatuses,
  Confidences,
  joinWords,
  REGION_CODES,
  REGIONS,
  type AvailabilityOn,
  type Instrument,
  type IsoDate,
  type Language,
} from "@klastry/domain";
import { reviewRule, type Rulebook, type RuleReview } from "@klastry/rules-engine";

/** One rule and the record it rests on, in words of one language. */
export interface InstrumentReview {
  readonly rule: RuleReview;
  readonly instrumentName: string;
  readonly level: string;
  /** Who applies ("The coordinator, for the cluster") and the member kinds that may. */
  readonly applicant: string;
  readonly eligibleActors: string;
  /** "whole country" or the regions' names. */
  readonly regions: string;
  readonly confidence: string;
  readonly lastVerified: IsoDate;
  readonly sources: readonly string[];
  readonly availability: {
    readonly date: IsoDate;
    readonly status: string;
    readonly basis: string;
  };
}

const label = (
  entries: readonly { code: string; label: Record<Language, string> }[],
  code: string,
  language: Language,
) => entries.find((entry) => entry.code === code)?.label[language] ?? code;

/** Every rule of the rulebook beside its record, in rule-id order, for one language and date. */
export function reviewInstruments(
  rulebook: Rulebook,
  language: Language,
  date: IsoDate,
): InstrumentReview[] {
  return rulebook.rules.map((rule) => {
    const instrument = rulebook.instruments.get(rule.instrument) as Instrument;
    return instrumentReview(reviewRule(rule, language), instrument, language, date);
  });
}

function instrumentReview(
  rule: RuleReview,
  instrument: Instrument,
  language: Language,
  date: IsoDate,
): InstrumentReview {
  const status: AvailabilityOn = availabilityOn(instrument, date);
  const wholeCountry = REGION_CODES.every((code) => instrument.regions.includes(code));
  return {
    rule,
    instrumentName: instrument.name[language],
    level: instrument.level,
    applicant: label(Applicants.entries, instrument.applicant, language),
    eligibleActors: joinWords(
      instrument.eligibleActors.map((actor) => label(ActorTypes.entries, actor, language)),
      language,
      "and",
    ),
    regions: wholeCountry
      ? language === "pl"
        ? "cała Polska"
        : "the whole country"
      : joinWords(
          instrument.regions.map((code) => label(REGIONS, code, language)),
          language,
          "and",
        ),
    confidence: label(Confidences.entries, instrument.confidence, language),
    lastVerified: instrument.lastVerified,
    sources: instrument.sources.map((source) => source.url),
    availability: {
      date,
      status: label(CallStatuses.entries, status.status, language),
      basis: status.basis[language],
    },
  };
}
