/**
 * @module
 * A recommendation set as the coordinator reads it: the summary first, then the instruments by
 * who applies (the engine's groups, in rank order), then what also funds needs not marked and
 * the calls closed recently, collapsed.
 */
import { createMemo, For, Show } from "solid-js";
import type { RecommendationSet } from "@klastry/domain";
import { formatDate, t } from "../i18n/index.ts";
import { AlsoFunds, RecentlyClosedCalls } from "./also-funds.tsx";
import { RecommendationCard } from "./recommendation-card.tsx";
import { ResultsSummary } from "./results-summary.tsx";

export function ResultsView(props: {
  set: RecommendationSet;
  fundingSourceName?: (id: string) => string;
  answerable?: boolean;
  onAnswer?: (instrumentId: string, controlId: string) => void;
}) {
  const byId = createMemo(() => new Map(props.set.recommendations.map((r) => [r.instrumentId, r])));
  const sourceName = (id: string) => props.fundingSourceName?.(id) ?? id;
  return (
    <div class="results">
      <ResultsSummary set={props.set} />
      <Show when={props.set.recommendations.length === 0}>
        <p class="empty" data-testid="results-empty">
          {t("results.noneFit")}
        </p>
      </Show>
      <For each={props.set.groups}>
        {(group) => (
          <section
            class="applicant-group"
            data-testid={`group-${group.applicant}`}
            aria-labelledby={`group-${group.applicant}-title`}
          >
            <h2 id={`group-${group.applicant}-title`}>
              {group.label} <span class="count">({group.instrumentIds.length})</span>
            </h2>
            <p class="hint">{t(`results.applicantIntro.${group.applicant}`)}</p>
            <For each={group.instrumentIds}>
              {(id) => (
                <Show when={byId().get(id)}>
                  {(recommendation) => (
                    <RecommendationCard
                      recommendation={recommendation()}
                      fundingSourceName={sourceName}
                      answerable={props.answerable}
                      onAnswer={props.onAnswer}
                    />
                  )}
                </Show>
              )}
            </For>
          </section>
        )}
      </For>
      <AlsoFunds items={props.set.alsoFunds} />
      <RecentlyClosedCalls items={props.set.recentlyClosed} />
      <p class="muted" data-testid="results-meta">
        {t("results.meta", {
          date: formatDate(props.set.evaluatedOn),
          version: props.set.rulebookVersion,
        })}{" "}
        {t("results.notShown", {
          notEligible: props.set.notEligibleCount,
          notAvailable: props.set.notAvailableCount,
        })}
      </p>
    </div>
  );
}
