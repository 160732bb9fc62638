/**
 * @module
 * Evaluates a rulebook for one assessment and one date into a ranked `RecommendationSet`.
 * Facts are derived once; every active rule's closures run over one shared frame; the output
 * depends only on (rulebook, assessment, date, language): no clock, stable ordering.
 */
import {
  AssessmentInputSchema,
  IsoDateSchema,
  LanguageSchema,
  callStatusOn,
  parseOrThrow,
  type AssessmentInput,
  type AssessmentInputRaw,
  type ConditionExplanation,
  type Instrument,
  type IsoDate,
  type Language,
  type OpenQuestion,
  type Recommendation,
  type RecommendationSet,
  type Verdict,
} from "@klastry/domain";
import { createFrame, type Frame } from "./compile-condition.ts";
import type { CompiledRule, Rulebook } from "./compile-rulebook.ts";
import { deriveFacts, type FactValues } from "./derive-facts.ts";
import { formatValue } from "./format-value.ts";
import { judgeRule, type LeafOutcome, type RuleJudgement } from "./judge-rule.ts";
import { compareText, rankRecommendations, scoreOf, servedNeeds } from "./rank.ts";

export interface EvaluateOptions {
  /** The day to evaluate for (YYYY-MM-DD): rule validity, call status, derived dates. */
  date: IsoDate;
  /** Language of reasons, questions and names. */
  language: Language;
  /** `compiled` (default) runs our closures; `evaluateReference` runs json-rules-engine. */
  engine?: "compiled";
}

/**
 * Evaluates every rule active on `date` and returns the ranked recommendations. The assessment is
 * parsed first; bad input throws `DomainValidationError` listing every issue.
 *
 * @example
 * const set = evaluate(rulebook, buildAssessment(), { date: "2025-03-01", language: "pl" });
 * set.recommendations[0]?.verdict; // "eligible"
 */
export function evaluate(
  rulebook: Rulebook,
  assessment: AssessmentInputRaw,
  options: EvaluateOptions,
): RecommendationSet {
  const prepared = prepareEvaluation(rulebook, assessment, options);
  for (const rule of prepared.active) rule.evaluate(prepared.frame);
  return assembleRecommendations(rulebook, prepared, "compiled");
}

/** Parsed inputs, derived facts, an empty frame and the rules active on the date. */
export interface PreparedEvaluation {
  readonly assessment: AssessmentInput;
  readonly date: IsoDate;
  readonly language: Language;
  readonly facts: FactValues;
  readonly frame: Frame;
  readonly active: readonly CompiledRule[];
}

