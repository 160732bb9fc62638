/**
 * @module
 * One instrument in the results, saying what to do next: its verdict, the call's status with its
 * dates and basis, who applies (and how many of the cluster's members may), what one applicant
 * can get and the co-financing, the call's budget apart, links to the official page and to the
 * call, how sure the record is and when it was verified; then why it fits (collapsed), what is
 * missing, or the questions that would settle it (answerable in place).
 */
import { For, Show } from "solid-js";
import { A } from "@solidjs/router";
import {
  ActorTypes,
  Applicants,
  Confidences,
  InstrumentForms,
  Levels,
  SupportFunctions,
  type ConditionExplanation,
  type Recommendation,
} from "@klastry/domain";
import { formatDate, labelOf, plural, t } from "../i18n/index.ts";
import { FundingTerms } from "./amount-range.tsx";
import { AvailabilityLine } from "./availability-line.tsx";
import { Collapsible } from "./collapsible.tsx";
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

/** The verdict as a badge: eligible, can't tell yet, or a near miss. */
export function verdictWord(r: Pick<Recommendation, "verdict" | "nearMiss">): string {
  if (r.verdict === "eligible") return t("verdict.eligible");
  if (r.verdict === "unknown") return t("verdict.unknown");
  return r.nearMiss ? t("verdict.nearMiss") : t("verdict.notEligible");
}

/** DOM id of a card's heading, where focus goes when the card moves. */
export function cardHeadingId(instrumentId: string): string {
  return `card-${instrumentId}`;
}

export function RecommendationCard(props: {
  recommendation: Recommendation;
  fundingSourceName: (id: string) => string;
  /** Inline answers need the wizard's store; a read-only view (saved assessment) turns them off. */
  answerable?: boolean;
  /** Called before an inline answer changes the results, with the control answered. */
  onAnswer?: (instrumentId: string, controlId: string) => void;
}) {
  const r = () => props.recommendation;
  const official = () => r().website ?? r().sources[0];
  const callPage = () => r().availability.window?.url;
  return (
    <article
      class={`card recommendation card-${r().nearMiss ? "near_miss" : r().verdict}`}
      data-testid={`recommendation-${r().instrumentId}`}
      data-verdict={r().verdict}
      aria-labelledby={cardHeadingId(r().instrumentId)}
    >
      <h3 class="h4 card-title" id={cardHeadingId(r().instrumentId)} tabindex="-1">
        <A href={`/instruments/${r().instrumentId}`}>
          {r().shortName ? `${r().shortName}: ${r().name}` : r().name}
        </A>
      </h3>
      <p class="badges">
        <span
          class={`verdict verdict-${r().nearMiss ? "near_miss" : r().verdict}`}
          data-testid="verdict"
        >
          {verdictWord(r())}
        </span>{" "}
        <AvailabilityLine availability={r().availability} />
      </p>
      <dl class="facts compact">
        <dt>{t("card.applicant")}</dt>
        <dd data-testid="applicant">
          {labelOf(Applicants.entries, r().applicant)}
          <Show when={r().applicantMembers !== undefined}>
            {" – "}
            {t("card.membersMayApply", {
              members: plural("plural.members", r().applicantMembers ?? 0),
            })}
          </Show>
        </dd>
        <FundingTerms
          amount={r().amount}
          maxCoFinancingRate={r().maxCoFinancingRate}
          callBudget={r().callBudget}
        />
        <dt>{t("instrument.operator")}</dt>
        <dd>
          {r().operator} · {labelOf(Levels.entries, r().level)} ·{" "}
          {r()
            .forms.map((form) => labelOf(InstrumentForms.entries, form))
            .join(", ")}
        </dd>
        {/* Statuses and services (e.g. the MKK status) have no funding source: no blank row. */}
        <Show when={r().fundingSources.length > 0}>
          <dt>{t("instrument.fundingSources")}</dt>
          <dd data-testid="funding-sources">
            {r().fundingSources.map(props.fundingSourceName).join(", ")}
          </dd>
        </Show>
      </dl>
      <p class="links" data-testid="links">
        <span class="provenance muted" data-testid="provenance">
          {t("card.confidence", { confidence: labelOf(Confidences.entries, r().confidence) })} ·{" "}
          {t("card.verified", { date: formatDate(r().lastVerified) })}
        </span>
        <Show when={official()}>
          {(href) => (
            <a href={href()} rel="noopener noreferrer" target="_blank" data-testid="official-page">
              {t("card.officialPage")}
              <span class="visually-hidden"> – {r().name}</span>
            </a>
          )}
        </Show>
        <Show when={callPage()}>
          {(href) => (
            <a href={href()} rel="noopener noreferrer" target="_blank" data-testid="call-page">
              {t("card.callPage")}
              <span class="visually-hidden"> – {r().name}</span>
            </a>
          )}
        </Show>
      </p>
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
                <OpenQuestion
                  question={question}
                  instrumentId={r().instrumentId}
                  onAnswer={props.onAnswer}
                />
              ) : (
                <li>{question.label}</li>
              )
            }
          </For>
        </ul>
      </Show>
      <Show when={r().reasons.length > 0}>
        <Collapsible
          id={`reasons-${r().instrumentId}`}
          label={t("results.reasonsCount", { count: r().reasons.length })}
          testid="reasons-toggle"
        >
          <ul class="reasons" data-testid="reasons">
            <For each={r().reasons}>{(item) => <Explanation item={item} />}</For>
          </ul>
        </Collapsible>
      </Show>
    </article>
  );
}
