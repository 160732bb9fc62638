/**
 * The national needs survey from start to report (issue 14, "Done when"): an admin opens a round,
 * imports 5 clusters and gets their private links; 3 clusters answer through their links in the
 * browser; the response rate reads 60%; the national page and the report show their needs, with
 * cells of fewer than 3 clusters as "<3"; an answer from the public wizard stays out of the
 * figures until the round's owner accepts it; the report prints to an A4 PDF with its headings.
 * The steps run in order and share the round.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "./helpers/axe.ts";
import { browserPlan, suiteTitle } from "./helpers/browser-plan.ts";
import { useE2eSuite } from "./helpers/e2e-suite.ts";
import { polishLines } from "./helpers/english.ts";
import { readPdf } from "./helpers/pdf.ts";
import { REVIEW_DIR, REVIEW_WIDTHS, reviewScreenshot } from "./helpers/review.ts";
import { answerThroughInvitation, enterSurveyKey, openRound } from "./helpers/survey.ts";
import { completeWizardInPolish, MAZOVIAN_CLUSTER, saveResults } from "./helpers/wizard.ts";

const ROUND = {
  title: "Badanie potrzeb klastrów 2026 (E2E)",
  start: "2026-11-01",
  end: "2026-12-31",
};
/** Three Masovian clusters answer; the two others (Lesser Poland, Lower Silesia) do not. */
const CLUSTERS = [
  ["Klaster Wiślany Ankieta A", "14", "a@example.pl"],
  ["Klaster Wiślany Ankieta B", "14", ""],
  ["Klaster Wiślany Ankieta C", "14", "c@example.pl"],
  ["Klaster Krakowski Ankieta D", "12", ""],
  ["Klaster Odrzański Ankieta E", "02", "e@example.pl"],
] as const;
const MANAGEMENT = "Zarządzanie klastrem i rozwój koordynatora";
const DIGITAL = "Transformacja cyfrowa";

/** Every visible button, form control and navigation link, named for a failure message. */
function visibleControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("nav, button, input, select, textarea, a.button"))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0;
      })
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim()}"`),
  );
}

