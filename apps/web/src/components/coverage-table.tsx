/**
 * @module
 * Coverage of a region's reported needs: for each (actor, function) pair, the instruments open to
 * the region that serve it; gaps first, marked in words as well as colour.
 */
import { For, Show } from "solid-js";
import { ActorTypes, SupportFunctions } from "@klastry/domain";
import { formatNumber, labelOf, t } from "../i18n/index.ts";
import type { CoverageRow } from "../lib/api-types.ts";

export function CoverageTable(props: { rows: readonly CoverageRow[] }) {
  return (
    <>
      <p>
        {t("region.coverageIntro", { gaps: props.rows.filter((row) => !row.covered).length ?? 0 })}
      </p>
      <table class="data">
        <caption class="visually-hidden">{t("region.coverage")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("region.heatMap.actor")}</th>
            <th scope="col">{t("region.function")}</th>
            <th scope="col">{t("region.clustersReporting")}</th>
            <th scope="col">{t("region.instruments")}</th>
          </tr>
        </thead>
        <tbody>
          <For
            each={[...props.rows].sort(
              (a, b) => Number(a.covered) - Number(b.covered) || b.count - a.count,
            )}
          >
            {(row) => (
              <tr classList={{ gap: !row.covered }}>
                <td>{labelOf(ActorTypes.entries, row.actor)}</td>
                <td>{labelOf(SupportFunctions.entries, row.function)}</td>
                <td>{formatNumber(row.count)}</td>
                <td>
                  <Show
                    when={row.covered}
                    fallback={<strong class="gap-label">{t("region.gap")}</strong>}
                  >
                    {row.instruments.map((instrument) => instrument.name).join("; ")}
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </>
  );
}
