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
import { formatValue } from "./format-value.ts";
import { OpenQuestion } from "./open-question.tsx";

/** Facts about the instrument or the date, not the cluster: their value is not "your answer". */
const NOT_ABOUT_CLUSTER = new Set(["instrumentCallStatus", "daysUntilDeadline", "evaluationDate"]);

function isAboutCluster(fact: string): boolean {
  return !NOT_ABOUT_CLUSTER.has(fact);
}

/** True when the rule's own wording already shows the value (reasons often say "{actual} members"). */
function mentions(text: string, value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every((item) => mentions(text, item));
  if (value === undefined || value === null || typeof value === "object") return false;
  return text.includes(String(value)) || text.includes(formatValue(value));
}

function Explanation(props: { item: ConditionExplanation; kind: "reason" | "missing" }) {
  const showActual = () =>
    props.item.actual !== undefined && !mentions(props.item.text, props.item.actual);
  const showRequired = () =>
    props.kind === "missing" &&
    props.item.required !== undefined &&
    !mentions(props.item.text, props.item.required);
  return (
    <li>
      {props.item.text}
      <Show when={showActual() || showRequired()}>
        <span class="muted">
          {" "}
          (
          <Show when={showActual()}>
            {isAboutCluster(props.item.fact) ? t("results.yourValue") : t("results.value")}:{" "}
            {formatValue(props.item.actual)}
          </Show>
          <Show when={showActual() && showRequired()}>; </Show>
          <Show when={showRequired()}>
            {t("results.required")}: {formatValue(props.item.required)}
          </Show>
          )
        </span>
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
          <span class={`status status-${r().callStatus}`}>
            {labelOf(CallStatuses.entries, r().callStatus)}
          </span>
          <Show when={r().deadline}>
            {" "}
            · {t("instrument.deadline")}: {formatDate(r().deadline)}
          </Show>
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
          <For each={r().reasons}>{(item) => <Explanation item={item} kind="reason" />}</For>
        </ul>
      </Show>
      <Show when={r().missing.length > 0}>
        <h4>{t("results.missing")}</h4>
        <ul class="missing" data-testid="missing">
          <For each={r().missing}>{(item) => <Explanation item={item} kind="missing" />}</For>
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
