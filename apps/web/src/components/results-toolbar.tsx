/**
 * @module
 * The tools over a set of results, at the top of the results page and of a saved assessment:
 * print and the JSON and CSV files (built here, from what is on screen), after whatever the
 * page puts first (save, edit, continue).
 */
import type { JSX } from "solid-js";
import type { AssessmentInput, RecommendationSet } from "@klastry/domain";
import { t } from "../i18n/index.ts";
import { downloadText } from "../lib/download.ts";
import { resultsCsv, resultsJson } from "../lib/results-export.ts";

export function ResultsToolbar(props: {
  input: AssessmentInput | undefined;
  set: RecommendationSet | undefined;
  /** The date in the files' names (the evaluation date of the results). */
  fileDate: string;
  children?: JSX.Element;
}) {
  return (
    <div class="toolbar no-print" role="group" aria-label={t("results.tools")}>
      {props.children}
      <button type="button" class="secondary" data-testid="print" onClick={() => window.print()}>
        {t("results.print")}
      </button>
      <button
        type="button"
        class="secondary"
        data-testid="download-json"
        disabled={!props.set || !props.input}
        onClick={() => {
          if (props.set && props.input)
            downloadText(
              `klastry-${props.fileDate}.json`,
              resultsJson(props.input, props.set),
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
        disabled={!props.set}
        onClick={() => {
          if (props.set)
            downloadText(
              `klastry-${props.fileDate}.csv`,
              resultsCsv(props.set),
              "text/csv;charset=utf-8",
            );
        }}
      >
        {t("results.downloadCsv")}
      </button>
    </div>
  );
}
