/**
 * @module
 * The results in a few lines, first on the page: what the coordinator can apply for now, what
 * opens soon, how many questions would settle how many instruments; when no call is open, that in
 * one line with what is expected next and what closed last; and how the list below is ordered.
 */
import { Show } from "solid-js";
import type { RecommendationSet } from "@klastry/domain";
import { formatDate, plural, t } from "../i18n/index.ts";
import { summariseResults } from "../lib/results-summary.ts";
import { whenText } from "./availability-line.tsx";

/** "FENG 2.17" or the name, as the summary names an instrument. */
function nameOf(r: { shortName?: string | undefined; name: string }): string {
  return r.shortName ?? r.name;
}

export function ResultsSummary(props: { set: RecommendationSet }) {
  const summary = () => summariseResults(props.set);
  const nextSteps = () => {
    const s = summary();
    const parts = [
      s.applyNow.length > 0
        ? t("summary.applyNow", { instruments: plural("plural.instrumentFor", s.applyNow.length) })
        : t("summary.applyNowNone"),
    ];
    if (s.openSoon.length > 0) parts.push(t("summary.openSoon", { count: s.openSoon.length }));
    if (s.undecided > 0) {
      parts.push(
        t("summary.questions", {
          questions: plural("plural.question", s.questions),
          instruments: plural("plural.instrument", s.undecided),
        }),
      );
    }
    return `${parts.join("; ")}.`;
  };
  const nothingOpen = () => {
    const s = summary();
    const parts = [t("summary.nothingOpen")];
    if (s.next) {
      parts.push(
        t("summary.next", {
          name: nameOf(s.next.recommendation),
          when: whenText(s.next.recommendation.availability),
        }),
      );
    }
    if (s.lastClosed) {
      parts.push(
        t("summary.lastClosed", {
          name: nameOf(s.lastClosed),
          date: formatDate(s.lastClosed.closedOn),
        }),
      );
    }
    return parts.join(" ");
  };
  return (
    <section class="summary panel" aria-labelledby="summary-title" data-testid="results-summary">
      <h2 id="summary-title" tabindex="-1">
        {t("summary.title")}
      </h2>
      <p class="summary-line" data-testid="summary-line">
        {nextSteps()}
      </p>
      <Show when={summary().nothingOpen}>
        <p class="summary-nothing-open" data-testid="summary-nothing-open">
          {nothingOpen()}
        </p>
      </Show>
      <p class="muted" data-testid="summary-counts">
        {t("summary.counts", {
          eligible: summary().eligible,
          undecided: summary().undecided,
          nearMisses: summary().nearMisses,
        })}
      </p>
      <p class="muted" data-testid="results-order">
        {t("results.order")}
      </p>
    </section>
  );
}
