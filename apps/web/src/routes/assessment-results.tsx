/**
 * @module
 * The results of the self-assessment, re-evaluated in place whenever the wizard's answers or the
 * language change (an inline answer to an open question updates them without a reload). While an
 * answer is invalid the last valid results stay on screen with a notice.
 */
import { createMemo, createResource, For, Show, Suspense } from "solid-js";
import { A, createAsync } from "@solidjs/router";
import { REGIONS, type AssessmentInput } from "@klastry/domain";
import { ComparePanel } from "../components/compare-panel.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { usePageTitle } from "../components/page-title.ts";
import { ResultsView } from "../components/results-view.tsx";
import { SavePanel } from "../components/save-panel.tsx";
import { STEP_TITLES } from "../components/wizard-progress.tsx";
import { label, labelOf, language, t, type MessageKey } from "../i18n/index.ts";
import { downloadText } from "../lib/download.ts";
import { fundingSourcesQuery, recommendationsQuery } from "../lib/queries.ts";
import { resultsCsv, resultsJson } from "../lib/results-export.ts";
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
  const fileDate = () => new Date().toISOString().slice(0, 10);
  const latest = () => (results.state === "errored" ? undefined : results.latest);

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
                const step = field?.step ?? 1;
                return (
                  <li>
                    <A href={`/assessment/${step}`}>{t(STEP_TITLES[step - 1] as MessageKey)}</A>:{" "}
                    {field ? (field.labelText ? label(field.labelText) : t(field.labelKey)) : path}:{" "}
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
              {input().cluster.name} · {labelOf(REGIONS, input().cluster.region)}
            </p>
            <div class="toolbar no-print">
              <A href="/assessment/1" class="button secondary" data-testid="edit-answers">
                {t("results.editAnswers")}
              </A>
              <button
                type="button"
                class="secondary"
                data-testid="print"
                onClick={() => window.print()}
              >
                {t("results.print")}
              </button>
              <button
                type="button"
                class="secondary"
                data-testid="download-json"
                disabled={!latest()}
                onClick={() => {
                  const set = latest();
                  if (set)
                    downloadText(
                      `klastry-${fileDate()}.json`,
                      resultsJson(input(), set),
                      "application/json",
                    );
                }}
              >
                {t("results.downloadJson")}
              </button>
              <button
                type="button"
                class="secondary"
                data-testid="download-csv"
                disabled={!latest()}
                onClick={() => {
                  const set = latest();
                  if (set)
                    downloadText(
                      `klastry-${fileDate()}.csv`,
                      resultsCsv(set),
                      "text/csv;charset=utf-8",
                    );
                }}
              >
                {t("results.downloadCsv")}
              </button>
            </div>
            <p class="status-line" role="status" aria-live="polite" data-testid="results-status">
              {results.loading ? t("results.updating") : ""}
            </p>
            <Show when={results.state === "errored"}>
              <ErrorMessage error={results.error} place={placeOfIssue} />
            </Show>
            <Suspense fallback={<p role="status">{t("common.loading")}</p>}>
              <Show when={latest()}>
                {(set) => (
                  <>
                    <ResultsView set={set()} fundingSourceName={sourceName} answerable />
                    <SavePanel input={input()} />
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
