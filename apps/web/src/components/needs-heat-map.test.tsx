import { render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { heatStep, NeedsHeatMap } from "./needs-heat-map.tsx";

describe("needs heat map", () => {
  it("has a table beside the chart with a row per function, a column per group and the count in every cell", () => {
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
    expect(screen.getByText(/ostatnie samooceny 3 klastrów/)).toBeTruthy();
    const table = screen.getByRole("table", { name: /według funkcji i grupy/ });
    expect(within(table).getAllByRole("columnheader")).toHaveLength(1 + 7);
    expect(within(table).getAllByRole("rowheader")).toHaveLength(12);
    const row = within(table).getByRole("row", { name: /Umiędzynarodowienie i eksport/ });
    const cells = within(row)
      .getAllByRole("cell")
      .map((cell) => cell.textContent);
    // Columns: coordinator, SMEs, ...: the SMEs' 3 in the second.
    expect(cells).toEqual(["0", "3", "0", "0", "0", "0", "0"]);
    expect(within(row).getAllByRole("cell")[1]?.className).toContain("heat-4");
    expect(screen.getByRole("img", { name: /Mapa cieplna potrzeb/ })).toBeTruthy();
  });

  it("darkens with the count and never colours an empty cell", () => {
    expect(heatStep(0, 10)).toBe(0);
    expect(heatStep(1, 10)).toBe(1);
    expect(heatStep(10, 10)).toBe(4);
    expect(heatStep(6, 10)).toBe(3);
  });
});
