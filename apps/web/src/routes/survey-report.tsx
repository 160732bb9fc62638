/**
 * @module
 * A round's report at `/rounds/<id>/report`, in the page's language (Polish or English): one part
 * per question of the working group, each with the answer the data gives and its SVG charts and
 * tables, then the change from an earlier round (when chosen), the method (n, dates, response
 * rate, rulebook and catalogue versions) and the data annex (CSV, XLSX). The print stylesheet
 * makes it an A4 document: no navigation or buttons, each part on a new page.
 */
import { createAsync, useParams, useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, ErrorBoundary, For, Show, Suspense } from "solid-js";
import type { ReportData } from "@klastry/domain";
import { ErrorMessage } from "../components/error-message.tsx";
import { usePageTitle } from "../components/page-title.ts";
import { QuestionFigures } from "../components/report-figures.tsx";
import { RoundChange } from "../components/round-change.tsx";
import { rateText } from "../components/round-invitations.tsx";
import { SurveyKey } from "../components/survey-key.tsx";
import { formatDate, formatDateTime, label, language, t } from "../i18n/index.ts";
import { getReportAnnex } from "../lib/api.ts";
import { downloadBlob } from "../lib/download.ts";
import { reportQuery, roundsQuery } from "../lib/queries.ts";
import { countText } from "../lib/suppressed.ts";
import { scopeText } from "./survey-round.tsx";

export default function SurveyReport() {
  const params = useParams<{ id: string }>();
  const [title, setTitle] = createSignal<string>();
  usePageTitle(() => title() ?? t("report.title"));
  return (
    <article class="report" aria-labelledby="report-title">
      <h1 id="report-title">
        {t("report.title")}
        <Show when={title()}>
          {(text) => (
            <>
              : <span data-user-text>{text()}</span>
            </>
          )}
        </Show>
      </h1>
      <SurveyKey>
        {(key) => (
          <ErrorBoundary fallback={(error: unknown) => <ErrorMessage error={error} />}>
            <Suspense fallback={<p role="status">{t("common.loading")}</p>}>
              <Report id={params.id} apiKey={key} onTitle={setTitle} />
            </Suspense>
          </ErrorBoundary>
        )}
      </SurveyKey>
    </article>
  );
}

function Report(props: { id: string; apiKey: string; onTitle: (title: string) => void }) {
  const [search, setSearch] = useSearchParams<{ compare?: string }>();
  const rounds = createAsync(() => roundsQuery(props.apiKey));
  const data = createAsync(() =>
    reportQuery(props.id, props.apiKey, search.compare || undefined, language()),
  );
  const [annexError, setAnnexError] = createSignal<unknown>();
  const annex = async (format: "csv" | "xlsx") => {
    setAnnexError(undefined);
    try {
      const blob = await getReportAnnex(props.id, props.apiKey, format, language());
      downloadBlob(`klastry-report-${props.id}-${language()}.${format}`, blob);
    } catch (error) {
      setAnnexError(error);
    }
  };
  createEffect(() => {
    const loaded = data();
    if (loaded) props.onTitle(loaded.round.title);
  });
  return (
    <Show when={data()}>
      {(report) => {
        return (
          <>
            <div class="toolbar no-print" role="group" aria-label={t("report.tools")}>
              <button
                type="button"
                class="primary"
                data-testid="report-print"
                onClick={() => window.print()}
              >
                {t("report.print")}
              </button>
              <div class="field inline-field">
                <label for="report-compare">{t("national.compare")}</label>
                <select
                  id="report-compare"
                  onChange={(event) =>
                    setSearch({ compare: event.currentTarget.value || undefined })
                  }
                >
                  <option value="" selected={!search.compare}>
                    {t("national.noCompare")}
                  </option>
                  <For each={(rounds() ?? []).filter((round) => round.id !== props.id)}>
                    {(round) => (
                      <option
                        value={round.id}
                        selected={search.compare === round.id}
                        data-user-text
                      >
                        {round.title}
                      </option>
                    )}
                  </For>
                </select>
              </div>
            </div>
            <ReportBody report={report()} onAnnex={(format) => void annex(format)} />
            <Show when={annexError()}>{(error) => <ErrorMessage error={error()} />}</Show>
          </>
        );
      }}
    </Show>
  );
}

