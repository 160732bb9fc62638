/**
 * @module
 * A plain data table with its caption, scrollable on a narrow screen (a keyboard-reachable region
 * named by the caption), row headers in the first column. Cells are text the caller formats
 * (counts through `countText`, so suppressed cells read "<3").
 */
import { For, type JSX } from "solid-js";

export interface Column {
  key: string;
  label: JSX.Element;
  /** Full name for a short header (an abbreviation), read by screen readers and on hover. */
  title?: string;
}

export function DataTable(props: {
  id: string;
  caption: string;
  /** The header of the row-header column. */
  rowLabel: string;
  columns: readonly Column[];
  rows: readonly { key: string; label: JSX.Element; cells: readonly JSX.Element[] }[];
  empty?: string;
}) {
  return (
    <>
      {/* The visible caption sits above the scroll region, so a wide table never clips it. */}
      <p class="table-caption" id={`${props.id}-caption`} aria-hidden="true">
        {props.caption}
      </p>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby={`${props.id}-caption`}>
        <table class="data" data-testid={props.id}>
          <caption class="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{props.rowLabel}</th>
              <For each={props.columns}>
                {(column) => (
                  <th scope="col">
                    {column.title ? <abbr title={column.title}>{column.label}</abbr> : column.label}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For
              each={props.rows}
              fallback={
                <tr>
                  <td colSpan={props.columns.length + 1}>{props.empty ?? "—"}</td>
                </tr>
              }
            >
              {(row) => (
                <tr data-row={row.key}>
                  <th scope="row">{row.label}</th>
                  <For each={row.cells}>{(cell) => <td>{cell}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </>
  );
}
