/**
 * @module
 * Anonymity of published counts: a cell standing for 1 or 2 clusters (fewer than MIN_CELL_SIZE,
 * more than none) shows "<3" (primary suppression); a zero stands for no cluster and is shown. Where cells add up to a total that is published too (the regions of
 * one need and its national total), subtraction could give a "<3" cell back, so further cells are
 * hidden ("x") until no hidden cell can be worked out exactly from the total and the cells shown
 * (secondary suppression). Every aggregate of the national view, the report, their CSV and
 * workbook goes through here, so all exports hide the same cells.
 */
import { HIDDEN, MIN_CELL_SIZE, SUPPRESSED, type CountCell } from "../schemas/survey.ts";

/** Cells (by key) that add up to another published cell. */
export interface CellGroup {
  members: readonly string[];
  total: string;
}

type State = "shown" | "small" | "hidden";

/** What a reader knows of a cell from how it is shown: its exact value or a range. */
function bounds(state: State, value: number): [number, number] {
  if (state === "shown") return [value, value];
  if (state === "small") return [1, MIN_CELL_SIZE - 1];
  return [MIN_CELL_SIZE, Number.POSITIVE_INFINITY];
}

/** True when some member not shown could be worked out exactly from the group's published total. */
function leaks(group: CellGroup, states: Map<string, State>, counts: ReadonlyMap<string, number>) {
  if (states.get(group.total) !== "shown") return false;
  const total = counts.get(group.total) ?? 0;
  const members = group.members.map((key) => {
    const state = states.get(key) ?? "small";
    return { state, range: bounds(state, counts.get(key) ?? 0) };
  });
  const rest = members.filter((m) => m.state !== "shown");
  const shownSum = members.filter((m) => m.state === "shown").reduce((s, m) => s + m.range[0], 0);
  const hiddenSum = total - shownSum;
  const loAll = rest.reduce((s, m) => s + m.range[0], 0);
  const hiAll = rest.reduce((s, m) => s + m.range[1], 0);
  return rest.some(({ range: [lo, hi] }) => {
    const low = Math.max(lo, hiddenSum - (hiAll - hi));
    const high = Math.min(hi, hiddenSum - (loAll - lo));
    return low === high;
  });
}

/**
 * The published form of every cell: its number, "<3", or "x".
 *
 * @example
 * protectCells(new Map([["a", 5], ["b", 1], ["t", 6]]), [{ members: ["a", "b"], total: "t" }]);
 * // a: "x", b: "<3", t: 6 (otherwise b = 6 - 5)
 */
export function protectCells(
  counts: ReadonlyMap<string, number>,
  groups: readonly CellGroup[] = [],
): Map<string, CountCell> {
  const states = new Map<string, State>();
  for (const [key, value] of counts) states.set(key, isSmall(value) ? "small" : "shown");
  for (let changed = true; changed;) {
    changed = false;
    for (const group of groups) {
      if (!leaks(group, states, counts)) continue;
      const shown = group.members
        // Only a cell of 3 or more can be hidden as "x" (a reader knows "x" means 3 or more).
        .filter((key) => states.get(key) === "shown" && (counts.get(key) ?? 0) >= MIN_CELL_SIZE)
        .sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0) || (a < b ? -1 : 1));
      states.set(shown[0] ?? group.total, "hidden");
      changed = true;
    }
  }
  const out = new Map<string, CountCell>();
  for (const [key, value] of counts) {
    const state = states.get(key);
    out.set(key, state === "shown" ? value : state === "small" ? SUPPRESSED : HIDDEN);
  }
  return out;
}

/** One cell on its own (no total it adds up to): the number, or "<3". */
export function protectCount(value: number): CountCell {
  return isSmall(value) ? SUPPRESSED : value;
}

function isSmall(value: number): boolean {
  return value > 0 && value < MIN_CELL_SIZE;
}
