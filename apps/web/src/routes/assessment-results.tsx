/**
 * @module
 * The results of the self-assessment, re-evaluated in place whenever the wizard's answers or the
 * language change (an inline answer to an open question updates them without a reload). Save,
 * print and the exports sit at the top. A card that moves after an inline answer keeps the focus
 * (its control, or its heading when the question is gone) and a live region says where it went.
 * While an answer is invalid the last valid results stay on screen with a notice.
 */
import {
  createEffect,
  createMemo,
  createResource,
  createSignal,
  For,
  on,
  Show,
  Suspense,
} from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { REGIONS, type AssessmentInput, type RecommendationSet } from "@klastry/domain";
import { ComparePanel } from "../components/compare-panel.tsx";
import { FailureMessage } from "../components/error-message.tsx";
import { usePageTitle } from "../components/page-title.ts";
import { cardHeadingId, verdictWord } from "../components/recommendation-card.tsx";
import { ResultsToolbar } from "../components/results-toolbar.tsx";
import { ResultsView } from "../components/results-view.tsx";
import { SavePanel } from "../components/save-panel.tsx";
import { STEP_TITLES } from "../components/wizard-progress.tsx";
import { label, labelOf, language, t, type MessageKey } from "../i18n/index.ts";
import { fundingSourcesQuery, recommendationsQuery } from "../lib/queries.ts";
import { validateDraft } from "../lib/validate-draft.ts";
import { fieldByPath, fieldForPath, stepOfPath } from "../lib/wizard-fields.ts";
import { useWizard } from "../lib/wizard-store.tsx";

/** An issue's path as the question and step it belongs to, linked (e.g. `cluster.name`). */
function placeOfIssue(path: string) {
  const field = fieldForPath(path);
  const step = field?.step ?? stepOfPath(path);
  return (
    <A href={`/assessment/${step}`}>
      {t(STEP_TITLES[step - 1] as MessageKey)}
      {field ? ` – ${field.labelText ? label(field.labelText) : t(field.labelKey)}` : ` – ${path}`}
    </A>
  );
}

/** Where an instrument stands in a set: its group, verdict and place, for the announcement. */
function whereIs(set: RecommendationSet, instrumentId: string) {
  const recommendation = set.recommendations.find((r) => r.instrumentId === instrumentId);
  const group = set.groups.find((g) => g.instrumentIds.includes(instrumentId));
  if (!recommendation || !group) return undefined;
  return {
    name: recommendation.shortName ?? recommendation.name,
    key: `${group.applicant}/${recommendation.verdict}/${String(recommendation.nearMiss)}`,
    verdict: verdictWord(recommendation),
    group: group.label,
    position: group.instrumentIds.indexOf(instrumentId) + 1,
    of: group.instrumentIds.length,
  };
}

/** An inline answer in flight: which card and control, and where the card stood before. */
interface PendingFocus {
  instrumentId: string;
  controlId: string;
  before: string | undefined;
  name: string;
}

