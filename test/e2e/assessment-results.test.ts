/**
 * The self-assessment from the home page to its results, in a real browser against the real
 * server (issue 13 item 2: results that say what to do next): a summary first, then the
 * instruments by who applies, each with its status, dates and basis, what one applicant can get,
 * links and how sure the record is; Save, print and exports at the top; a card that moves after
 * an inline answer keeps the focus and a live region says where it went.
 */
import type { Page } from "playwright-core";
import { vocabularyDocument } from "@klastry/domain";
import { describe, expect, it } from "vitest";
import { browserPlan, suiteTitle } from "./helpers/browser-plan.ts";
import { useE2eSuite } from "./helpers/e2e-suite.ts";
import { completeWizardByKeyboard } from "./helpers/keyboard.ts";
import { REVIEW_WIDTHS, reviewScreenshot } from "./helpers/review.ts";
import { completeWizardInPolish, MAZOVIAN_CLUSTER } from "./helpers/wizard.ts";

/** The results of the Lubelskie cluster, loaded. */
async function lubelskieResults(page: Page): Promise<void> {
  await completeWizardByKeyboard(page);
  await page.getByTestId("results-summary").waitFor();
  await page.locator("article.recommendation").first().waitFor();
}

describe.runIf(browserPlan().run)(suiteTitle("assessment results"), () => {
  const e2e = useE2eSuite();

  it("starts with what to do next, with the tools above it and a sentence on the order", async () => {
    const page = await e2e.newPage();
    await lubelskieResults(page);
    const summary = page.getByTestId("results-summary");
    // The first section of the results is the summary, and Save, print and exports come before it.
    const firstHeading = await page.locator("main h2:visible").first().textContent();
    expect(firstHeading).toBe("Co możesz zrobić teraz");
    const toolsY = (await page.getByTestId("download-csv").boundingBox())?.y ?? Infinity;
    const summaryY = (await summary.boundingBox())?.y ?? 0;
    expect(toolsY).toBeLessThan(summaryY);
    for (const tool of ["open-save", "print", "download-json", "download-csv"])
      expect(await page.getByTestId(tool).isVisible()).toBe(true);
    expect(await summary.getByTestId("summary-line").textContent()).toMatch(
      /^(Możesz teraz złożyć wniosek do \d+ instrument|Teraz nie możesz złożyć wniosku)/,
    );
    expect(await summary.getByTestId("results-order").textContent()).toMatch(/^Kolejność:/);
    for (const width of REVIEW_WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      console.log(`results of the Lubelskie cluster at ${width} px: ${height} px tall`);
      await reviewScreenshot(page, "results-summary", page.locator(".results-page"));
    }
  });

  it("groups the instruments by who applies, each card with its status, dates, basis, links, confidence and check date", async () => {
    const page = await e2e.newPage();
    await lubelskieResults(page);
    const cards = page.locator("article.recommendation");
    const total = await cards.count();
    expect(total).toBeGreaterThan(0);
    // Every card sits in a group named after who applies.
    expect(await page.locator(".applicant-group article.recommendation").count()).toBe(total);
    const groupTitles = await page.locator(".applicant-group > h2").allTextContents();
    for (const title of groupTitles)
      expect(title).toMatch(
        /^(Koordynator w imieniu klastra|Firmy członkowskie|Członkowie naukowi|Konsorcjum).* \(\d+\)$/,
      );
    for (const card of await cards.all()) {
      expect(await card.getByTestId("status").textContent()).not.toBe("");
      expect((await card.getByTestId("basis").textContent())?.length).toBeGreaterThan(5);
      expect(await card.getByTestId("provenance").textContent()).toMatch(
        /^Pewność informacji: .+ · sprawdzono \d+ \S+ \d{4}$/,
      );
      expect(await card.getByTestId("official-page").getAttribute("href")).toMatch(/^https?:\/\//);
    }
    // Firms apply themselves: the card says how many of the cluster's members may.
    const firms = page.getByTestId("group-member_firms");
    if ((await firms.count()) > 0) {
      expect(await firms.getByTestId("applicant").first().textContent()).toMatch(
        /z Twoich członków może: \d+ członk/,
      );
    }
    // "Also funds" stays apart and collapsed.
    const also = page.getByTestId("also-funds");
    if ((await also.count()) > 0) {
      expect(await also.getByRole("button").getAttribute("aria-expanded")).toBe("false");
    }
  });

  it("keeps the focus on a card that moves after an inline answer and says where it went", async () => {
    const page = await e2e.newPage();
    await lubelskieResults(page);
    const question = page.getByTestId("question-cluster.eccpListed").first();
    await question.waitFor();
    const card = page.locator("article.recommendation", { has: question });
    const id = await card.getAttribute("data-testid");
    expect(await card.getAttribute("data-verdict")).toBe("unknown");
    // A click, not check(): the answer re-evaluates the results and the radio goes with its question.
    await question.getByRole("radio", { name: "Tak" }).click();
    const moved = page.getByTestId(id ?? "");
    await expect.poll(() => moved.getAttribute("data-verdict")).not.toBe("unknown");
    await expect
      .poll(() => page.getByTestId("results-announcement").textContent())
      .toMatch(
        /: teraz „(Kwalifikuje się|Prawie pasuje|Nie kwalifikuje się)”, w grupie „.+”, pozycja \d+ z \d+\.$/,
      );
    // The question went with the answer; the card's heading holds the focus.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe(`card-${(id ?? "").replace("recommendation-", "")}`);
  });

  it("goes from the home page through the five steps to the results in one page load", async () => {
    const page = await e2e.newPage();
    let loads = 0;
    page.on("load", () => (loads += 1));
    await completeWizardInPolish(page);
    await page.getByTestId("results-summary").waitFor();
    // completeWizardInPolish opens "/" once; every later step is a client-side navigation.
    expect(loads).toBe(1);
    await expect
      .poll(() => page.getByTestId("results-cluster").textContent())
      .toBe(`${MAZOVIAN_CLUSTER.name} · mazowieckie`);
  });

  it("writes the values in reasons as words, never as the API's codes", async () => {
    const page = await e2e.newPage();
    await completeWizardInPolish(page);
    await page.locator("article.recommendation").first().waitFor();
    const reasons = await page
      .locator("[data-testid=reasons] li, [data-testid=missing] li")
      .evaluateAll((items) => items.map((item) => item.textContent ?? ""));
    expect(reasons.length).toBeGreaterThan(0);
    const codes = new Set(
      Object.values(vocabularyDocument()).flatMap((entries: readonly { code: string }[]) =>
        entries.map((e) => e.code),
      ),
    );
    const rawCodes = reasons.filter((text) =>
      [...text.matchAll(/\((?:Twoja odpowiedź|wymagane): ([^;)]+)[;)]/g)].some((m) =>
        m[1]!.split(", ").some((part) => codes.has(part)),
      ),
    );
    expect(rawCodes).toEqual([]);
  });

  it("gives every fact listed on an instrument's card a value (no label left blank)", async () => {
    const page = await e2e.newPage();
    await completeWizardInPolish(page);
    await page.locator("article.recommendation").first().waitFor();
    const blank = await page.locator("article.recommendation").evaluateAll((cards) =>
      cards.flatMap((card) =>
        Array.from(card.querySelectorAll("dt"))
          .filter((term) => (term.nextElementSibling?.textContent ?? "").trim() === "")
          .map((term) => `${card.getAttribute("data-testid")}: ${term.textContent}`),
      ),
    );
    expect(blank).toEqual([]);
  });

  it('shows the same results in English after the language switch, with <html lang="en">', async () => {
    const page = await e2e.newPage();
    await completeWizardInPolish(page);
    await page.locator("article.recommendation").first().waitFor();
    const polishIds = await recommendationIds(page);

    await page.getByRole("button", { name: "English" }).click();

    await page.getByRole("heading", { level: 2, name: "What you can do now" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Self-assessment results",
    );
    await expect.poll(() => recommendationIds(page)).toEqual(polishIds);
  });

  it("keeps the page in English after a reload once English was chosen", async () => {
    const page = await e2e.newPage();
    await page.goto("/instruments");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Instrument catalogue" }).waitFor();

    await page.reload();

    await page.getByRole("heading", { level: 1, name: "Instrument catalogue" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByRole("button", { name: "English" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
  });
});

async function recommendationIds(page: Page): Promise<string[]> {
  const ids = await page
    .locator("[data-testid^='recommendation-']")
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-testid") ?? ""));
  return ids.sort();
}
