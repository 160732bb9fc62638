/**
 * @module
 * A horizontal bar chart drawn as SVG (it prints sharp on paper and needs no script library),
 * one group of bars per category (its label above them), one bar per series. The chart is an image
 * named by its caption; the same numbers are in the table the caller shows beside it. A suppressed
 * value (fewer than 3 clusters) draws no bar and reads "<3".
 */
import { createSignal, For, onCleanup, Show } from "solid-js";
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

/** A label cut to fit one line (the table beside the chart carries the full text). */
function shortLabel(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const LABEL_LINE = 16;
const BAR_HEIGHT = 13;
const GAP = 10;
const VALUE_WIDTH = 40;
const LEGEND_HEIGHT = 24;

/**
 * The drawing's width follows its box (a ResizeObserver), so text keeps its size from a phone to
 * a desktop; on paper the SVG scales to the page. Without ResizeObserver (a test DOM) it is 640.
 */
function useWidth(): [() => number, (element: HTMLElement) => void] {
  const [width, setWidth] = createSignal(640);
  let observer: ResizeObserver | undefined;
  onCleanup(() => observer?.disconnect());
  return [
    width,
    (element) => {
      if (typeof ResizeObserver === "undefined") return;
      observer = new ResizeObserver(([entry]) => {
        const next = Math.round(entry?.contentRect.width ?? 0);
        if (next > 0) setWidth(Math.max(240, next));
      });
      observer.observe(element);
    },
  ];
}

export function SvgBarChart(props: {
  id: string;
  caption: string;
  categories: readonly ChartCategory[];
  series: readonly ChartSeries[];
  value: (category: string, series: string) => CountCell;
  /** The largest value on the scale; by default the largest value shown. */
  max?: number;
}) {
  const [width, observe] = useWidth();
  const max = () =>
    props.max ??
    Math.max(
      1,
      ...props.categories.flatMap((category) =>
        props.series.map((series) => countValue(props.value(category.key, series.key))),
      ),
    );
  const groupHeight = () => LABEL_LINE + props.series.length * BAR_HEIGHT + GAP;
  const legendHeight = () => (props.series.length > 1 ? LEGEND_HEIGHT : 0);
  const height = () => legendHeight() + props.categories.length * groupHeight();
  const plotWidth = () => width() - VALUE_WIDTH;
  const labelChars = () => Math.floor(width() / 7);

  return (
    <figure class="svg-chart" data-testid={props.id} ref={observe}>
      <svg
        viewBox={`0 0 ${width()} ${height()}`}
        role="img"
        aria-labelledby={`${props.id}-caption`}
        preserveAspectRatio="xMinYMin meet"
      >
        <Show when={props.series.length > 1}>
          <g class="legend">
            <For each={props.series}>
              {(series, index) => (
                <g
                  transform={`translate(${index() * Math.min(170, width() / props.series.length)}, 2)`}
                >
                  <rect width="12" height="12" fill={series.colour} />
                  <text x="16" y="11" font-size="12">
                    {shortLabel(series.label, 20)}
                  </text>
                </g>
              )}
            </For>
          </g>
        </Show>
        <For each={props.categories}>
          {(category, row) => (
            <g transform={`translate(0, ${legendHeight() + row() * groupHeight()})`}>
              <text x="0" y="12" font-size="12">
                <title>{category.label}</title>
                {shortLabel(category.label, labelChars())}
              </text>
              <For each={props.series}>
                {(series, index) => {
                  const value = () => props.value(category.key, series.key);
                  const barWidth = () => (countValue(value()) / max()) * plotWidth();
                  return (
                    <g transform={`translate(0, ${LABEL_LINE + index() * BAR_HEIGHT})`}>
                      <rect
                        width={Math.max(0, barWidth())}
                        height={BAR_HEIGHT - 2}
                        fill={series.colour}
                      />
                      <text x={barWidth() + 4} y={BAR_HEIGHT - 3} font-size="11">
                        {countText(value())}
                      </text>
                    </g>
                  );
                }}
              </For>
            </g>
          )}
        </For>
      </svg>
      <figcaption id={`${props.id}-caption`}>{props.caption}</figcaption>
    </figure>
  );
}
