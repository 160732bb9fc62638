/**
 * WCAG 2.1 AA in a real browser: an axe-core scan of every page (each wizard step, results,
 * saved assessment, catalogue, instrument, region dashboard with data, rules with an admin key)
 * finds no serious or critical violation; and the wizard can be completed with the keyboard alone.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { failures, scanInto, type Violation } from "./helpers/axe.ts";
import { browserPlan, suiteTitle } from "./helpers/browser-plan.ts";
import { useE2eSuite } from "./helpers/e2e-suite.ts";
import { enterRegionKey } from "./helpers/region.ts";
import { completeWizardByKeyboard, LUBELSKIE_CLUSTER } from "./helpers/keyboard.ts";
import { completeWizardInPolish, saveResults } from "./helpers/wizard.ts";

describe.runIf(browserPlan().run)(suiteTitle("accessibility"), () => {
  const e2e = useE2eSuite({ keys: { masovia: "region:14", admin: "admin" } });

  function expectClean(report: Map<string, Violation[]>): void {
    expect(report.size).toBeGreaterThan(0);
    expect(failures(report), "serious or critical axe violations").toBe("");
  }

  // Guards the scan itself: a page with a known fault must be reported, or a clean result means nothing.
  it("reports a known fault (an image without text alternative) in its failure message", async () => {
    const page = await e2e.newPage();
    await page.goto("/");
    await page.locator("h1").waitFor();
    await page.evaluate(() => {
      const image = document.createElement("img");
      image.src = "/no-such-image.png";
      document.querySelector("main")?.append(image);
    });
    const report = new Map<string, Violation[]>();
    await scanInto(report, "home with a planted fault", page);
    expect(failures(report)).toMatch(/home with a planted fault:\n {2}image-alt \(critical\)/);
  });

  it.each([
    ["home", "/", "h1"],
    ["catalogue", "/instruments", "[data-testid=instrument-list] li"],
    ["instrument detail", "/instruments/mazowiecki-klaster-kluczowy", "[data-testid=sources] li"],
    ["page not found", "/no-such-page", "h1"],
  ])("finds no serious or critical violation on the %s page", async (name, path, ready) => {
    const page = await e2e.newPage();
    await page.goto(path);
    await page.locator(ready).first().waitFor();
    const report = new Map<string, Violation[]>();
    await scanInto(report, name, page);
    await page.getByRole("button", { name: "English" }).click();
    await page.locator("html[lang=en]").waitFor();
    await scanInto(report, `${name} (English)`, page);
    expectClean(report);
  });

  it("finds no serious or critical violation on any wizard step, answered or showing its errors", async () => {
    const page = await e2e.newPage();
    const report = new Map<string, Violation[]>();
    await page.goto("/assessment/1");
    await page.getByTestId("wizard-step-1").waitFor();
    await scanInto(report, "wizard step 1 (empty)", page);
    await page.getByRole("button", { name: "Dalej" }).click();
    await page.getByTestId("wizard-error-summary").waitFor();
    await scanInto(report, "wizard step 1 (error summary)", page);

    await completeWizardInPolish(page);
    await page.getByTestId("edit-answers").click();
    for (const step of [1, 2, 3, 4, 5]) {
      await page.getByTestId(`wizard-step-link-${step}`).click();
      await page.getByTestId(`wizard-step-${step}`).waitFor();
      await scanInto(report, `wizard step ${step} (answered)`, page);
    }
    expectClean(report);
  });

  it("finds no serious or critical violation on the results page, with its inline questions", async () => {
    const page = await e2e.newPage();
    await completeWizardInPolish(page);
    await page.getByTestId("question-cluster.eccpListed").first().waitFor();
    const report = new Map<string, Violation[]>();
    await scanInto(report, "results", page);
    // Every collapsed part opened, so axe sees the reasons and "also funds" too.
    const closed = page.locator("button.disclosure[aria-expanded=false]");
    while ((await closed.count()) > 0) await closed.first().click();
    await scanInto(report, "results (everything expanded)", page);
    await page.getByTestId("open-save").click();
    await page.getByTestId("save-assessment").click();
    await page.getByTestId("error-save-visibility").waitFor();
    await scanInto(report, "results (save refused without a visibility choice)", page);
    await page.getByTestId("visibility-anonymous").check();
    await page.getByTestId("save-assessment").click();
    await page.getByTestId("private-link").waitFor();
    await scanInto(report, "results (saved, private link shown)", page);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Self-assessment results" }).waitFor();
    await scanInto(report, "results (English)", page);
    expectClean(report);
  });

  it("finds no serious or critical violation on a saved assessment opened through its private link", async () => {
    const page = await e2e.newPage();
    await completeWizardInPolish(page);
    const href = await saveResults(page, "named");
    const reader = await e2e.newPage();
    await reader.goto(href);
    await reader.locator("article.recommendation").first().waitFor();
    await reader.getByTestId("visibility-now").waitFor();
    const report = new Map<string, Violation[]>();
    await scanInto(report, "saved assessment", reader);
    await reader.goto("/privacy");
    await reader.getByTestId("privacy").waitFor();
    await scanInto(report, "privacy page", reader);
    expectClean(report);
  });

  it("finds no serious or critical violation on the region dashboard showing region 14's data", async () => {
    const page = await e2e.newPage();
    const report = new Map<string, Violation[]>();
    await page.goto("/region");
    await page.getByLabel("Klucz API województwa").waitFor();
    await scanInto(report, "region dashboard (key form)", page);
    await enterRegionKey(page, e2e.key("masovia"));
    await waitForDashboard(page);
    await scanInto(report, "region dashboard (data)", page);
    await page.goto("/region/02");
    await page.getByTestId("wrong-key").waitFor();
    await scanInto(report, "region dashboard (a key of another region)", page);
    expectClean(report);
  });

  it("finds no serious or critical violation on the rules page with an admin key", async () => {
    const page = await e2e.newPage();
    const report = new Map<string, Violation[]>();
    await page.goto("/rules");
    await page.getByLabel("Klucz administratora").fill(e2e.key("admin"));
    await page.getByRole("button", { name: "Użyj klucza" }).click();
    await page.getByTestId("rulebook-version").waitFor();
    await page.locator("details.rule-file summary").first().click();
    await scanInto(report, "rules (rulebook, one file open)", page);
    await page
      .locator("details.rule-file", { hasText: "cluster/kkk-status.rule.json" })
      .locator("summary")
      .click();
    await page.getByTestId("edit-rule-kkk-status").click();
    await page.locator(".cm-content").waitFor();
    await scanInto(report, "rules (a rule open in the editor)", page);
    await page.locator(".cm-content").fill("{ not json");
    await page.getByRole("button", { name: "Pokaż skutki" }).click();
    await page.getByTestId("error-candidate-rule").waitFor();
    await scanInto(report, "rules (candidate that is not JSON)", page);
    expectClean(report);
  });

  it("gives every page its own title naming the page and the service (WCAG 2.4.2)", async () => {
    const page = await e2e.newPage();
    const titles = new Map<string, string>();
    for (const [path, ready] of [
      ["/", "h1"],
      ["/assessment/1", "[data-testid=wizard-step-1]"],
      ["/assessment/2", "[data-testid=wizard-step-2]"],
      ["/instruments", "[data-testid=instrument-list] li"],
      ["/instruments/mazowiecki-klaster-kluczowy", "[data-testid=instrument-detail]"],
      ["/region", "h1"],
      ["/rules", "h1"],
      ["/no-such-page", "h1"],
    ] as const) {
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      await expect.poll(() => page.title()).toMatch(/ · Klastry$/);
      titles.set(path, await page.title());
    }
    expect(titles.get("/instruments/mazowiecki-klaster-kluczowy")).toBe(
      "Status Mazowieckiego Klastra Kluczowego (MKK) · Klastry",
    );
    expect(
      new Set(titles.values()).size,
      [...titles].map(([path, title]) => `${path}: ${title}`).join("\n"),
    ).toBe(titles.size);
  });

  it("lets a keyboard-only user complete the wizard and reach the results", async () => {
    const page = await e2e.newPage();
    await completeWizardByKeyboard(page);
    await expect
      .poll(() => page.getByTestId("results-cluster").textContent())
      .toBe(`${LUBELSKIE_CLUSTER.name} · lubelskie`);
    await page.locator("article.recommendation").first().waitFor();
  });
});

/** Every section of the dashboard has loaded: the table, the heat map and the chart's table. */
async function waitForDashboard(page: Page): Promise<void> {
  await page.getByTestId("region-clusters").getByRole("rowheader").first().waitFor();
  for (const id of ["region-needs", "region-levels"]) {
    await page.getByTestId(id).locator("table").first().waitFor();
  }
  await page.getByTestId("region-headline").waitFor();
  await page.getByTestId("gaps-intro").waitFor();
  await expect.poll(() => page.getByRole("status", { name: /Wczytywanie/ }).count()).toBe(0);
}
