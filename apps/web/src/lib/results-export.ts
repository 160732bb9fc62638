/**
 * @module
 * The results as files: JSON (assessment + recommendations) and CSV (one row per instrument, in
 * the page's order: by who applies, then rank), with what a coordinator acts on: the status, its
 * basis and dates, what one applicant can get apart from the call's budget, the links, how sure
 * the record is and when it was verified. The same files from the results and the saved view.
 */
import type { AssessmentInput, Recommendation, RecommendationSet } from "@klastry/domain";
import { toCsv } from "@klastry/domain";

export function resultsJson(input: AssessmentInput, set: RecommendationSet): string {
  return `${JSON.stringify({ assessment: input, recommendations: set }, null, 2)}\n`;
}

/** The recommendations in the page's order: each applicant group in turn, in rank order. */
export function inPageOrder(set: RecommendationSet): Recommendation[] {
  const byId = new Map(set.recommendations.map((r) => [r.instrumentId, r]));
  return set.groups.flatMap((group) =>
    group.instrumentIds.flatMap((id) => {
      const r = byId.get(id);
      return r ? [r] : [];
    }),
  );
}

const HEADER = [
  "applicant",
  "instrument_id",
  "name",
  "short_name",
  "verdict",
  "near_miss",
  "status",
  "status_basis",
  "deadline",
  "days_left",
  "opens_on",
  "window_opens",
  "window_closes",
  "call_url",
  "applicant_members",
  "amount_min",
  "amount_max",
  "currency",
  "max_co_financing_percent",
  "call_budget",
  "call_budget_currency",
  "level",
  "operator",
  "forms",
  "funding_sources",
  "official_page",
  "sources",
  "confidence",
  "last_verified",
  "reasons",
  "missing",
  "questions",
] as const;

export function resultsCsv(set: RecommendationSet): string {
  const rows = inPageOrder(set).map((r) => {
    const a = r.availability;
    return [
      r.applicant,
      r.instrumentId,
      r.name,
      r.shortName,
      r.verdict,
      r.nearMiss,
      a.status,
      a.basis,
      a.deadline,
      a.daysLeft,
      a.opensOn,
      a.window?.opens,
      a.window?.closes,
      a.window?.url,
      r.applicantMembers,
      r.amount?.min,
      r.amount?.max,
      r.amount?.currency,
      r.maxCoFinancingRate,
      r.callBudget?.amount,
      r.callBudget?.currency,
      r.level,
      r.operator,
      r.forms.join(" "),
      r.fundingSources.join(" "),
      r.website ?? r.sources[0],
      r.sources.join(" "),
      r.confidence,
      r.lastVerified,
      r.reasons.map((reason) => reason.text).join("; "),
      r.missing.map((item) => item.text).join("; "),
      r.questions.map((question) => question.label).join("; "),
    ];
  });
  return toCsv(HEADER, rows);
}
