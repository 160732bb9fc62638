import { render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { heatStep, NeedsHeatMap } from "./needs-heat-map.tsx";

describe("needs heat map", () => {
  it("is a table with a header per function and actor, and the count in every cell", () => {
    render(() => (
      <NeedsHeatMap
        clusters={3}
        cells={[
          {
            actor: "sme",
            function: "internationalisation",
            count: 3,
            byPriority: { 1: 2, 2: 1, 3: 0 },
          },
          {
            actor: "coordinator",
            function: "cluster_management",
            count: 1,
            byPriority: { 1: 1, 2: 0, 3: 0 },
          },
        ]}
      />
    ));
    const table = screen.getByRole("table", { name: /3 klastrów/ });
    expect(within(table).getAllByRole("columnheader")).toHaveLength(1 + 12);
    expect(within(table).getAllByRole("rowheader")).toHaveLength(7);
    const smeRow = within(table).getByRole("row", { name: /MŚP/ });
    const cells = within(smeRow)
      .getAllByRole("cell")
      .map((cell) => cell.textContent);
    expect(cells.filter((text) => text === "3")).toHaveLength(1);
    expect(cells.filter((text) => text === "0")).toHaveLength(11);
  });

  it("darkens with the count and never colours an empty cell", () => {
    expect(heatStep(0, 10)).toBe(0);
    expect(heatStep(1, 10)).toBe(1);
    expect(heatStep(10, 10)).toBe(4);
    expect(heatStep(6, 10)).toBe(3);
  });
});
