/**
 * @module
 * Evaluates a rulebook for one assessment and one date into a ranked `RecommendationSet`.
 * Facts are derived once; every active rule's closures run over one shared frame; the output
 * depends only on (rulebook, assessment, date, language): no clock, stable ordering. Rules say
 * who is eligible; the availability model says when: an instrument that has ended, or whose only
 * known call is over, is not a recommendation (a fitting one closed in the last year is listed
 * as recently closed).
 */
import {
  Applicants,
  daysBetween,
  formatValue,
  SupportFunctions,
  type AlsoFunds,
  type ApplicantGroup,
  type AssessmentInput,
  type AvailabilityOn,
  type Instrument,
  type IsoDate,
  type Language,
  type RecentlyClosed,
  type Recommendation,
  type RecommendationAvailability,
  type RecommendationSet,
  type Verdict,
} from "@klastry/domain";
import { availabilityOf, isRecommendable, RECENTLY_CLOSED_DAYS } from "./availability-of.ts";
import { createFrame, type Frame } from "./compile-condition.ts";
import type { CompiledRule, Rulebook } from "./compile-rulebook.ts";
import { deriveFacts, type FactValues } from "./derive-facts.ts";
import { explainFailures, explainReasons, questionsOf } from "./explain-condition.ts";
import { judgeRule, totalUnits, type RuleJudgement } from "./judge-rule.ts";
import { compareText, rankRecommendations, scoreOf, servedNeeds } from "./rank.ts";

export interface EvaluateOptions {
  /** The day to evaluate for (YYYY-MM-DD): rule validity, availability, derived dates. */
  date: IsoDate;
  /** Language of reasons, questions and names. */
  language: Language;
}

/**
 * Evaluates every rule active on `date` and returns the ranked recommendations. The assessment
 * is the parsed domain type: the edges (HTTP, CLI, files, database rows) parse, the engine does not.
 *
 * @example
 * const set = evaluate(rulebook, buildAssessment(), { date: "2025-03-01", language: "pl" });
 * set.recommendations[0]?.verdict; // "eligible"
 */
export function evaluate(
  rulebook: Rulebook,
  assessment: AssessmentInput,
  options: EvaluateOptions,
): RecommendationSet {
  const prepared = prepareEvaluation(rulebook, assessment, options);
  for (const rule of prepared.active) rule.evaluate(prepared.frame);
  return assembleRecommendations(rulebook, prepared, "compiled");
}

/** Derived facts, an empty frame and the rules active on the date. */
export interface PreparedEvaluation {
  readonly assessment: AssessmentInput;
  readonly date: IsoDate;
  readonly language: Language;
  readonly facts: FactValues;
  readonly frame: Frame;
  readonly active: readonly CompiledRule[];
}

/** Derives the facts of an evaluation and picks the rules active on its date. */
export function prepareEvaluation(
  rulebook: Rulebook,
  assessment: AssessmentInput,
  options: EvaluateOptions,
): PreparedEvaluation {
  const facts = deriveFacts(assessment, options.date, rulebook.instruments);
  return {
    assessment,
    date: options.date,
    language: options.language,
    facts,
    frame: createFrame(rulebook.nodeCount, facts),
    active: rulebook.rules.filter((rule) => isActiveOn(rule, options.date)),
  };
}

/** A rule applies from `validFrom` to `validTo`, both days included. */
export function isActiveOn(
  rule: Pick<CompiledRule, "validFrom" | "validTo">,
  date: IsoDate,
): boolean {
  const started = rule.validFrom === undefined || rule.validFrom <= date;
  return started && (rule.validTo === undefined || date <= rule.validTo);
}

const VERDICT_ORDER: Record<Verdict, number> = { eligible: 0, unknown: 1, not_eligible: 2 };

/** Best verdict first; then fewer failed units (by lever), higher weight, rule id. */
export function byStrength(a: RuleJudgement, b: RuleJudgement): number {
  return (
    VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
    totalUnits(a.units) - totalUnits(b.units) ||
    b.rule.weight - a.rule.weight ||
    compareText(a.rule.id, b.rule.id)
  );
}

