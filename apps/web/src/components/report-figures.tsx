/**
 * @module
 * The figures of a round's report under the working group's questions 5-10: SVG charts that print
 * as sharp as the text, each with its numbers in a table. Counts of fewer than 3 clusters read
 * "<3"; no cluster is named anywhere in the report.
 */
import {
  ActorTypes,
  FundingSourceKinds,
  InstrumentForms,
  Levels,
  PublicTasks,
  ReadinessLevels,
  REGIONS,
  SupportFunctions,
  type ReportData,
  type ReportQuestionId,
} from "@klastry/domain";
import { Match, Switch } from "solid-js";
import { formatDate, formatNumber, label, labelOf, t } from "../i18n/index.ts";
import { countText } from "../lib/suppressed.ts";
import { DataTable } from "./data-table.tsx";
import { needLabel } from "./national-gaps.tsx";
import { SERIES_COLOURS, SvgBarChart } from "./svg-bar-chart.tsx";

const yesNo = (value: boolean) => (value ? t("form.yes") : t("form.no"));

/** Q5: regions versus the centre: needs covered by each level, and each region's split. */
function Levels5(props: { data: ReportData }) {
  return (
    <>
      <SvgBarChart
        id="report-chart-levels"
        caption={t("report.levelsChart")}
        categories={Levels.entries.map((entry) => ({ key: entry.code, label: label(entry.label) }))}
        series={[{ key: "covered", label: t("report.needsCovered"), colour: SERIES_COLOURS[0] }]}
        value={(level) => props.data.levels.find((row) => row.level === level)?.needsCovered ?? 0}
      />
      <DataTable
        id="report-regions"
        caption={t("national.levelsCaption")}
        rowLabel={t("region.region")}
        columns={[
          { key: "clusters", label: t("national.clusters") },
          { key: "needs", label: t("national.needs") },
          ...Levels.entries.map((entry) => ({ key: entry.code, label: label(entry.label) })),
          { key: "gaps", label: t("national.gaps") },
        ]}
        rows={props.data.regions.map((row) => ({
          key: row.region,
          label: labelOf(REGIONS, row.region),
          cells: [
            countText(row.clusters),
            formatNumber(row.needs),
            formatNumber(row.coveredBy.eu),
            formatNumber(row.coveredBy.national),
            formatNumber(row.coveredBy.regional),
            formatNumber(row.gaps),
          ],
        }))}
      />
    </>
  );
}

/** Q6: who in the clusters needs support. */
function Actors6(props: { data: ReportData }) {
  const count = (actor: string) => props.data.actors.find((row) => row.actor === actor)?.count ?? 0;
  return (
    <>
      <SvgBarChart
        id="report-chart-actors"
        caption={t("report.actorsChart")}
        categories={ActorTypes.entries.map((entry) => ({
          key: entry.code,
          label: label(entry.label),
        }))}
        series={[{ key: "count", label: t("national.clusters"), colour: SERIES_COLOURS[0] }]}
        value={(actor) => count(actor)}
      />
      <DataTable
        id="report-actors"
        caption={t("report.actorsCaption")}
        rowLabel={t("region.heatMap.actor")}
        columns={[{ key: "count", label: t("national.clusters") }]}
        rows={ActorTypes.entries.map((entry) => ({
          key: entry.code,
          label: label(entry.label),
          cells: [countText(count(entry.code))],
        }))}
      />
    </>
  );
}

/** Q7: which functions need support. */
function Functions7(props: { data: ReportData }) {
  const count = (fn: string) => props.data.functions.find((row) => row.function === fn)?.count ?? 0;
  return (
    <>
      <SvgBarChart
        id="report-chart-functions"
        caption={t("report.functionsChart")}
        categories={SupportFunctions.entries.map((entry) => ({
          key: entry.code,
          label: label(entry.label),
        }))}
        series={[{ key: "count", label: t("national.clusters"), colour: SERIES_COLOURS[1] }]}
        value={(fn) => count(fn)}
      />
      <DataTable
        id="report-functions"
        caption={t("report.functionsCaption")}
        rowLabel={t("region.function")}
        columns={[{ key: "count", label: t("national.clusters") }]}
        rows={SupportFunctions.entries.map((entry) => ({
          key: entry.code,
          label: label(entry.label),
          cells: [countText(count(entry.code))],
        }))}
      />
    </>
  );
}

