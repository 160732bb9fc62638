/**
 * Saving a self-assessment and reopening it: the private link is shown once, and opened in
 * another browser (a fresh context, nothing in its storage) it shows the saved answers' results.
 */
import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserPlan, suiteTitle } from "./helpers/browser-plan.ts";
import { useE2eSuite } from "./helpers/e2e-suite.ts";
import { completeWizardInPolish, MAZOVIAN_CLUSTER, saveResults } from "./helpers/wizard.ts";

describe.runIf(browserPlan().run)(suiteTitle("saved assessment"), () => {
  const e2e = useE2eSuite();

  it("shows the private link once after saving, and the link opens the saved assessment with its results in a fresh browser", async () => {
    const page = await e2e.newPage();
    await completeWizardInPolish(page);
    await page.locator("article.recommendation").first().waitFor();
    const onResults = await page
      .locator("article.recommendation")
      .evaluateAll((cards) => cards.map((card) => card.getAttribute("data-testid")));

    const href = await saveResults(page, "private");
    expect(await page.getByText("Twój prywatny link (pokazujemy go tylko teraz").count()).toBe(1);
    expect(href).toMatch(new RegExp(`^${e2e.url}/assessments/[^/#]+#token=.+$`));
    expect(await page.getByTestId("saved-visibility").textContent()).toContain(
      "Urząd województwa mazowieckie jej nie widzi.",
    );

    // Shown once: the same page opened again offers saving, not the link.
    await page.reload();
    await page.getByTestId("open-save").waitFor();
    expect(await page.getByTestId("private-link").count()).toBe(0);

    const stranger = await (await e2e.newContext()).newPage();
    await stranger.goto(href ?? "");
    await stranger.getByRole("heading", { level: 1, name: "Zapisana samoocena" }).waitFor();
    await expect
      .poll(() => stranger.getByTestId("saved-summary").textContent())
      .toContain(MAZOVIAN_CLUSTER.name);
    expect(await stranger.getByTestId("saved-summary").textContent()).toContain("mazowieckie");
    await stranger.locator("article.recommendation").first().waitFor();
    const onSaved = await stranger
      .locator("article.recommendation")
      .evaluateAll((cards) => cards.map((card) => card.getAttribute("data-testid")));
    expect(onSaved).toEqual(onResults);
    // The saved view has the same tools as the results page.
    for (const tool of ["print", "download-json", "download-csv"])
      expect(await stranger.getByTestId(tool).isVisible()).toBe(true);
    const [download] = await Promise.all([
      stranger.waitForEvent("download"),
      stranger.getByTestId("download-csv").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^klastry-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it("names the funding sources on the saved assessment as the results page does, not by their ids", async () => {
    const page = await e2e.newPage();
    await completeWizardInPolish(page);
    const onResults = fundingOf(page.getByTestId("recommendation-benchmarking-klastrow-parp"));
    await expect.poll(onResults).not.toBe("");
    const href = await saveResults(page);
    const expected = await onResults();
    expect(expected).not.toMatch(/erdf|esf-plus/);

    const reader = await (await e2e.newContext()).newPage();
    await reader.goto(href);
    const card = reader.getByTestId("recommendation-benchmarking-klastrow-parp");
    await card.waitFor();
    await expect.poll(fundingOf(card)).toBe(expected);
  });

  it("compares the current answers with the saved assessment and names the instrument gained since", async () => {
    const page = await e2e.newPage();
    await completeWizardInPolish(page);
    await saveResults(page);
    // A later answer: the cluster does have an ECCP profile, which settles the ESCA labels.
    const esca = page.getByTestId("recommendation-esca-cluster-management-excellence-labels");
    expect(await esca.getAttribute("data-verdict")).toBe("unknown");
    await esca
      .getByTestId("question-cluster.eccpListed")
      .getByRole("radio", { name: "Tak" })
      .click();
    await expect.poll(() => esca.getAttribute("data-verdict")).toBe("eligible");

    const choice = page.getByLabel("Wcześniejsza samoocena");
    await expect.poll(() => choice.locator("option").count()).toBe(2);
    await choice.selectOption({ index: 1 });

    const comparison = page.getByTestId("comparison");
    await comparison.waitFor();
    expect(await comparison.getByTestId("compare-gained").locator("li").allTextContents()).toEqual([
      "ESCA labels",
    ]);
    expect(await comparison.getByTestId("compare-lost").locator("li").allTextContents()).toEqual([
      "brak",
    ]);
  });

  it("refuses the saved assessment when the link's token is wrong", async () => {
    const page = await e2e.newPage();
    await completeWizardInPolish(page);
    const href = await saveResults(page);

    const stranger = await (await e2e.newContext()).newPage();
    await stranger.goto(href.replace(/#token=.*/, "#token=kl_not-the-token"));
    const error = stranger.getByTestId("error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(/Brak dostępu|nie daje dostępu|Nie znaleziono/);
    expect(await stranger.getByTestId("saved-summary").count()).toBe(0);
  });
});

/** The text beside "Źródła finansowania" on an instrument's card, read on demand. */
function fundingOf(card: Locator): () => Promise<string> {
  return async () =>
    (
      (await card
        .locator("dt", { hasText: "Źródła finansowania" })
        .locator("xpath=following-sibling::dd[1]")
        .textContent()) ?? ""
    ).trim();
}