/** Picks each instrument's best rule and builds the ranked set from an evaluated frame. */
export function assembleRecommendations(
  rulebook: Rulebook,
  prepared: PreparedEvaluation,
  engine: "compiled" | "reference",
): RecommendationSet {
  const { date, language } = prepared;
  const statuses = availabilityOf(rulebook, date);
  const byInstrument = new Map<string, RuleJudgement[]>();
  for (const rule of prepared.active) {
    const judgement = judgeRule(rule, prepared.frame, { details: false });
    const list = byInstrument.get(rule.instrument);
    if (list) list.push(judgement);
    else byInstrument.set(rule.instrument, [judgement]);
  }
  const recommendations: Recommendation[] = [];
  const alsoFunds: AlsoFunds[] = [];
  const recentlyClosed: RecentlyClosed[] = [];
  let notEligibleCount = 0;
  let notAvailableCount = 0;
  for (const instrumentId of [...byInstrument.keys()].sort(compareText)) {
    const judgements = (byInstrument.get(instrumentId) as RuleJudgement[]).sort(byStrength);
    const best = judgements[0] as RuleJudgement;
    const instrument = rulebook.instruments.get(instrumentId) as Instrument;
    const availability = statuses.get(instrumentId) as AvailabilityOn;
    const recommendable = isRecommendable(availability.status);
    const fits = best.verdict !== "not_eligible";
    if (fits && closedRecently(availability, date)) {
      recentlyClosed.push(recentlyClosedOf(instrument, best.verdict, availability, language));
    }
    if (!recommendable) {
      if (fits) notAvailableCount++;
      else notEligibleCount++;
      continue;
    }
    if (!fits && !best.nearMiss) {
      if (judgements.some((j) => j.alsoFunds)) {
        alsoFunds.push(alsoFundsOf(instrument, prepared, language));
      }
      notEligibleCount++;
      continue;
    }
    const ruleIds = judgements
      .filter((j) => j.verdict === best.verdict)
      .map((j) => j.rule.id)
      .sort(compareText);
    const detailed = judgeRule(best.rule, prepared.frame);
    recommendations.push(recommendationOf(instrument, detailed, ruleIds, availability, prepared));
  }
  const ranked = rankRecommendations(recommendations);
  return {
    rulebookVersion: rulebook.version,
    evaluatedOn: date,
    language,
    engine,
    recommendations: ranked,
    groups: groupsOf(ranked, language),
    alsoFunds,
    recentlyClosed: recentlyClosed.sort(
      (a, b) => compareText(b.closedOn, a.closedOn) || compareText(a.instrumentId, b.instrumentId),
    ),
    notEligibleCount,
    notAvailableCount,
  };
}

function closedRecently(availability: AvailabilityOn, date: IsoDate): boolean {
  const { lastClosed, status } = availability;
  if (lastClosed === undefined || status === "open" || status === "planned") return false;
  return daysBetween(lastClosed, date) <= RECENTLY_CLOSED_DAYS;
}

function recommendationOf(
  instrument: Instrument,
  best: RuleJudgement,
  ruleIds: string[],
  availability: AvailabilityOn,
  prepared: PreparedEvaluation,
): Recommendation {
  const { language, assessment } = prepared;
  const served = servedNeeds(instrument, assessment.needs);
  const applicantMembers = applicantMembersOf(instrument, assessment);
  return {
    instrumentId: instrument.id,
    name: instrument.name[language],
    ...(instrument.shortName !== undefined && { shortName: instrument.shortName[language] }),
    verdict: best.verdict,
    nearMiss: best.nearMiss,
    score: scoreOf(best.rule.weight, served, availability),
    operator: instrument.operator[language],
    level: instrument.level,
    forms: [...instrument.forms],
    fundingSources: [...instrument.fundingSources],
    applicant: instrument.applicant,
    ...(applicantMembers !== undefined && { applicantMembers }),
    availability: renderAvailability(availability, language),
    ...(instrument.amount !== undefined && { amount: structuredClone(instrument.amount) }),
    ...(instrument.callBudget !== undefined && {
      callBudget: structuredClone(instrument.callBudget),
    }),
    ...(instrument.maxCoFinancingRate !== undefined && {
      maxCoFinancingRate: instrument.maxCoFinancingRate,
    }),
    ...(instrument.website !== undefined && { website: instrument.website }),
    sources: instrument.sources.map((source) => source.url),
    confidence: instrument.confidence,
    lastVerified: instrument.lastVerified,
    reasons: explainReasons(best.rule, best.satisfied, language),
    missing: explainFailures(best.rule, best.failed, language),
    questions: questionsOf(best.unknown, language),
    servesNeeds: served,
    ruleIds,
  };
}