/** Q8: which needs public money may fund, and the gaps no instrument covers. */
function Fundable8(props: { data: ReportData }) {
  return (
    <>
      <DataTable
        id="report-fundable"
        caption={t("report.fundableCaption", { date: formatDate(props.data.method.statusOn) })}
        rowLabel={t("national.need")}
        columns={[
          { key: "count", label: t("national.clusters") },
          { key: "instruments", label: t("region.instruments") },
          ...Levels.entries.map((entry) => ({ key: entry.code, label: label(entry.label) })),
        ]}
        rows={props.data.fundable.map((row) => ({
          key: `${row.function}-${row.actor}`,
          label: needLabel(row),
          cells: [
            countText(row.count),
            formatNumber(row.instruments),
            yesNo(row.levels.eu),
            yesNo(row.levels.national),
            yesNo(row.levels.regional),
          ],
        }))}
        empty={t("report.noNeeds")}
      />
      <DataTable
        id="report-gaps"
        caption={t("report.gapsCaption")}
        rowLabel={t("national.need")}
        columns={[{ key: "count", label: t("national.clusters") }]}
        rows={props.data.gaps.map((row) => ({
          key: `${row.function}-${row.actor}`,
          label: needLabel(row),
          cells: [countText(row.count)],
        }))}
        empty={t("national.noGaps")}
      />
    </>
  );
}

/** Q9: the forms and funding sources of the instruments serving each function. */
function Forms9(props: { data: ReportData }) {
  return (
    <DataTable
      id="report-forms"
      caption={t("report.formsCaption")}
      rowLabel={t("region.function")}
      columns={[
        { key: "forms", label: t("report.forms") },
        { key: "sources", label: t("report.sources") },
      ]}
      rows={props.data.formsSources.map((row) => ({
        key: row.function,
        label: labelOf(SupportFunctions.entries, row.function),
        cells: [
          row.forms
            .map(
              (entry) => `${labelOf(InstrumentForms.entries, entry.form)} (${entry.instruments})`,
            )
            .join(", ") || "—",
          row.sources
            .map(
              (entry) =>
                `${labelOf(FundingSourceKinds.entries, entry.kind)} (${entry.instruments})`,
            )
            .join(", ") || "—",
        ],
      }))}
      empty={t("report.noNeeds")}
    />
  );
}

/** Q10: readiness for public tasks. */
function Tasks10(props: { data: ReportData }) {
  const tasks = () =>
    PublicTasks.entries.filter((task) =>
      props.data.publicTasks.some((row) => row.task === task.code),
    );
  const cell = (task: string, level: string) =>
    props.data.publicTasks.find((row) => row.task === task && row.readiness === level)?.count ?? 0;
  return (
    <DataTable
      id="report-tasks"
      caption={t("report.tasksCaption")}
      rowLabel={t("region.task")}
      columns={ReadinessLevels.entries.map((entry) => ({
        key: entry.code,
        label: label(entry.label),
      }))}
      rows={tasks().map((task) => ({
        key: task.code,
        label: label(task.label),
        cells: ReadinessLevels.codes.map((level) => countText(cell(task.code, level))),
      }))}
      empty={t("region.noPublicTasks")}
    />
  );
}

/** The figures that answer a question with data (questions 1-4 are answered in words only). */
export function QuestionFigures(props: { id: ReportQuestionId; data: ReportData }) {
  return (
    <Switch>
      <Match when={props.id === "q5"}>
        <Levels5 data={props.data} />
      </Match>
      <Match when={props.id === "q6"}>
        <Actors6 data={props.data} />
      </Match>
      <Match when={props.id === "q7"}>
        <Functions7 data={props.data} />
      </Match>
      <Match when={props.id === "q8"}>
        <Fundable8 data={props.data} />
      </Match>
      <Match when={props.id === "q9"}>
        <Forms9 data={props.data} />
      </Match>
      <Match when={props.id === "q10"}>
        <Tasks10 data={props.data} />
      </Match>
    </Switch>
  );
}
