/**
 * @module
 * Horizontal bar charts as SVG text, for the report: SVG prints sharp on A4 and needs no script.
 * Pure (no DOM): the web app inlines the string, tests read it. A protected count ("<3", "x")
 * draws no bar and shows its mark, so a chart never reveals more than the table beside it.
 */
import type { CountCell } from "../schemas/survey.ts";

export interface BarDatum {
  label: string;
  value: CountCell;
}

export interface BarChartOptions {
  /** Read by screen readers (`<title>`) and printed nowhere else. */
  title: string;
  width?: number;
  /** Height of one bar row in px. */
  rowHeight?: number;
  /** Share of the width given to the labels. */
  labelShare?: number;
}

function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/**
 * An SVG bar chart of counts, one row per datum in the order given.
 *
 * @example
 * barChartSvg([{ label: "Koordynator", value: 12 }, { label: "Nauka", value: "<3" }], { title: "Kto potrzebuje" });
 */
export function barChartSvg(data: readonly BarDatum[], options: BarChartOptions): string {
  const width = options.width ?? 640;
  const row = options.rowHeight ?? 24;
  const labelWidth = Math.round(width * (options.labelShare ?? 0.42));
  const plot = width - labelWidth - 48;
  const max = Math.max(1, ...data.map((d) => (typeof d.value === "number" ? d.value : 0)));
  const height = Math.max(row, data.length * row) + 8;
  const rows = data.map((d, i) => {
    const y = i * row + 4;
    const mid = y + row / 2;
    const shown = typeof d.value === "number" ? d.value : 0;
    const bar = Math.round((shown / max) * plot);
    const text = typeof d.value === "number" ? String(d.value) : d.value;
    return [
      `<text x="${labelWidth - 8}" y="${mid}" text-anchor="end" dominant-baseline="middle">${escapeXml(d.label)}</text>`,
      bar > 0
        ? `<rect x="${labelWidth}" y="${y + 4}" width="${bar}" height="${row - 8}" fill="currentColor"/>`
        : "",
      `<text x="${labelWidth + bar + 6}" y="${mid}" dominant-baseline="middle">${escapeXml(text)}</text>`,
    ].join("");
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(options.title)}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(options.title)}</title>`,
    ...rows,
    "</svg>",
  ].join("");
}