/** The status with its basis in one language. */
export function renderAvailability(
  availability: AvailabilityOn,
  language: Language,
): RecommendationAvailability {
  const { basis, window, ...rest } = availability;
  return {
    ...rest,
    basis: basis[language],
    ...(window && {
      window: {
        opens: window.opens,
        closes: window.closes,
        precision: window.precision,
        ...(window.label !== undefined && { label: window.label[language] }),
        ...(window.url !== undefined && { url: window.url }),
      },
    }),
  };
}

const FIRM_TYPES = ["sme", "large_enterprise"] as const;

/**
 * For instruments member firms or research members apply for: how many of the cluster's members
 * are of a kind that may apply (unknown when the counts are not given).
 */
function applicantMembersOf(
  instrument: Instrument,
  assessment: AssessmentInput,
): number | undefined {
  const members = assessment.profile.members;
  const kinds: readonly ("sme" | "large_enterprise" | "research_organisation")[] =
    instrument.applicant === "member_firms"
      ? FIRM_TYPES.filter((type) => instrument.eligibleActors.includes(type))
      : instrument.applicant === "research_members"
        ? ["research_organisation"]
        : [];
  if (kinds.length === 0 || kinds.some((kind) => members[kind] === undefined)) return undefined;
  return kinds.reduce((sum, kind) => sum + (members[kind] ?? 0), 0);
}

/** The recommendations by who applies, in the vocabulary's order; empty groups left out. */
function groupsOf(ranked: readonly Recommendation[], language: Language): ApplicantGroup[] {
  return Applicants.entries
    .map((entry) => ({
      applicant: entry.code,
      label: entry.label[language],
      instrumentIds: ranked.filter((r) => r.applicant === entry.code).map((r) => r.instrumentId),
    }))
    .filter((group) => group.instrumentIds.length > 0);
}

/** "Also funds: ... (functions you did not mark)": an instrument that fits but for the needs. */
function alsoFundsOf(
  instrument: Instrument,
  prepared: PreparedEvaluation,
  language: Language,
): AlsoFunds {
  const marked = new Set(
    (prepared.assessment.needs ?? [])
      .filter((need) => instrument.eligibleActors.includes(need.actor))
      .map((need) => need.function),
  );
  const functions = instrument.functions.filter((fn) => !marked.has(fn));
  const listed = formatValue(functions, language, {
    type: "string[]",
    vocabulary: "supportFunctions",
  });
  const text =
    language === "pl"
      ? `Finansuje też: ${listed} (tych potrzeb nie zaznaczono)`
      : `Also funds: ${listed} (needs you did not mark)`;
  return {
    instrumentId: instrument.id,
    name: instrument.name[language],
    ...(instrument.shortName !== undefined && { shortName: instrument.shortName[language] }),
    applicant: instrument.applicant,
    functions: functions.filter((fn) => SupportFunctions.codes.includes(fn)),
    text,
  };
}

function recentlyClosedOf(
  instrument: Instrument,
  verdict: Verdict,
  availability: AvailabilityOn,
  language: Language,
): RecentlyClosed {
  return {
    instrumentId: instrument.id,
    name: instrument.name[language],
    ...(instrument.shortName !== undefined && { shortName: instrument.shortName[language] }),
    verdict,
    closedOn: availability.lastClosed as IsoDate,
  };
}
