/**
 * @module
 * The gaps of the national picture (needs no level covers in a region, from the catalogue on the
 * status day), and public-task readiness by region for one task at a time.
 */
import { createSignal } from "solid-js";
import {
  ActorTypes,
  PublicTasks,
  ReadinessLevels,
  REGIONS,
  SupportFunctions,
  type NationalPicture,
  type PublicTask,
} from "@klastry/domain";
import { formatDate, label, labelOf, t } from "../i18n/index.ts";
import { countText, countValue } from "../lib/suppressed.ts";
import { DataTable } from "./data-table.tsx";
import { SelectField } from "./form-field.tsx";

export function needLabel(cell: { actor: string; function: string }): string {
  return `${labelOf(SupportFunctions.entries, cell.function)} – ${labelOf(ActorTypes.entries, cell.actor)}`;
}

export function NationalGaps(props: { picture: NationalPicture }) {
  const gaps = () =>
    props.picture.coverage
      .filter((cell) => cell.gap)
      .sort((a, b) => countValue(b.count) - countValue(a.count));
  return (
    <DataTable
      id="national-gaps"
      caption={t("national.gapsCaption", { date: formatDate(props.picture.statusOn) })}
      rowLabel={t("national.need")}
      columns={[
        { key: "region", label: t("region.region") },
        { key: "count", label: t("national.clusters") },
      ]}
      rows={gaps().map((cell) => ({
        key: `${cell.function}-${cell.actor}-${cell.region}`,
        label: needLabel(cell),
        cells: [labelOf(REGIONS, cell.region), countText(cell.count)],
      }))}
      empty={t("national.noGaps")}
    />
  );
}

export function ReadinessByRegion(props: { picture: NationalPicture }) {
  const reported = () =>
    PublicTasks.entries.filter((task) =>
      props.picture.publicTasks.some((cell) => cell.task === task.code),
    );
  const [chosen, setChosen] = createSignal<PublicTask>();
  const task = () => chosen() ?? reported()[0]?.code ?? PublicTasks.codes[0];
  const cell = (region: string, readiness: string) =>
    props.picture.publicTasks.find(
      (entry) => entry.task === task() && entry.region === region && entry.readiness === readiness,
    )?.count ?? 0;
  return (
    <>
      <SelectField
        id="national-task"
        label={t("national.task")}
        value={task() ?? ""}
        onValue={(value) => value && setChosen(value as PublicTask)}
        choices={PublicTasks.entries.map((entry) => ({
          value: entry.code,
          label: label(entry.label),
        }))}
      />
      <DataTable
        id="national-readiness"
        caption={t("national.readinessCaption", {
          task: labelOf(PublicTasks.entries, task() ?? ""),
        })}
        rowLabel={t("region.region")}
        columns={ReadinessLevels.entries.map((entry) => ({
          key: entry.code,
          label: label(entry.label),
        }))}
        rows={REGIONS.map((entry) => ({
          key: entry.code,
          label: label(entry.label),
          cells: ReadinessLevels.codes.map((level) => countText(cell(entry.code, level))),
        }))}
      />
    </>
  );
}
