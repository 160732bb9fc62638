/**
 * @module
 * The needs of a region's clusters as a colour-scaled heat map (functions x member groups) drawn by
 * chart.js with its matrix module, both loaded only when the chart is shown, and beside it a table
 * with the same numbers (for screen readers, keyboards, print, and as the chart's text). Both fit
 * the page from 320 px up: the chart takes the container's width and wraps its labels; the table
 * uses short group names.
 */
import { createEffect, For, onCleanup } from "solid-js";
import {
  ActorTypes,
  SupportFunctions,
  type ActorType,
  type SupportFunction,
} from "@klastry/domain";
import { formatNumber, label, language, t } from "../i18n/index.ts";
import type { NeedCount } from "../lib/api-types.ts";

/** Five blues, light to dark; text switches to white from step 3 (contrast above 4.5:1). */
const SCALE = ["#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"] as const;

/** The colour step (0-4) of a count: 0 only for no clusters at all. */
export function heatStep(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}

/** A label cut into lines of at most `width` characters, for the chart's narrow axis. */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function countOf(cells: readonly NeedCount[], actor: ActorType, fn: SupportFunction): number {
  return cells.find((cell) => cell.actor === actor && cell.function === fn)?.count ?? 0;
}

function HeatChart(props: { cells: readonly NeedCount[] }) {
  let canvas: HTMLCanvasElement | undefined;
  let chart: { destroy(): void } | undefined;
  createEffect(() => {
    const cells = props.cells;
    const actors = ActorTypes.codes.map((actor) => t(`actorAbbr.${actor}`));
    const functions = SupportFunctions.entries.map((fn) => label(fn.label));
    const max = Math.max(0, ...cells.map((cell) => cell.count));
    language();
    // Points name their row and column by the scales' own labels (a label that is not among
    // them would be added as a new row); the y labels are wrapped only when drawn, by the ticks.
    const points = SupportFunctions.codes.flatMap((fn, y) =>
      ActorTypes.codes.map((actor, x) => ({
        x: actors[x] as string,
        y: functions[y] as string,
        v: countOf(cells, actor, fn),
      })),
    );
    void Promise.all([import("chart.js"), import("chartjs-chart-matrix")])
      .then(([{ Chart, CategoryScale, Tooltip }, { MatrixController, MatrixElement }]) => {
        if (!canvas) return;
        Chart.register(MatrixController, MatrixElement, CategoryScale, Tooltip);
        chart?.destroy();
        const narrow = (canvas.parentElement?.clientWidth ?? 800) < 560;
        chart = new Chart(canvas, {
          type: "matrix",
          data: {
            datasets: [
              {
                label: t("region.heatMap.caption", { clusters: "" }),
                data: points,
                backgroundColor: (context: { raw?: unknown }) =>
                  SCALE[heatStep((context.raw as { v?: number } | undefined)?.v ?? 0, max)],
                borderColor: "#ffffff",
                borderWidth: 1,
                width: ({ chart: c }: { chart: { chartArea?: { width: number } } }) =>
                  (c.chartArea?.width ?? 0) / actors.length - 1,
                height: ({ chart: c }: { chart: { chartArea?: { height: number } } }) =>
                  (c.chartArea?.height ?? 0) / functions.length - 1,
              },
            ],
          },
          options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: {
              legend: { display: false },
              tooltip: {
                callbacks: {
                  title: () => "",
                  label: (item: { raw: unknown }) => {
                    const raw = item.raw as { x: string; y: string; v: number };
                    return `${raw.y} – ${raw.x}: ${formatNumber(raw.v)}`;
                  },
                },
              },
            },
            scales: {
              x: {
                type: "category",
                labels: actors,
                position: "top",
                offset: true,
                grid: { display: false },
                ticks: { autoSkip: false, maxRotation: narrow ? 90 : 0, font: { size: 11 } },
              },
              y: {
                type: "category",
                labels: functions,
                // Top to bottom in the vocabulary's order, as the table beside it.
                reverse: true,
                offset: true,
                grid: { display: false },
                ticks: {
                  autoSkip: false,
                  font: { size: narrow ? 10 : 12 },
                  callback: (_value: unknown, index: number) =>
                    wrapLabel(functions[index] ?? "", narrow ? 16 : 28),
                },
              },
            },
          },
          plugins: [
            {
              // The count in each cell, so colour is never the only cue.
              id: "cell-counts",
              afterDatasetsDraw(c: {
                ctx: CanvasRenderingContext2D;
                getDatasetMeta(i: number): {
                  data: { x: number; y: number; width?: number; height?: number }[];
                };
              }) {
                const meta = c.getDatasetMeta(0);
                c.ctx.save();
                c.ctx.textAlign = "center";
                c.ctx.textBaseline = "middle";
                c.ctx.font = "12px system-ui, sans-serif";
                meta.data.forEach((element, index) => {
                  const value = points[index]?.v ?? 0;
                  c.ctx.fillStyle = heatStep(value, max) >= 3 ? "#ffffff" : "#111111";
                  const box = element as unknown as {
                    x: number;
                    y: number;
                    width: number;
                    height: number;
                  };
                  c.ctx.fillText(
                    formatNumber(value),
                    box.x + box.width / 2,
                    box.y + box.height / 2,
                  );
                });
                c.ctx.restore();
              },
            },
          ],
        } as never);
      })
      .catch(() => {
        // No canvas (an old browser, a test DOM): the table beside carries the same numbers.
      });
  });
  onCleanup(() => chart?.destroy());
  return (
    <div class="heat-chart" data-testid="heat-chart">
      <canvas ref={canvas} role="img" aria-label={t("region.heatMap.chartLabel")} />
    </div>
  );
}

export function NeedsHeatMap(props: { cells: readonly NeedCount[]; clusters?: number }) {
  const max = () => Math.max(0, ...props.cells.map((cell) => cell.count));
  return (
    <div class="heat-layout" data-testid="needs-heat-map">
      <figure class="heat-figure">
        <HeatChart cells={props.cells} />
        <figcaption>
          {t("region.heatMap.caption", { clusters: props.clusters ?? 0 })}{" "}
          <span class="legend">
            {t("region.heatMap.legend")}{" "}
            <For each={SCALE}>
              {(_, step) => <span class={`swatch heat-${step()}`} aria-hidden="true" />}
            </For>
          </span>
        </figcaption>
      </figure>
      <table class="data heat-table" data-testid="heat-table">
        <caption>{t("region.heatMap.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("region.function")}</th>
            <For each={ActorTypes.entries}>
              {(actor) => (
                <th scope="col">
                  <abbr title={label(actor.label)}>{t(`actorAbbr.${actor.code}`)}</abbr>
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={SupportFunctions.entries}>
            {(fn) => (
              <tr>
                <th scope="row">{label(fn.label)}</th>
                <For each={ActorTypes.codes}>
                  {(actor) => {
                    const value = () => countOf(props.cells, actor, fn.code);
                    const step = () => heatStep(value(), max());
                    return <td class={`heat heat-${step()}`}>{formatNumber(value())}</td>;
                  }}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