/** Parses the inputs (throws DomainValidationError) and derives the facts. */
export function prepareEvaluation(
  rulebook: Rulebook,
  assessment: AssessmentInputRaw,
  options: { date: IsoDate; language: Language },
): PreparedEvaluation {
  const language = parseOrThrow(LanguageSchema, options.language, "language");
  const date = parseOrThrow(IsoDateSchema, options.date, "date", language);
  const parsed = parseOrThrow(AssessmentInputSchema, assessment, "assessment", language);
  const facts = deriveFacts(parsed, date, rulebook.instruments);
  return {
    assessment: parsed,
    date,
    language,
    facts,
    frame: createFrame(rulebook.nodeCount, facts),
    active: rulebook.rules.filter((rule) => isActiveOn(rule, date)),
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

/** Picks each instrument's best rule and builds the ranked set from an evaluated frame. */
export function assembleRecommendations(
  rulebook: Rulebook,
  prepared: PreparedEvaluation,
  engine: "compiled" | "reference",
): RecommendationSet {
  const byInstrument = new Map<string, RuleJudgement[]>();
  for (const rule of prepared.active) {
    const judgement = judgeRule(rule, prepared.frame, { details: false });
    const list = byInstrument.get(rule.instrument);
    if (list) list.push(judgement);
    else byInstrument.set(rule.instrument, [judgement]);
  }
  const recommendations: Recommendation[] = [];
  let notEligibleCount = 0;
  for (const instrumentId of [...byInstrument.keys()].sort(compareText)) {
    const judgements = (byInstrument.get(instrumentId) as RuleJudgement[]).sort(byStrength);
    const best = judgements[0] as RuleJudgement;
    if (best.verdict === "not_eligible" && !best.nearMiss) {
      notEligibleCount++;
      continue;
    }
    const instrument = rulebook.instruments.get(instrumentId) as Instrument;
    const ruleIds = judgements
      .filter((j) => j.verdict === best.verdict)
      .map((j) => j.rule.id)
      .sort(compareText);
    const detailed = judgeRule(best.rule, prepared.frame);
    recommendations.push(recommendationOf(instrument, detailed, ruleIds, prepared));
  }
  return {
    rulebookVersion: rulebook.version,
    evaluatedOn: prepared.date,
    language: prepared.language,
    engine,
    recommendations: rankRecommendations(recommendations),
    notEligibleCount,
  };
}

/** Best verdict first; then fewer failed units, higher weight, rule id. */
function byStrength(a: RuleJudgement, b: RuleJudgement): number {
  return (
    VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
    a.failedUnits - b.failedUnits ||
    b.rule.weight - a.rule.weight ||
    compareText(a.rule.id, b.rule.id)
  );
}

function recommendationOf(
  instrument: Instrument,
  best: RuleJudgement,
  ruleIds: string[],
  prepared: PreparedEvaluation,
): Recommendation {
  const { language, date } = prepared;
  const served = servedNeeds(instrument, prepared.assessment.needs);
  const call = callStatusOn(instrument, date);
  return {
    instrumentId: instrument.id,
    name: instrument.name[language],
    ...(instrument.shortName !== undefined && { shortName: instrument.shortName }),
    verdict: best.verdict,
    nearMiss: best.nearMiss,
    score: scoreOf(best.rule.weight, served, call.status),
    operator: instrument.operator[language],
    level: instrument.level,
    forms: [...instrument.forms],
    fundingSources: [...instrument.fundingSources],
    callStatus: call.status,
    ...(call.deadline !== undefined && { deadline: call.deadline }),
    ...(instrument.amount !== undefined && { amount: structuredClone(instrument.amount) }),
    ...(instrument.maxCoFinancingRate !== undefined && {
      maxCoFinancingRate: instrument.maxCoFinancingRate,
    }),
    reasons: best.satisfied.map((leaf) => explainLeaf(best.rule, leaf, language)),
    missing: best.failed.map((leaf) => explainLeaf(best.rule, leaf, language)),
    questions: questionsOf(best.unknown, language),
    servesNeeds: served,
    ruleIds,
  };
}

/** One leaf in words, with the cluster's value and the required one. */
export function explainLeaf(
  rule: CompiledRule,
  outcome: LeafOutcome,
  language: Language,
): ConditionExplanation {
  const { leaf, reason, left, right } = outcome.info;
  const template = (outcome.effective === 1 ? reason?.pass : reason?.fail)?.[language];
  let text: string;
  if (template === undefined) {
    text = `${leaf.name ?? leaf.pointer}: ${formatValue(outcome.actual, language, left.spec)}`;
  } else {
    // Values are put into words only when the template shows them.
    text = template;
    if (text.includes("{actual}")) {
      text = text.replaceAll("{actual}", formatValue(outcome.actual, language, left.spec));
    }
    if (text.includes("{required}")) {
      text = text.replaceAll(
        "{required}",
        formatValue(outcome.required, language, right?.spec ?? left.spec),
      );
    }
  }
  const explanation: ConditionExplanation = {
    ruleId: rule.id,
    condition: leaf.name ?? leaf.pointer,
    text,
    fact: leaf.fact,
    operator: leaf.operator,
    // An unknown value stays `undefined`, which JSON leaves out.
    required: outcome.required,
    actual: outcome.actual,
  };
  if (leaf.path !== undefined) explanation.path = leaf.path;
  return explanation;
}

/** The answers that would settle the unknown leaves, once each, in rule order. */
export function questionsOf(unknown: readonly LeafOutcome[], language: Language): OpenQuestion[] {
  const seen = new Set<string>();
  const out: OpenQuestion[] = [];
  for (const { info, actual, required } of unknown) {
    const sides = [
      ...(actual === undefined ? [info.left] : []),
      ...(info.right && required === undefined ? [info.right] : []),
    ];
    for (const side of sides) {
      if (seen.has(side.field)) continue;
      seen.add(side.field);
      out.push({
        fact: side.field,
        label: info.reason?.question?.[language] ?? side.label[language],
      });
    }
  }
  return out;
}
