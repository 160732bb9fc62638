import { render, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import type { CountCell } from "@klastry/domain";
import { SvgBarChart } from "./svg-bar-chart.tsx";

const VALUES: Record<string, CountCell> = { a: 6, b: "<3", c: 3 };

function renderChart() {
  return render(() => (
    <SvgBarChart
      id="chart-test"
      caption="Klastry według grup"
      categories={[
        { key: "a", label: "Koordynator klastra" },
        { key: "b", label: "Jednostki samorządu terytorialnego i inne bardzo długie nazwy" },
        { key: "c", label: "MŚP" },
      ]}
      series={[{ key: "count", label: "Klastry", colour: "#2171b5" }]}
      value={(category) => VALUES[category] ?? 0}
    />
  ));
}

describe("SVG bar chart", () => {
  it("is an image named by its caption, drawn as SVG so it prints", () => {
    const { container } = renderChart();
    const image = screen.getByRole("img", { name: "Klastry według grup" });
    expect(image.tagName.toLowerCase()).toBe("svg");
    expect(container.querySelector("canvas")).toBeNull();
  });

  it("scales bars to the largest value and draws no bar for a suppressed cell, labelled '<3'", () => {
    const { container } = renderChart();
    const widths = Array.from(container.querySelectorAll("rect")).map((rect) =>
      Number(rect.getAttribute("width")),
    );
    expect(widths[1]).toBe(0);
    expect(widths[0]).toBeCloseTo((widths[2] ?? 0) * 2);
    const labels = Array.from(container.querySelectorAll("text")).map((text) => text.textContent);
    expect(labels).toContain("<3");
    expect(labels).toContain("6");
  });

  it("keeps the whole label of a category as its title, for a label cut on a narrow screen", () => {
    const { container } = renderChart();
    const titles = Array.from(container.querySelectorAll("title")).map(
      (title) => title.textContent,
    );
    expect(titles).toContain("Jednostki samorządu terytorialnego i inne bardzo długie nazwy");
  });
});
