/**
 * @module
 * One instrument in the results: who runs it, at what level, in which forms and from which funds,
 * its call, the amount, and why it fits (or what is missing, or what we still need to know).
 */
import { For, Show } from "solid-js";
import { A } from "@solidjs/router";
import {
  ActorTypes,
  CallStatuses,
  InstrumentForms,
  Levels,
  SupportFunctions,
  type ConditionExplanation,
  type Recommendation,
} from "@klastry/domain";
import { formatDate, labelOf, t } from "../i18n/index.ts";
import { FundingTerms } from "./amount-range.tsx";
import { OpenQuestion } from "./open-question.tsx";

/**
 * A condition in words, as the engine wrote it with the one formatter (values, units, labels are
 * in the text); a failed "any of" line lists its alternatives below it.
 */
function Explanation(props: { item: ConditionExplanation }) {
  return (
    <li>
      {props.item.text}
      <Show when={props.item.alternatives}>
        {(alternatives) => (
          <ul class="alternatives">
            <For each={alternatives()}>{(alternative) => <li>{alternative.text}</li>}</For>
          </ul>
        )}
      </Show>
    </li>
  );
}

export function RecommendationCard(props: {
  recommendation: Recommendation;
  fundingSourceName: (id: string) => string;
  /** Inline answers need the wizard's store; a read-only view (saved assessment) turns them off. */
  answerable?: boolean;
}) {
  const r = () => props.recommendation;
  return (
    <article class="card recommendation" data-testid={`recommendation-${r().instrumentId}`}>
      <h3 class="h4">
        <A href={`/instruments/${r().instrumentId}`}>
          {r().shortName ? `${r().shortName}: ${r().name}` : r().name}
        </A>
      </h3>
      <dl class="facts">
        <dt>{t("instrument.operator")}</dt>
        <dd>{r().operator}</dd>
        <dt>{t("instrument.level")}</dt>
        <dd>{labelOf(Levels.entries, r().level)}</dd>
        <dt>{t("instrument.forms")}</dt>
        <dd>
          {r()
            .forms.map((form) => labelOf(InstrumentForms.entries, form))
            .join(", ")}
        </dd>
        {/* Statuses and services (e.g. the MKK status) have no funding source: no blank row. */}
        <Show when={r().fundingSources.length > 0}>
          <dt>{t("instrument.fundingSources")}</dt>
          <dd>{r().fundingSources.map(props.fundingSourceName).join(", ")}</dd>
        </Show>
        <dt>{t("instrument.callStatus")}</dt>
        <dd>
          <span class={`status status-${r().availability.status}`}>
            {labelOf(CallStatuses.entries, r().availability.status)}
          </span>
          <Show when={r().availability.deadline}>
            {" "}
            · {t("instrument.deadline")}: {formatDate(r().availability.deadline)}
          </Show>
          <span class="basis">{r().availability.basis}</span>
        </dd>
        <FundingTerms amount={r().amount} maxCoFinancingRate={r().maxCoFinancingRate} />
      </dl>
      <Show when={r().servesNeeds.length > 0}>
        <p class="serves">
          {t("results.servesNeeds")}:{" "}
          {r()
            .servesNeeds.map(
              (need) =>
                `${labelOf(ActorTypes.entries, need.actor)} – ${labelOf(SupportFunctions.entries, need.function)} (${t(`needs.priority${need.priority}`)})`,
            )
            .join("; ")}
        </p>
      </Show>
      <Show when={r().reasons.length > 0}>
        <h4>{t("results.reasons")}</h4>
        <ul class="reasons" data-testid="reasons">
          <For each={r().reasons}>{(item) => <Explanation item={item} />}</For>
        </ul>
      </Show>
      <Show when={r().missing.length > 0}>
        <h4>{t("results.missing")}</h4>
        <ul class="missing" data-testid="missing">
          <For each={r().missing}>{(item) => <Explanation item={item} />}</For>
        </ul>
      </Show>
      <Show when={r().questions.length > 0}>
        <h4>{t("results.questions")}</h4>
        <ul class="questions" data-testid="questions">
          <For each={r().questions}>
            {(question) =>
              props.answerable ? (
                <OpenQuestion question={question} instrumentId={r().instrumentId} />
              ) : (
                <li>{question.label}</li>
              )
            }
          </For>
        </ul>
      </Show>
    </article>
  );
}
