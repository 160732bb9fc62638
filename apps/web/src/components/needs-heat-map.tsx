/**
 * @module
 * Needs of a region's clusters as an actor x function table: each cell shows its number and a
 * colour from a five-step scale (the number is always there, so colour is never the only cue).
 */
import { For } from "solid-js";
import { ActorTypes, SupportFunctions } from "@klastry/domain";
import { formatNumber, label, t } from "../i18n/index.ts";
import type { NeedCount } from "../lib/api-types.ts";

/** Five blues; text switches to white from step 3 to keep a contrast ratio above 4.5:1. */
const SCALE = ["#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"] as const;

export function heatStep(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}

export function NeedsHeatMap(props: { cells: readonly NeedCount[]; clusters?: number }) {
  const count = (actor: string, fn: string) =>
    props.cells.find((cell) => cell.actor === actor && cell.function === fn)?.count ?? 0;
  const max = () => Math.max(0, ...props.cells.map((cell) => cell.count));
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="heat-caption">
      <table class="data heat-map" data-testid="needs-heat-map">
        <caption id="heat-caption">
          {t("region.heatMap.caption", { clusters: props.clusters ?? 0 })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("region.heatMap.actor")}</th>
            <For each={SupportFunctions.entries}>
              {(fn) => <th scope="col">{label(fn.label)}</th>}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={ActorTypes.entries}>
            {(actor) => (
              <tr>
                <th scope="row">{label(actor.label)}</th>
                <For each={SupportFunctions.entries}>
                  {(fn) => {
                    const value = () => count(actor.code, fn.code);
                    const step = () => heatStep(value(), max());
                    return (
                      <td
                        class="heat"
                        style={{
                          background: SCALE[step()],
                          color: step() >= 3 ? "#ffffff" : "#111111",
                        }}
                      >
                        {formatNumber(value())}
                      </td>
                    );
                  }}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <p class="legend">
        {t("region.heatMap.legend")}{" "}
        <For each={SCALE}>
          {(colour) => <span class="swatch" style={{ background: colour }} aria-hidden="true" />}
        </For>
      </p>
    </div>
  );
}
