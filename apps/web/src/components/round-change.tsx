/**
 * @module
 * The change between two rounds (the evaluation of the support system: did gaps close?): the gap
 * counts before and after, then each need with its clusters in both rounds and whether it was a
 * gap. A difference is shown only when both counts are published.
 */
import { formatDate, formatNumber, t } from "../i18n/index.ts";
import type { RoundChange as Change } from "@klastry/domain";
import { countText } from "../lib/suppressed.ts";
import { DataTable } from "./data-table.tsx";
import { needLabel } from "./national-gaps.tsx";

function gapText(gap: boolean): string {
  return gap ? t("change.gap") : t("change.covered");
}

export function RoundChange(props: { change: Change; id: string }) {
  return (
    <>
      <p data-testid={`${props.id}-summary`}>
        {t("change.summary", {
          from: props.change.from.title,
          fromDate: formatDate(props.change.from.periodEnd),
          to: props.change.to.title,
          toDate: formatDate(props.change.to.periodEnd),
          before: props.change.gapsBefore,
          after: props.change.gapsAfter,
          closed: props.change.closedGaps,
          opened: props.change.newGaps,
        })}
      </p>
      <DataTable
        id={props.id}
        caption={t("change.caption")}
        rowLabel={t("national.need")}
        columns={[
          { key: "before", label: t("change.before") },
          { key: "after", label: t("change.after") },
          { key: "delta", label: t("change.delta") },
          { key: "gapBefore", label: t("change.gapBefore") },
          { key: "gapAfter", label: t("change.gapAfter") },
        ]}
        rows={props.change.needs.map((need) => ({
          key: `${need.function}-${need.actor}`,
          label: needLabel(need),
          cells: [
            countText(need.before),
            countText(need.after),
            need.delta === null ? "—" : `${need.delta > 0 ? "+" : ""}${formatNumber(need.delta)}`,
            gapText(need.gapBefore),
            gapText(need.gapAfter),
          ],
        }))}
        empty={t("change.none")}
      />
    </>
  );
}