function ReportBody(props: { report: ReportData; onAnnex: (format: "csv" | "xlsx") => void }) {
  const method = () => props.report.method;
  return (
    <>
      <p class="lead" data-testid="report-lead">
        {t("report.lead", {
          scope: scopeText(props.report.round),
          from: formatDate(props.report.round.periodStart),
          to: formatDate(props.report.round.periodEnd),
          clusters: countText(method().clusters),
          rate: rateText(method().responseRate),
        })}
      </p>
      <p class="hint">
        {t("report.generated", { date: formatDateTime(props.report.generatedAt) })}
      </p>

      <For each={props.report.questions}>
        {(question, index) => (
          <section
            class="report-part"
            classList={{ "report-part-short": index() > 0 && index() < 4 }}
            aria-labelledby={`report-${question.id}`}
            data-testid={`report-${question.id}`}
          >
            <h2 id={`report-${question.id}`}>
              {t("report.question", { number: index() + 1 })} {label(question.question)}
            </h2>
            <p class="report-answer">{label(question.answer)}</p>
            <QuestionFigures id={question.id} data={props.report} />
          </section>
        )}
      </For>

      <Show when={props.report.change}>
        {(change) => (
          <section
            class="report-part"
            aria-labelledby="report-change-title"
            data-testid="report-change"
          >
            <h2 id="report-change-title">{t("national.change")}</h2>
            <RoundChange change={change()} id="report-change-table" />
          </section>
        )}
      </Show>

      <section
        class="report-part"
        aria-labelledby="report-method-title"
        data-testid="report-method"
      >
        <h2 id="report-method-title">{t("report.method")}</h2>
        <p>{t("report.methodText", { min: method().minCellSize })}</p>
        <dl class="facts">
          <dt>{t("report.n")}</dt>
          <dd data-testid="method-n">{countText(method().clusters)}</dd>
          <dt>{t("report.invitedSubmitted")}</dt>
          <dd>
            {t("report.invitedSubmittedValue", {
              submitted: method().submitted,
              invited: method().invited,
              rate: rateText(method().responseRate),
            })}
          </dd>
          <dt>{t("report.selfRegistered")}</dt>
          <dd>{method().selfRegisteredAccepted}</dd>
          <dt>{t("rounds.period")}</dt>
          <dd>
            {formatDate(method().periodStart)} – {formatDate(method().periodEnd)}
          </dd>
          <dt>{t("report.answers")}</dt>
          <dd>
            {method().firstAnswer
              ? `${formatDate(method().firstAnswer ?? "")} – ${formatDate(method().lastAnswer ?? "")}`
              : "—"}
          </dd>
          <dt>{t("report.statusOn")}</dt>
          <dd>{formatDate(method().statusOn)}</dd>
          <dt>{t("report.rulebook")}</dt>
          <dd>{method().rulebookVersion}</dd>
          <dt>{t("report.catalogue")}</dt>
          <dd>{method().catalogueVersion}</dd>
          <dt>{t("rounds.questionnaire")}</dt>
          <dd>{method().questionnaireVersion}</dd>
        </dl>
      </section>

      <section class="report-part" aria-labelledby="report-annex-title" data-testid="report-annex">
        <h2 id="report-annex-title">{t("report.annex")}</h2>
        <p>{t("report.annexText")}</p>
        <p class="toolbar no-print">
          <button
            type="button"
            class="secondary"
            data-testid="annex-csv"
            onClick={() => props.onAnnex("csv")}
          >
            {t("report.annexCsv")}
          </button>
          <button
            type="button"
            class="secondary"
            data-testid="annex-xlsx"
            onClick={() => props.onAnnex("xlsx")}
          >
            {t("report.annexXlsx")}
          </button>
        </p>
        <ul class="print-only annex-paths">
          <li>
            <code>/api/v1/rounds/{props.report.round.id}/report/annex.csv</code>
          </li>
          <li>
            <code>/api/v1/rounds/{props.report.round.id}/report/annex.xlsx</code>
          </li>
        </ul>
      </section>
    </>
  );
}
