/**
 * @module
 * Needs by actor x function x region, one function at a time (chosen in a list, the most reported
 * first by default): the country's totals by actor as an SVG chart, and a table of the 16 regions
 * by actor. Suppressed cells read "<3".
 */
import { createMemo, createSignal } from "solid-js";
import {
  ActorTypes,
  REGIONS,
  SupportFunctions,
  type NationalPicture,
  type SupportFunction,
} from "@klastry/domain";
import { label, t } from "../i18n/index.ts";
import { countText, countValue } from "../lib/suppressed.ts";
import { DataTable } from "./data-table.tsx";
import { SelectField } from "./form-field.tsx";
import { SvgBarChart } from "./svg-bar-chart.tsx";

/** The function most clusters reported (published counts only), for the first view. */
export function mostReported(picture: NationalPicture): SupportFunction {
  const totals = new Map<SupportFunction, number>();
  for (const cell of picture.needTotals)
    totals.set(cell.function, (totals.get(cell.function) ?? 0) + countValue(cell.count));
  let best: SupportFunction = SupportFunctions.codes[0];
  for (const [fn, total] of totals) if (total > (totals.get(best) ?? 0)) best = fn;
  return best;
}

export function NationalNeeds(props: { picture: NationalPicture }) {
  const [chosen, setChosen] = createSignal<SupportFunction>();
  const fn = createMemo(() => chosen() ?? mostReported(props.picture));
  const fnLabel = () => label(SupportFunctions.entries.find((entry) => entry.code === fn())?.label);
  const total = (actor: string) =>
    props.picture.needTotals.find((cell) => cell.function === fn() && cell.actor === actor)
      ?.count ?? 0;
  const cell = (region: string, actor: string) =>
    props.picture.needs.find(
      (entry) => entry.function === fn() && entry.actor === actor && entry.region === region,
    )?.count ?? 0;

  return (
    <>
      <SelectField
        id="national-function"
        label={t("national.function")}
        value={fn()}
        onValue={(value) => value && setChosen(value as SupportFunction)}
        choices={SupportFunctions.entries.map((entry) => ({
          value: entry.code,
          label: label(entry.label),
        }))}
      />
      <SvgBarChart
        id="chart-needs"
        caption={t("national.needsChart", { function: fnLabel() })}
        categories={ActorTypes.entries.map((entry) => ({
          key: entry.code,
          label: label(entry.label),
        }))}
        series={[{ key: "count", label: t("national.clusters"), colour: "#2171b5" }]}
        value={(actor) => total(actor)}
      />
      <DataTable
        id="national-needs"
        caption={t("national.needsCaption", { function: fnLabel() })}
        rowLabel={t("region.region")}
        columns={ActorTypes.entries.map((entry) => ({
          key: entry.code,
          label: t(`actorAbbr.${entry.code}`),
          title: label(entry.label),
        }))}
        rows={[
          ...REGIONS.map((entry) => ({
            key: entry.code,
            label: label(entry.label),
            cells: ActorTypes.codes.map((actor) => countText(cell(entry.code, actor))),
          })),
          {
            key: "total",
            label: t("national.country"),
            cells: ActorTypes.codes.map((actor) => countText(total(actor))),
          },
        ]}
      />
    </>
  );
}
