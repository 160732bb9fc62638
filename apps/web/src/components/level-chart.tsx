/**
 * @module
 * The split of available support between EU, national and regional levels as a bar chart.
 * chart.js is imported dynamically, so only this dashboard downloads it; a data table beside the
 * chart carries the same numbers for screen readers and keyboard users.
 */
import { createEffect, For, onCleanup } from "solid-js";
import { Levels } from "@klastry/domain";
import { formatNumber, labelOf, t } from "../i18n/index.ts";
import type { LevelSplit } from "../lib/api-types.ts";

export function LevelChart(props: { split: readonly LevelSplit[] }) {
  let canvas: HTMLCanvasElement | undefined;
  let chart: { destroy(): void } | undefined;

  createEffect(() => {
    const labels = props.split.map((entry) => labelOf(Levels.entries, entry.level));
    const all = props.split.map((entry) => entry.count);
    const open = props.split.map((entry) => entry.open);
    const names = [t("region.levels.all"), t("region.levels.open")];
    void import("chart.js")
      .then(({ Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip }) => {
        if (!canvas) return;
        Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
        chart?.destroy();
        chart = new Chart(canvas, {
          type: "bar",
          data: {
            labels,
            datasets: [
              { label: names[0], data: all, backgroundColor: "#2171b5" },
              { label: names[1], data: open, backgroundColor: "#e6550d" },
            ],
          },
          options: {
            responsive: true,
            animation: false,
            scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          },
        });
      })
      .catch(() => {
        // No canvas (an old browser, a test DOM): the table below carries the same numbers.
      });
  });
  onCleanup(() => chart?.destroy());

  return (
    <figure class="chart" data-testid="level-chart">
      <canvas ref={canvas} role="img" aria-label={t("region.levels.chartLabel")} />
      <figcaption>{t("region.levels.caption")}</figcaption>
      <div class="table-scroll" tabindex="0" role="region" aria-label={t("region.levels.caption")}>
        <table class="data">
          <caption class="visually-hidden">{t("region.levels.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("instrument.level")}</th>
              <th scope="col">{t("region.levels.all")}</th>
              <th scope="col">{t("region.levels.open")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.split}>
              {(entry) => (
                <tr>
                  <th scope="row">{labelOf(Levels.entries, entry.level)}</th>
                  <td>{formatNumber(entry.count)}</td>
                  <td>{formatNumber(entry.open)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </figure>
  );
}
