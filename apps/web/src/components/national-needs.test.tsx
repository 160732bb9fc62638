import { render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import type { NationalPicture } from "@klastry/domain";
import { mostReported, NationalNeeds } from "./national-needs.tsx";

/** A picture with only what the needs part reads: needs by region and the country's totals. */
function picture(parts: Pick<NationalPicture, "needs" | "needTotals">): NationalPicture {
  return {
    round: null,
    statusOn: "2026-12-02",
    minCellSize: 3,
    clusters: 7,
    regions: [],
    coverage: [],
    levels: [],
    publicTasks: [],
    change: null,
    ...parts,
  };
}

const PICTURE = picture({
  needs: [
    { actor: "coordinator", function: "cluster_management", region: "14", count: 4 },
    { actor: "coordinator", function: "cluster_management", region: "12", count: "<3" },
    { actor: "coordinator", function: "cluster_management", region: "02", count: "x" },
    { actor: "sme", function: "digital_transformation", region: "14", count: 3 },
  ],
  needTotals: [
    { actor: "coordinator", function: "cluster_management", count: 7 },
    { actor: "sme", function: "digital_transformation", count: 3 },
  ],
});

describe("national needs", () => {
  it("opens on the function most clusters reported", () => {
    expect(mostReported(PICTURE)).toBe("cluster_management");
  });

  it("shows the 16 regions and the country by group, '<3' and 'x' where the API hid a count", () => {
    render(() => <NationalNeeds picture={PICTURE} />);
    const table = screen.getByRole("table", { name: /Zarządzanie klastrem/ });
    expect(within(table).getAllByRole("rowheader")).toHaveLength(17);
    const firstCell = (name: string) =>
      within(within(table).getByRole("row", { name: new RegExp(`^${name}`) })).getAllByRole(
        "cell",
      )[0]?.textContent;
    expect(firstCell("mazowieckie")).toBe("4");
    expect(firstCell("małopolskie")).toBe("<3");
    expect(firstCell("dolnośląskie")).toBe("x");
    expect(firstCell("Cały kraj")).toBe("7");
    expect(screen.getByRole("img", { name: /w kraju, według grup członków/ })).toBeTruthy();
  });
});
