/**
 * WCAG 2.1 success criterion 1.4.10 (Reflow): at 320 CSS pixels wide (1280 px at 400 % zoom)
 * every page reads without scrolling sideways. Data tables may scroll inside their own focusable
 * region, as the criterion allows for two-dimensional content.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserPlan, suiteTitle } from "./helpers/browser-plan.ts";
import { useE2eSuite } from "./helpers/e2e-suite.ts";
import { enterRegionKey } from "./helpers/region.ts";
import { completeWizardInPolish } from "./helpers/wizard.ts";

const NARROW = { width: 320, height: 640 };

/** Elements that stick out past the right edge (outside table scroll regions), for the failure message. */
function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return Array.from(document.querySelectorAll("body *"))
      .filter(
        (element) =>
          element.getBoundingClientRect().right > width + 1 && !element.closest(".table-scroll"),
      )
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(" ").join(".")}` : ""}: "${(element.textContent ?? "").trim().slice(0, 50)}"`,
      )
      .slice(0, 10)
      .concat(`(page is ${document.documentElement.scrollWidth} px wide in a ${width} px window)`);
  });
}

describe.runIf(browserPlan().run)(suiteTitle("reflow at 320 px"), () => {
  const e2e = useE2eSuite({ keys: { masovia: "region:14" } });

  async function narrowPage(): Promise<Page> {
    const page = await e2e.newPage();
    await page.setViewportSize(NARROW);
    return page;
  }

  it.each([
    ["home", "/", "h1"],
    ["wizard step 1", "/assessment/1", "[data-testid=wizard-step-1]"],
    ["wizard step 3", "/assessment/3", "[data-testid=wizard-step-3]"],
    ["catalogue", "/instruments", "[data-testid=instrument-list] li"],
    ["instrument detail", "/instruments/mazowiecki-klaster-kluczowy", "[data-testid=sources] li"],
  ])("shows the %s page without sideways scrolling", async (_name, path, ready) => {
    const page = await narrowPage();
    await page.goto(path);
    await page.locator(ready).first().waitFor();
    expect(await sideways(page)).toEqual([]);
  });

  it("shows the results without sideways scrolling", async () => {
    const page = await narrowPage();
    await completeWizardInPolish(page);
    await page.locator("article.recommendation").first().waitFor();
    expect(await sideways(page)).toEqual([]);
  });

  it("shows the region dashboard with data without sideways scrolling", async () => {
    const page = await narrowPage();
    await enterRegionKey(page, e2e.key("masovia"), "14");
    await page.getByTestId("region-clusters").getByRole("rowheader").first().waitFor();
    await page.getByTestId("region-levels").locator("table").waitFor();
    await page.getByTestId("heat-chart").locator("canvas").waitFor();
    // chart.js sizes its canvas once more when its ResizeObserver first reports the box (a CI
    // run caught the canvas 381 px wide for that moment); wait for that, then an overflow that
    // stays still fails here.
    await page
      .waitForFunction(
        () =>
          (document.querySelector('[data-testid="heat-chart"] canvas')?.getBoundingClientRect()
            .right ?? 0) <=
          document.documentElement.clientWidth + 1,
        undefined,
        { timeout: 5_000 },
      )
      .catch(() => undefined);
    expect(await sideways(page)).toEqual([]);
  });
});
