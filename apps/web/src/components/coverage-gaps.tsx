/**
 * @module
 * The gaps in a region's support, from the API's coverage (the engine's own verdicts for each
 * cluster, `needsCoverage`): needs that some of the clusters reporting them cannot cover with any
 * instrument open, announced, expected or available, most clusters first, with the programmes that
 * may fund them but have no confirmed call listed apart; then, collapsed, the covered needs.
 */
import { For, Show } from "solid-js";
import { ActorTypes, SupportFunctions } from "@klastry/domain";
import { formatNumber, labelOf, plural, t } from "../i18n/index.ts";
import type { CoverageRow } from "../lib/api-types.ts";
import { Collapsible } from "./collapsible.tsx";

export function needName(row: Pick<CoverageRow, "actor" | "function">): string {
  return `${labelOf(ActorTypes.entries, row.actor)} – ${labelOf(SupportFunctions.entries, row.function)}`;
}

/** The needs with clusters left uncovered, most of them first. */
export function gapsOf(rows: readonly CoverageRow[]): CoverageRow[] {
  return rows
    .filter((row) => row.uncoveredClusters > 0)
    .sort((a, b) => b.uncoveredClusters - a.uncoveredClusters || b.count - a.count);
}

export function CoverageGaps(props: { rows: readonly CoverageRow[] }) {
  const gaps = () => gapsOf(props.rows);
  const covered = () => props.rows.filter((row) => row.uncoveredClusters === 0);
  return (
    <>
      <p data-testid="gaps-intro">
        {gaps().length === 0
          ? t("region.noGaps", { count: props.rows.length })
          : t("region.gapsIntro", { gaps: gaps().length, needs: props.rows.length })}
      </p>
      <Show when={gaps().length > 0}>
        <ul class="gaps" data-testid="gaps">
          <For each={gaps()}>
            {(row) => (
              <li class="gap">
                <strong>{needName(row)}</strong>:{" "}
                {t("region.gapLine", {
                  uncovered: plural("plural.cluster", row.uncoveredClusters),
                  count: formatNumber(row.count),
                })}
                <Show when={row.instruments.length > 0}>
                  {" "}
                  {t("region.coveredFor", {
                    instruments: row.instruments.map((i) => i.name).join("; "),
                  })}
                </Show>
                <Show when={row.mayFund.length > 0}>
                  <span class="muted">
                    {" "}
                    {t("region.mayFund", {
                      instruments: row.mayFund.map((i) => i.name).join("; "),
                    })}
                  </span>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={covered().length > 0}>
        <Collapsible
          id="covered-needs"
          label={t("region.coveredNeeds", { count: covered().length })}
          testid="covered-needs"
        >
          <ul class="covered">
            <For each={covered()}>
              {(row) => (
                <li>
                  <strong>{needName(row)}</strong> ({plural("plural.cluster", row.count)}):{" "}
                  {row.instruments.map((i) => i.name).join("; ")}
                </li>
              )}
            </For>
          </ul>
        </Collapsible>
      </Show>
    </>
  );
}
