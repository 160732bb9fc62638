/**
 * @module
 * A horizontal bar chart drawn as SVG (it prints sharp on paper and needs no script library),
 * one group of bars per category, one bar per series. The chart is an image named by its caption;
 * the same numbers are in the table the caller shows beside it. A suppressed value (fewer than 3
 * clusters) draws no bar and reads "<3".
 */
import { For, Show } from "solid-js";
import { formatNumber } from "../i18n/index.ts";
import { countText, countValue, type CountCell } from "../lib/suppressed.ts";

export interface ChartSeries {
  key: string;
  label: string;
  /** A fill with at least 3:1 contrast on white (WCAG 1.4.11). */
  colour: string;
}

export interface ChartCategory {
  key: string;
  label: string;
}

/** Blue, orange, green, purple: distinct in print and for the common colour-vision deficiencies. */
export const SERIES_COLOURS = ["#2171b5", "#d94801", "#238b45", "#6a51a3"] as const;

const LABEL_WIDTH = 190;
const BAR_HEIGHT = 14;
const GAP = 10;
const WIDTH = 640;
const VALUE_WIDTH = 44;

/** A label cut to fit the label column (the table beside the chart carries the full text). */
function shortLabel(text: string, max = 30): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function SvgBarChart(props: {
  id: string;
  caption: string;
  categories: readonly ChartCategory[];
  series: readonly ChartSeries[];
  value: (category: string, series: string) => CountCell;
  /** The largest value on the scale; by default the largest value shown. */
  max?: number;
  /** Shows values as percentages (0-100). */
  percent?: boolean;
}) {
  const numeric = countValue;
  const max = () =>
    props.max ??
    Math.max(
      1,
      ...props.categories.flatMap((category) =>
        props.series.map((series) => numeric(props.value(category.key, series.key))),
      ),
    );
  const groupHeight = () => props.series.length * BAR_HEIGHT + GAP;
  const legendHeight = () => (props.series.length > 1 ? 24 : 0);
  const height = () => legendHeight() + props.categories.length * groupHeight() + 4;
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const text = (value: CountCell) =>
    typeof value === "number" && props.percent ? `${formatNumber(value)}%` : countText(value);

  return (
    <figure class="svg-chart" data-testid={props.id}>
      <svg
        viewBox={`0 0 ${WIDTH} ${height()}`}
        role="img"
        aria-labelledby={`${props.id}-caption`}
        preserveAspectRatio="xMinYMin meet"
      >
        <Show when={props.series.length > 1}>
          <g class="legend">
            <For each={props.series}>
              {(series, index) => (
                <g transform={`translate(${LABEL_WIDTH + index() * 150}, 4)`}>
                  <rect width="12" height="12" fill={series.colour} />
                  <text x="16" y="10" font-size="11">
                    {shortLabel(series.label, 22)}
                  </text>
                </g>
              )}
            </For>
          </g>
        </Show>
        <For each={props.categories}>
          {(category, row) => {
            const top = () => legendHeight() + row() * groupHeight();
            return (
              <g transform={`translate(0, ${top()})`}>
                <text
                  x={LABEL_WIDTH - 6}
                  y={(props.series.length * BAR_HEIGHT) / 2 + 4}
                  text-anchor="end"
                  font-size="11"
                >
                  <title>{category.label}</title>
                  {shortLabel(category.label)}
                </text>
                <For each={props.series}>
                  {(series, index) => {
                    const value = () => props.value(category.key, series.key);
                    const width = () => (numeric(value()) / max()) * plotWidth;
                    return (
                      <g transform={`translate(${LABEL_WIDTH}, ${index() * BAR_HEIGHT})`}>
                        <rect
                          width={Math.max(0, width())}
                          height={BAR_HEIGHT - 2}
                          fill={series.colour}
                        />
                        <text x={width() + 4} y={BAR_HEIGHT - 4} font-size="10">
                          {text(value())}
                        </text>
                      </g>
                    );
                  }}
                </For>
              </g>
            );
          }}
        </For>
      </svg>
      <figcaption id={`${props.id}-caption`}>{props.caption}</figcaption>
    </figure>
  );
}
