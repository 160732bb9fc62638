/**
 * @module
 * A recommendation set in three groups: eligible, can't tell yet, near misses.
 */
import { createMemo, For, Show } from "solid-js";
import type { RecommendationSet } from "@klastry/domain";
import { formatDate, t, type MessageKey } from "../i18n/index.ts";
import { groupRecommendations } from "../lib/group-recommendations.ts";
import { RecommendationCard } from "./recommendation-card.tsx";

const GROUPS = [
  {
    key: "eligible",
    title: "results.group.eligible",
    intro: "results.group.eligibleIntro",
    testid: "results-eligible",
  },
  {
    key: "undecided",
    title: "results.group.undecided",
    intro: "results.group.undecidedIntro",
    testid: "results-undecided",
  },
  {
    key: "nearMisses",
    title: "results.group.nearMisses",
    intro: "results.group.nearMissesIntro",
    testid: "results-near-misses",
  },
] as const satisfies readonly {
  key: string;
  title: MessageKey;
  intro: MessageKey;
  testid: string;
}[];

export function ResultsView(props: {
  set: RecommendationSet;
  fundingSourceName?: (id: string) => string;
  answerable?: boolean;
}) {
  const groups = createMemo(() => groupRecommendations(props.set));
  const sourceName = (id: string) => props.fundingSourceName?.(id) ?? id;
  return (
    <div class="results">
      <p class="muted" data-testid="results-meta">
        {t("results.meta", {
          date: formatDate(props.set.evaluatedOn),
          version: props.set.rulebookVersion,
        })}
      </p>
      <For each={GROUPS}>
        {(group) => (
          <section
            class="result-group"
            data-testid={group.testid}
            aria-labelledby={`${group.testid}-title`}
          >
            <h2 id={`${group.testid}-title`}>
              {t(group.title)} <span class="count">({groups()[group.key].length})</span>
            </h2>
            <p class="hint">{t(group.intro)}</p>
            <Show
              when={groups()[group.key].length > 0}
              fallback={<p class="empty">{t("results.group.empty")}</p>}
            >
              <For each={groups()[group.key]}>
                {(recommendation) => (
                  <RecommendationCard
                    recommendation={recommendation}
                    fundingSourceName={sourceName}
                    answerable={props.answerable}
                  />
                )}
              </For>
            </Show>
          </section>
        )}
      </For>
      <Show when={props.set.notEligibleCount > 0}>
        <p class="muted">{t("results.notEligibleCount", { count: props.set.notEligibleCount })}</p>
      </Show>
    </div>
  );
}