/** Elements past the window's right edge, but for the insides of a table's scroll region. */
function sticksOut(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll("main *"))
      .filter((element) => !element.closest(".table-scroll > *"))
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className)}`)
      .slice(0, 10);
  });
}

/** Every script error, console error and Content-Security-Policy violation of a page. */
async function watchErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  // A violation the page's code catches (zod probing for eval) logs nothing by itself.
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`CSP: ${event.violatedDirective} at ${event.sourceFile}:${event.lineNumber}`),
    ),
  );
  return errors;
}

/** No serious WCAG 2.1 AA violation, nothing sticking out, and a screenshot at each width. */
async function shoot(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), `${name}: axe`).toEqual([]);
  for (const width of REVIEW_WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    expect(await sticksOut(page), `${name} at ${width} px`).toEqual([]);
    await reviewScreenshot(page, name);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The report's number of clusters (n) in its method part. */
async function reportN(page: Page, roundId: string, key: string): Promise<string> {
  await enterSurveyKey(page, `/rounds/${roundId}/report`, key);
  await page.getByTestId("report-method").waitFor();
  return (await page.getByTestId("method-n").textContent()) ?? "";
}

describe.runIf(browserPlan().run)(suiteTitle("national needs survey"), () => {
  const e2e = useE2eSuite({
    keys: { admin: "admin", ministry: "national", masovia: "region:14" },
  });
  let roundId = "";
  let links: string[] = [];
  let regionalId = "";

  it("lets an admin open a national round and import 5 clusters, naming a bad line in plain words", async () => {
    const page = await e2e.newPage();
    await enterSurveyKey(page, "/rounds", e2e.key("admin"));
    roundId = await openRound(page, ROUND);
    await page.getByRole("heading", { level: 1, name: ROUND.title }).waitFor();

    const csv = page.getByLabel("Lista klastrów (CSV)");
    await csv.fill("name,region,contact\nKlaster Dobry,14,\nKlaster Zły,99,\n");
    await page.getByTestId("invitations-submit").click();
    const errors = page.getByTestId("import-errors");
    await errors.waitFor();
    expect(await errors.textContent()).toMatch(/Wiersz 3: .*99/);

    await csv.fill(
      ["name,region,contact", ...CLUSTERS.map((row) => row.join(","))].join("\n") + "\n",
    );
    await page.getByTestId("invitations-submit").click();
    await page.getByTestId("issued-links").waitFor();
    links = await page
      .getByTestId("invitation-link")
      .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toHaveLength(5);
    for (const link of links) {
      const url = new URL(link);
      expect(url.pathname).toBe("/survey/answer");
      // The token rides in the fragment only: never in the path or the query.
      expect(url.search).toBe("");
      expect(url.hash.length).toBeGreaterThan(10);
    }
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("links-download").click(),
    ]);
    const mailMerge = readFileSync((await download.path()) ?? "", "utf8");
    expect(mailMerge).toContain("name,region,contact,link");
    for (const link of links) expect(mailMerge).toContain(link);

    const list = page.getByTestId("invitation-list");
    await list.getByRole("rowheader", { name: /Klaster Odrzański Ankieta E/ }).waitFor();
    expect(await list.locator("tbody tr[data-status=invited]").count()).toBe(5);
    await shoot(page, "survey-round");
  });

  it("takes the answers of 3 clusters through their links and reads a 60% response rate", async () => {
    expect(links).toHaveLength(5);
    for (const [index, link] of links.slice(0, 3).entries()) {
      const page = await e2e.newPage();
      await page.goto(link);
      await page.getByTestId("invitation").waitFor();
      // The token left the address bar as soon as the page read it.
      expect(new URL(page.url()).hash).toBe("");
      expect(await page.getByTestId("invitation").textContent()).toContain(ROUND.title);
      if (index === 0) await shoot(page, "survey-invitation");
      await answerThroughInvitation(page, {
        needs: [
          { fn: MANAGEMENT, who: ["Koordynator"], priority: "1 – pilne" },
          ...(index === 0 ? [{ fn: DIGITAL, who: ["MŚP (12)"] }] : []),
        ],
      });
    }

    const owner = await e2e.newPage();
    await enterSurveyKey(owner, `/rounds/${roundId}`, e2e.key("admin"));
    const rate = owner.getByTestId("response-rate");
    await rate.waitFor();
    expect(await rate.textContent()).toMatch(/60\s?%/);
    expect(await rate.textContent()).toContain("3 z 5");
    const list = owner.getByTestId("invitation-list");
    expect(await list.locator("tbody tr[data-status=submitted]").count()).toBe(3);
    const masovia = owner.getByTestId("rates-by-region").locator("tr", {
      has: owner.getByRole("rowheader", { name: "mazowieckie" }),
    });
    expect(await masovia.locator("td").first().textContent()).toMatch(/100\s?%/);
  });

  it("shows the round's needs on the national page, with '<3' for a need of fewer than 3 clusters", async () => {
    const page = await e2e.newPage();
    const errors = await watchErrors(page);
    await enterSurveyKey(page, `/national?round=${roundId}`, e2e.key("ministry"));
    const needs = page.getByTestId("national-needs");
    await needs.waitFor();
    expect(await page.getByLabel("Funkcja wsparcia").inputValue()).toBe("cluster_management");
    const total = needs.locator("tr[data-row=total] td");
    // Columns in the vocabulary's order: the coordinator first.
    expect(await total.first().textContent()).toBe("3");
    const masovia = needs.locator("tr[data-row='14'] td");
    expect(await masovia.first().textContent()).toBe("3");
    expect(await page.getByTestId("national-side-by-side").textContent()).toContain("mazowieckie");

    await page.getByLabel("Funkcja wsparcia").selectOption({ label: DIGITAL });
    expect(await needs.locator("tr[data-row=total] td").nth(1).textContent()).toBe("<3");
    expect(await page.locator("main").textContent()).not.toContain("Klaster Wiślany Ankieta");
    await page.getByLabel("Funkcja wsparcia").selectOption({ label: MANAGEMENT });
    await shoot(page, "survey-national");
    expect(errors).toEqual([]);
  });

  it("keeps a self-registered answer out of the figures until the round's owner accepts it", async () => {
    const author = await e2e.newPage();
    await completeWizardInPolish(author);
    // Named, so the owner can tell it among any other answer waiting (the coordinator agreed).
    await saveResults(author, "named");

    const ministry = await e2e.newPage();
    expect(await reportN(ministry, roundId, e2e.key("ministry"))).toBe("3");

    const owner = await e2e.newPage();
    await enterSurveyKey(owner, `/rounds/${roundId}`, e2e.key("admin"));
    const item = owner.getByTestId("moderation-item").filter({ hasText: MAZOVIAN_CLUSTER.name });
    await item.waitFor();
    expect(await item.textContent()).toContain("mazowieckie");
    await item.getByTestId("moderation-accept").click();
    await item.waitFor({ state: "detached" });

    const after = await e2e.newPage();
    expect(await reportN(after, roundId, e2e.key("ministry"))).toBe("4");
    const functions = after.getByTestId("report-functions");
    const management = functions.locator("tr", {
      has: after.getByRole("rowheader", { name: MANAGEMENT }),
    });
    expect(await management.locator("td").first().textContent()).toBe("4");
  });

  it("structures the report by the ten questions with SVG charts, in Polish and English", async () => {
    const page = await e2e.newPage();
    const errors = await watchErrors(page);
    await enterSurveyKey(page, `/rounds/${roundId}/report`, e2e.key("ministry"));
    await page.getByTestId("report-method").waitFor();
    const headings = await page.locator("main h2").allTextContents();
    for (let number = 1; number <= 10; number += 1)
      expect(
        headings.some((text) => text.startsWith(`Pytanie ${number}.`)),
        `question ${number}`,
      ).toBe(true);
    expect(headings).toContain("Metoda");
    expect(headings).toContain("Aneks danych");
    expect(await page.locator("main figure.svg-chart svg").count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator("main canvas").count()).toBe(0);
    await shoot(page, "survey-report");

    // The data annex: a CSV that names no cluster, and an XLSX workbook (a zip).
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("annex-csv").click(),
    ]);
    const annex = readFileSync((await csv.path()) ?? "", "utf8");
    expect(annex.split("\n").length).toBeGreaterThan(10);
    expect(annex).not.toContain("Klaster Wiślany Ankieta");
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("annex-xlsx").click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(
      readFileSync((await xlsx.path()) ?? "")
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 2, name: /^Question 6\./ }).waitFor();
    expect(await page.locator("main h2").allTextContents()).toContain("Method");
    expect(await polishLines(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("prints the report as a clean A4 document with its headings", async () => {
    const page = await e2e.newPage();
    await enterSurveyKey(page, `/rounds/${roundId}/report`, e2e.key("ministry"));
    await page.getByTestId("report-method").waitFor();
    await page.emulateMedia({ media: "print" });
    expect(await visibleControls(page)).toEqual([]);
    // The paper layout at the width of an A4 page (210 mm at 96 dpi), for review.
    await page.setViewportSize({ width: 794, height: 1123 });
    await reviewScreenshot(page, "survey-report-print");

    const bytes = await page.pdf({
      format: "A4",
      outline: true,
      tagged: true,
      printBackground: true,
    });
    // Kept beside the review screenshots, for a person to look at the printed document.
    mkdirSync(REVIEW_DIR, { recursive: true });
    writeFileSync(join(REVIEW_DIR, "survey-report.pdf"), bytes);
    const pdf = readPdf(bytes);
    for (let number = 1; number <= 10; number += 1)
      expect(
        pdf.outline.some((title) => title.startsWith(`Pytanie ${number}.`)),
        `question ${number}`,
      ).toBe(true);
    expect(pdf.outline).toContain("Metoda");
    expect(pdf.outline).toContain("Aneks danych");
    // A4 is 210 x 297 mm: 595 x 842 points.
    expect(pdf.pageSize?.map(Math.round)).toEqual([596, 843]);
    // A title page with questions 1-4, one page or more for each of questions 5-10, the method
    // and the annex: about ten pages, never one long page nor one page a table row.
    expect(pdf.pages).toBeGreaterThanOrEqual(8);
    expect(pdf.pages).toBeLessThanOrEqual(24);
  });

  it("closes the round: an unused link then says the round takes no more answers", async () => {
    const owner = await e2e.newPage();
    await enterSurveyKey(owner, `/rounds/${roundId}`, e2e.key("admin"));
    await owner.getByTestId("round-close-start").click();
    await owner.getByTestId("round-close-confirm").click();
    await owner.getByTestId("round-status").filter({ hasText: "zamknięta" }).waitFor();
    expect(await owner.getByTestId("invitation-import").count()).toBe(0);

    const late = await e2e.newPage();
    await late.goto(links[3] ?? "");
    const problem = late.getByTestId("invite-problem");
    await problem.waitFor();
    expect(await problem.textContent()).toContain("zamknięta");
  });

  it("lets a region key open a round of its own region only, and refuses clusters of another", async () => {
    const page = await e2e.newPage();
    await enterSurveyKey(page, "/rounds", e2e.key("masovia"));
    expect(await page.getByTestId("round-scope-fixed").textContent()).toContain("mazowieckie");
    expect(await page.getByTestId("rounds-national").count()).toBe(0);
    regionalId = await openRound(page, {
      title: "Runda mazowiecka (E2E)",
      start: "2026-11-01",
      end: "2026-11-30",
    });
    expect(regionalId).not.toBe(roundId);
    await page.getByLabel("Lista klastrów (CSV)").fill("name,region,contact\nKlaster Śląski,24,\n");
    await page.getByTestId("invitations-submit").click();
    const errors = page.getByTestId("import-errors");
    await errors.waitFor();
    expect(await errors.textContent()).toMatch(/Wiersz 2: .*14.*\(kolumna: województwo\)/);

    // The national picture is not for a region's key: one sentence says whose it is.
    await page.goto("/national");
    await page.getByTestId("national-region-key").waitFor();
  });

  it("shows the change between two rounds on the national page: did gaps close?", async () => {
    expect(regionalId).not.toBe("");
    // From the national round to the regional one (no answers yet).
    const ministry = await e2e.newPage();
    await enterSurveyKey(
      ministry,
      `/national?round=${regionalId}&compare=${roundId}`,
      e2e.key("ministry"),
    );
    const change = ministry.getByTestId("national-change-summary");
    await change.waitFor();
    expect(await change.textContent()).toContain(`Od rundy „${ROUND.title}”`);
    expect(await ministry.getByTestId("national-change").count()).toBe(1);
  });
});
