/**
 * @module
 * The 16 regions side by side: clusters counted, the round's response rate, needs reported, and
 * how the levels cover them ("regions versus the centre": EU, national, regional instruments),
 * with the gaps no level covers. Each chart is SVG with the same numbers in its table.
 */
import { Levels, REGIONS, type NationalPicture, type RegionCode } from "@klastry/domain";
import { formatNumber, label, labelOf, t } from "../i18n/index.ts";
import { countText } from "../lib/suppressed.ts";
import { rateText } from "./round-invitations.tsx";
import { DataTable } from "./data-table.tsx";
import { SERIES_COLOURS, SvgBarChart } from "./svg-bar-chart.tsx";

function byRegion<T extends { region: RegionCode }>(rows: readonly T[]) {
  return (code: string) => rows.find((row) => row.region === code);
}

export function RegionsSideBySide(props: { picture: NationalPicture }) {
  const summary = () => byRegion(props.picture.regions);
  const split = () => byRegion(props.picture.levels);
  return (
    <>
      <SvgBarChart
        id="chart-regions"
        caption={t("national.regionsChart")}
        categories={REGIONS.map((entry) => ({ key: entry.code, label: label(entry.label) }))}
        series={[
          { key: "needs", label: t("national.needs"), colour: SERIES_COLOURS[0] },
          { key: "gaps", label: t("national.gaps"), colour: SERIES_COLOURS[1] },
        ]}
        value={(region, series) =>
          series === "gaps" ? (split()(region)?.gaps ?? 0) : (split()(region)?.needs ?? 0)
        }
      />
      <DataTable
        id="national-regions"
        caption={t("national.regionsCaption")}
        rowLabel={t("region.region")}
        columns={[
          { key: "clusters", label: t("national.clusters") },
          { key: "rate", label: t("invitations.rateColumn") },
          { key: "needs", label: t("national.needs") },
          { key: "gaps", label: t("national.gaps") },
        ]}
        rows={REGIONS.map((entry) => ({
          key: entry.code,
          label: label(entry.label),
          cells: [
            countText(summary()(entry.code)?.clusters),
            rateText(summary()(entry.code)?.responseRate ?? null),
            formatNumber(split()(entry.code)?.needs ?? 0),
            formatNumber(split()(entry.code)?.gaps ?? 0),
          ],
        }))}
      />
    </>
  );
}

/** EU, national and regional coverage of each region's needs: regions versus the centre. */
export function LevelsByRegion(props: { picture: NationalPicture }) {
  const split = () => byRegion(props.picture.levels);
  const levels = ["eu", "national", "regional"] as const;
  return (
    <>
      <SvgBarChart
        id="chart-levels"
        caption={t("national.levelsChart")}
        categories={REGIONS.map((entry) => ({ key: entry.code, label: label(entry.label) }))}
        series={levels.map((level, index) => ({
          key: level,
          label: labelOf(Levels.entries, level),
          colour: SERIES_COLOURS[index] ?? "#2171b5",
        }))}
        value={(region, level) => split()(region)?.coveredBy[level as (typeof levels)[number]] ?? 0}
      />
      <DataTable
        id="national-levels"
        caption={t("national.levelsCaption")}
        rowLabel={t("region.region")}
        columns={[
          { key: "needs", label: t("national.needs") },
          ...levels.map((level) => ({ key: level, label: labelOf(Levels.entries, level) })),
          { key: "onlyRegional", label: t("national.onlyRegional") },
          { key: "onlyCentral", label: t("national.onlyCentral") },
          { key: "gaps", label: t("national.gaps") },
        ]}
        rows={REGIONS.map((entry) => {
          const row = split()(entry.code);
          return {
            key: entry.code,
            label: labelOf(REGIONS, entry.code),
            cells: [
              row?.needs ?? 0,
              row?.coveredBy.eu ?? 0,
              row?.coveredBy.national ?? 0,
              row?.coveredBy.regional ?? 0,
              row?.onlyRegional ?? 0,
              row?.onlyCentral ?? 0,
              row?.gaps ?? 0,
            ].map((value) => formatNumber(value)),
          };
        })}
      />
    </>
  );
}
