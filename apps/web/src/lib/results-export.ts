/**
 * @module
 * The results as files: JSON (assessment + recommendations) and CSV (one row per instrument).
 */
import type { AssessmentInput, RecommendationSet } from "@klastry/domain";
import { toCsv } from "./download.ts";
import { groupRecommendations } from "./group-recommendations.ts";

export function resultsJson(input: AssessmentInput, set: RecommendationSet): string {
  return `${JSON.stringify({ assessment: input, recommendations: set }, null, 2)}\n`;
}

export function resultsCsv(set: RecommendationSet): string {
  const groups = groupRecommendations(set);
  const rows = (
    [
      ["eligible", groups.eligible],
      ["unknown", groups.undecided],
      ["near_miss", groups.nearMisses],
    ] as const
  ).flatMap(([group, items]) =>
    items.map((r) => [
      group,
      r.instrumentId,
      r.name,
      r.level,
      r.operator,
      r.forms.join(" "),
      r.fundingSources.join(" "),
      r.availability.status,
      r.availability.deadline ?? "",
      r.amount?.min ?? "",
      r.amount?.max ?? "",
      r.amount?.currency ?? "",
      r.reasons.map((reason) => reason.text).join("; "),
      r.missing.map((item) => item.text).join("; "),
      r.questions.map((question) => question.label).join("; "),
    ]),
  );
  return toCsv(
    [
      "group",
      "instrument_id",
      "name",
      "level",
      "operator",
      "forms",
      "funding_sources",
      "call_status",
      "deadline",
      "amount_min",
      "amount_max",
      "currency",
      "reasons",
      "missing",
      "questions",
    ],
    rows,
  );
}
