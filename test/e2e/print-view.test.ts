/**
 * The print view of the results (what "Drukuj" sends to paper): navigation, buttons and other
 * controls are hidden, the instruments and their reasons stay.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserPlan, suiteTitle } from "./helpers/browser-plan.ts";
import { useE2eSuite } from "./helpers/e2e-suite.ts";
import { completeWizardInPolish, saveResults } from "./helpers/wizard.ts";

/** Visible buttons, links in navigation, and form controls, named for the failure message. */
function visibleControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
    };
    const selectors = ["nav", "button", "input", "select", "textarea", ".skip-link", "a.button"];
    return Array.from(document.querySelectorAll(selectors.join(",")))
      .filter(shown)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 40)}"`,
      );
  });
}

describe.runIf(browserPlan().run)(suiteTitle("print view"), () => {
  const e2e = useE2eSuite();

  it("hides navigation, buttons and inputs of the results page on paper and keeps the instruments with their reasons", async () => {
    const page = await e2e.newPage();
    await completeWizardInPolish(page);
    const card = page.locator("article.recommendation[data-verdict=eligible]").first();
    await card.waitFor();
    expect(await visibleControls(page)).not.toEqual([]);
    // On screen the reasons wait behind their button; on paper they print.
    expect(await card.getByTestId("reasons").isVisible()).toBe(false);

    await page.emulateMedia({ media: "print" });

    expect(await visibleControls(page)).toEqual([]);
    expect(await page.getByRole("navigation").first().isVisible()).toBe(false);
    expect(await card.isVisible()).toBe(true);
    expect(await card.getByTestId("reasons").isVisible()).toBe(true);
    // An open question prints as a question, without its answer controls.
    const question = page.getByTestId("question-cluster.eccpListed").first();
    expect(await question.isVisible()).toBe(true);
  });

  it("hides navigation and buttons of a saved assessment on paper", async () => {
    const page = await e2e.newPage();
    await completeWizardInPolish(page);
    const href = await saveResults(page);
    const reader = await e2e.newPage();
    await reader.goto(href);
    await reader.locator("article.recommendation").first().waitFor();

    await reader.emulateMedia({ media: "print" });

    expect(await visibleControls(reader)).toEqual([]);
    expect(await reader.getByTestId("saved-summary").isVisible()).toBe(true);
    expect(await reader.getByTestId("results-summary").isVisible()).toBe(true);
    expect(await reader.locator("article.recommendation").first().isVisible()).toBe(true);
  });
});