export default function AssessmentResults() {
  const wizard = useWizard();
  usePageTitle(() => t("results.title"));
  const validation = createMemo(() => validateDraft(wizard.draft));
  const lastValidInput = createMemo<AssessmentInput | undefined>(
    (previous) => validation().input ?? previous,
  );
  // The key is the input's JSON: an unchanged answer does not send a new request.
  const requestKey = createMemo(() => {
    const input = validation().input;
    return input ? JSON.stringify({ input, lang: language() }) : undefined;
  });
  const [results] = createResource(requestKey, (key) => {
    const { input, lang } = JSON.parse(key) as { input: AssessmentInput; lang: "pl" | "en" };
    return recommendationsQuery(input, lang);
  });
  const sources = createAsync(() => fundingSourcesQuery().catch(() => []));
  const sourceName = (id: string) => {
    const source = sources()?.find((candidate) => candidate.id === id);
    return source ? (source.abbreviation ? label(source.abbreviation) : label(source.name)) : id;
  };
  const latest = () => (results.state === "errored" ? undefined : results.latest);
  const [saveOpen, setSaveOpen] = createSignal(false);
  const [pending, setPending] = createSignal<PendingFocus>();
  const [announcement, setAnnouncement] = createSignal("");

  const rememberFocus = (instrumentId: string, controlId: string) => {
    const set = latest();
    const before = set ? whereIs(set, instrumentId) : undefined;
    setPending({
      instrumentId,
      controlId,
      before: before?.key,
      name: before?.name ?? instrumentId,
    });
  };

  // After new results arrive for an inline answer: say where the card went, and keep the focus on
  // it (the same control when it is still there, else the card's heading, else the summary).
  createEffect(
    on(
      () => latest(),
      (set) => {
        const wanted = pending();
        if (!set || !wanted) return;
        setPending(undefined);
        const now = whereIs(set, wanted.instrumentId);
        setAnnouncement(
          now === undefined
            ? t("results.movedAway", { name: wanted.name })
            : now.key === wanted.before
              ? t("results.stayed", { name: now.name, verdict: now.verdict })
              : t("results.moved", {
                  name: now.name,
                  verdict: now.verdict,
                  group: now.group,
                  position: now.position,
                  of: now.of,
                }),
        );
        requestAnimationFrame(() => {
          const target =
            document.getElementById(wanted.controlId) ??
            document.getElementById(cardHeadingId(wanted.instrumentId)) ??
            document.getElementById("summary-title");
          target?.focus({ preventScroll: true });
          target?.scrollIntoView({ block: "nearest" });
        });
      },
      { defer: true },
    ),
  );

  const openSave = () => {
    setSaveOpen(!saveOpen());
    if (saveOpen()) requestAnimationFrame(() => document.getElementById("save-title")?.focus());
  };

  return (
    <section class="results-page" aria-labelledby="results-title">
      <h1 id="results-title" tabindex="-1">
        {t("results.title")}
      </h1>
      <Show when={!validation().input}>
        <div class="error-box" role="alert" data-testid="results-invalid">
          <p>{t("results.invalidAnswers")}</p>
          <ul>
            <For each={Object.entries(validation().fields)}>
              {([path, message]) => {
                const field = fieldByPath(path);
                const step = field?.step ?? stepOfPath(path);
                return (
                  <li>
                    <A href={`/assessment/${step}`}>{t(STEP_TITLES[step - 1] as MessageKey)}</A>:{" "}
                    {field ? (field.labelText ? label(field.labelText) : t(field.labelKey)) : ""}
                    {field ? ": " : ""}
                    {message}
                  </li>
                );
              }}
            </For>
            <For each={validation().other}>
              {(issue) => (
                <li>
                  <A href={`/assessment/${issue.step}`}>
                    {t(STEP_TITLES[issue.step - 1] as MessageKey)}
                  </A>
                  : {issue.message}
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
      <Show when={lastValidInput()}>
        {(input) => (
          <>
            <p class="lead" data-testid="results-cluster">
              <span data-user-text>{input().cluster.name}</span> ·{" "}
              {labelOf(REGIONS, input().cluster.region)}
            </p>
            <ResultsToolbar
              input={input()}
              set={latest()}
              fileDate={latest()?.evaluatedOn ?? new Date().toISOString().slice(0, 10)}
            >
              <button
                type="button"
                class="primary"
                data-testid="open-save"
                aria-expanded={saveOpen() ? "true" : "false"}
                aria-controls="save-region"
                onClick={openSave}
              >
                {t("results.save")}
              </button>
              <A href="/assessment/1" class="button secondary" data-testid="edit-answers">
                {t("results.editAnswers")}
              </A>
            </ResultsToolbar>
            <div id="save-region" hidden={!saveOpen()}>
              <SavePanel input={input()} />
            </div>
            <p class="status-line" role="status" aria-live="polite" data-testid="results-status">
              {results.loading ? t("results.updating") : ""}
            </p>
            <p class="visually-hidden" aria-live="polite" data-testid="results-announcement">
              {announcement()}
            </p>
            <Show when={results.state === "errored"}>
              <FailureMessage of={results} place={placeOfIssue} />
            </Show>
            <Suspense fallback={<p role="status">{t("common.loading")}</p>}>
              <Show when={latest()}>
                {(set) => (
                  <>
                    <ResultsView
                      set={set()}
                      fundingSourceName={sourceName}
                      answerable
                      onAnswer={rememberFocus}
                    />
                    <ComparePanel current={set()} />
                  </>
                )}
              </Show>
            </Suspense>
          </>
        )}
      </Show>
    </section>
  );
}
