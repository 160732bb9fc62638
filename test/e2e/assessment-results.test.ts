/**
 * The self-assessment from the home page to its results, in a real browser against the real
 * server: a new user completes the wizard in Polish, switches the page to English, and settles an
 * undecided instrument by answering its question on the results page.
 */
import { vocabularyDocument } from "@klastry/domain";
import { describe, expect, it } from "vitest";
import { browserPlan, suiteTitle } from "./helpers/browser-plan.ts";
import { useE2eSuite } from "./helpers/e2e-suite.ts";
import { completeWizardInPolish, MAZOVIAN_CLUSTER } from "./helpers/wizard.ts";

describe.runIf(browserPlan().run)(suiteTitle("assessment results"), () => {
  const e2e = useE2eSuite();

  it("shows a new user who completed the wizard in Polish eligible instruments with reasons naming the cluster's own values", async () => {
    const page = await e2e.newPage();
    await completeWizardInPolish(page);

    expect(await page.locator("html").getAttribute("lang")).toBe("pl");
    await expect
      .poll(() => page.getByTestId("results-cluster").textContent())
      .toBe(`${MAZOVIAN_CLUSTER.name} · mazowieckie`);
    const eligible = page.getByTestId("results-eligible");
    await eligible.getByRole("heading", { name: /Kwalifikujesz się \(\d+\)/ }).waitFor();
    // The Mazovian key-cluster programme serves only region 14: its reason names the seat the user picked.
    const card = eligible.getByTestId("recommendation-mazowiecki-klaster-kluczowy");
    await card.waitFor();
    const reasons = await card.getByTestId("reasons").locator("li").allTextContents();
    expect(reasons).toContain("Województwo: mazowieckie");
    expect(reasons).toContain("Klaster nie ma statusu regionalnego klastra kluczowego");
    expect(reasons.join("\n")).toContain(
      "Zgłoszona potrzeba – Koordynator klastra: Zarządzanie klastrem i rozwój koordynatora",
    );
    await expect.poll(() => card.getByRole("heading", { name: "Dlaczego pasuje" }).count()).toBe(1);
  });

  it("goes from the home page through the five steps to the results in one page load", async () => {
    const page = await e2e.newPage();
    let loads = 0;
    page.on("load", () => (loads += 1));
    await completeWizardInPolish(page);
    await page
      .getByTestId("results-eligible")
      .getByTestId("recommendation-mazowiecki-klaster-kluczowy")
      .waitFor();
    // completeWizardInPolish opens "/" once; every later step is a client-side navigation.
    expect(loads).toBe(1);
  });

  it("writes the values in reasons as words, never as the API's codes", async () => {
    const page = await e2e.newPage();
    await completeWizardInPolish(page);
    // The ESCA reason "Stan naboru w dniu oceny: Nabór otwarty" carries the call status as a value.
    const esca = page.getByTestId("recommendation-esca-cluster-management-excellence-labels");
    await esca.getByTestId("reasons").waitFor();
    const reasons = await page
      .locator("[data-testid=reasons] li, [data-testid=missing] li")
      .allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    // A vocabulary code such as "open" or "cluster_management" shown in brackets would be the raw
    // API value; a plain Polish word ("brak") is not.
    const codes = new Set(
      Object.values(vocabularyDocument()).flatMap((entries) =>
        entries.map((e: { code: string }) => e.code),
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
    await page.getByTestId("recommendation-mazowiecki-klaster-kluczowy").waitFor();
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
    const eligible = page.getByTestId("results-eligible");
    await eligible.getByTestId("recommendation-mazowiecki-klaster-kluczowy").waitFor();
    const polishIds = await recommendationIds(page);

    await page.getByRole("button", { name: "English" }).click();

    await eligible.getByRole("heading", { name: /^Eligible \(\d+\)$/ }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    const card = eligible.getByTestId("recommendation-mazowiecki-klaster-kluczowy");
    await expect
      .poll(() => card.getByTestId("reasons").locator("li").allTextContents())
      .toContain("Region: Masovian");
    expect(await card.getByRole("heading", { name: "Why it fits" }).count()).toBe(1);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Self-assessment results",
    );
    expect(await recommendationIds(page)).toEqual(polishIds);
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

  it("moves an undecided instrument when its question is answered inline, without reloading the page", async () => {
    const page = await e2e.newPage();
    await completeWizardInPolish(page);
    const undecided = page.getByTestId("results-undecided");
    // The ESCA labels need an ECCP profile, which the user left as "Trudno powiedzieć".
    const esca = undecided.getByTestId("recommendation-esca-cluster-management-excellence-labels");
    await esca.waitFor();
    await page.evaluate(() => {
      (window as unknown as { e2eMarker: string }).e2eMarker = "still the same page";
    });

    const question = esca.getByTestId("question-cluster.eccpListed");
    await question.getByRole("radio", { name: "Tak" }).click();

    await page
      .getByTestId("results-eligible")
      .getByTestId("recommendation-esca-cluster-management-excellence-labels")
      .waitFor();
    expect(await esca.count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { e2eMarker?: string }).e2eMarker)).toBe(
      "still the same page",
    );
  });
});

async function recommendationIds(page: import("playwright-core").Page): Promise<string[]> {
  const ids = await page
    .locator("[data-testid^='recommendation-']")
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-testid") ?? ""));
  return ids.sort();
}
