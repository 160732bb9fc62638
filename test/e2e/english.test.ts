/**
 * English complete (issue 13 item 4): on English pages, product text carries no Polish letter
 * (ą ć ę ł ń ó ś ź ż): names, short names, fund abbreviations, every label. What people typed
 * (cluster names, marked `data-user-text`) and the values of form fields are left aside.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { polishLines } from "./helpers/english.ts";
import { browserPlan, suiteTitle } from "./helpers/browser-plan.ts";
import { useE2eSuite } from "./helpers/e2e-suite.ts";
import { completeWizardInPolish, saveResults } from "./helpers/wizard.ts";

async function inEnglish(page: Page): Promise<void> {
  await page.getByRole("button", { name: "English" }).click();
  await page.locator("html[lang=en]").waitFor();
}

/** Opens every collapsed part, so its text is read too. */
async function expandAll(page: Page): Promise<void> {
  const closed = page.locator("button.disclosure[aria-expanded=false]");
  while ((await closed.count()) > 0) await closed.first().click();
}

describe.runIf(browserPlan().run)(suiteTitle("English complete"), () => {
  const e2e = useE2eSuite({ keys: { masovia: "region:14" } });

  it("fails on any Polish letter (the check itself finds one on a Polish page)", async () => {
    const page = await e2e.newPage();
    await page.goto("/");
    await page.locator("h1").waitFor();
    expect((await polishLines(page)).length).toBeGreaterThan(0);
  });

  it.each([
    ["home", "/", "h1"],
    ["catalogue", "/instruments", "[data-testid=instrument-list] li"],
    ["catalogue, page 2", "/instruments?page=2", "[data-testid=instrument-list] li"],
    ["catalogue, page 3", "/instruments?page=3", "[data-testid=instrument-list] li"],
    ["catalogue, page 4", "/instruments?page=4", "[data-testid=instrument-list] li"],
    ["catalogue, page 5", "/instruments?page=5", "[data-testid=instrument-list] li"],
    ["instrument", "/instruments/benchmarking-klastrow-parp", "[data-testid=sources] li"],
    ["instrument", "/instruments/kpo-pozyczka-na-cyfryzacje", "[data-testid=sources] li"],
    ["wizard step 1", "/assessment/1", "[data-testid=wizard-step-1]"],
    ["wizard step 2", "/assessment/2", "[data-testid=wizard-step-2]"],
    ["wizard step 3", "/assessment/3", "[data-testid=wizard-step-3]"],
    ["wizard step 4", "/assessment/4", "[data-testid=wizard-step-4]"],
    ["wizard step 5", "/assessment/5", "[data-testid=wizard-step-5]"],
    ["privacy", "/privacy", "[data-testid=privacy]"],
    ["page not found", "/no-such-page", "h1"],
  ])("has no Polish letter on the English %s page (%s)", async (_name, path, ready) => {
    const page = await e2e.newPage();
    await page.goto(path);
    await page.locator(ready).first().waitFor();
    await inEnglish(page);
    await page.locator(ready).first().waitFor();
    await page.waitForLoadState("networkidle");
    expect(await polishLines(page)).toEqual([]);
  });

  it("has no Polish letter on the English results and saved assessment, everything expanded", async () => {
    const page = await e2e.newPage();
    await completeWizardInPolish(page);
    await page.locator("article.recommendation").first().waitFor();
    await inEnglish(page);
    await page.getByRole("heading", { level: 2, name: "What you can do now" }).waitFor();
    await page.waitForLoadState("networkidle");
    await expandAll(page);
    expect(await polishLines(page)).toEqual([]);
    const href = await saveResults(page, "private");
    const reader = await (await e2e.newContext()).newPage();
    await reader.goto("/");
    await inEnglish(reader);
    await reader.goto(href);
    await reader.locator("article.recommendation").first().waitFor();
    await reader.getByTestId("visibility-now").waitFor();
    await reader.waitForLoadState("networkidle");
    await expandAll(reader);
    expect(await polishLines(reader)).toEqual([]);
  });

  it("has no Polish letter on the English region dashboard", async () => {
    const page = await e2e.newPage();
    await page.goto("/region");
    await inEnglish(page);
    await page.getByLabel("Voivodeship API key").fill(e2e.key("masovia"));
    await page.getByRole("button", { name: "Use key" }).click();
    await page.getByTestId("region-headline").waitFor();
    await page.getByTestId("gaps-intro").waitFor();
    await page.waitForLoadState("networkidle");
    await expandAll(page);
    expect(await polishLines(page)).toEqual([]);
  });
});
