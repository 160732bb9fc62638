/**
 * The public catalogue of instruments: filters narrow the list (and stay in the URL), and an
 * instrument's page shows where its facts come from and when they were last verified.
 */
import { describe, expect, it } from "vitest";
import { browserPlan, suiteTitle } from "./helpers/browser-plan.ts";
import { useE2eSuite } from "./helpers/e2e-suite.ts";

/** "Znalezione instrumenty: 42" -> 42. */
function countIn(text: string | null): number {
  const match = /(\d+)\s*$/.exec(text ?? "");
  if (!match?.[1]) throw new Error(`no count in "${text}"`);
  return Number(match[1]);
}

describe.runIf(browserPlan().run)(suiteTitle("catalogue"), () => {
  const e2e = useE2eSuite();

  it("narrows the list of instruments to the regional level when that filter is chosen", async () => {
    const page = await e2e.newPage();
    await page.goto("/instruments");
    const total = page.getByTestId("catalogue-total");
    await expect.poll(async () => countIn(await total.textContent())).toBeGreaterThan(0);
    const all = countIn(await total.textContent());

    await page.getByLabel("Poziom").selectOption({ label: "Regionalny" });

    await page.waitForURL(/level=regional/);
    await expect.poll(async () => countIn(await total.textContent())).toBeLessThan(all);
    const regional = countIn(await total.textContent());
    expect(regional).toBeGreaterThan(0);
    const rows = await page.getByTestId("instrument-list").locator("li .muted").allTextContents();
    expect(rows.length).toBe(Math.min(regional, 20));
    for (const row of rows) expect(row).toContain("· Regionalny ·");

    await page.getByLabel("Województwo").selectOption({ label: "mazowieckie" });
    await page.waitForURL(/region=14/);
    await expect.poll(async () => countIn(await total.textContent())).toBeLessThan(regional);
  });

  it("shows an instrument's sources and the date it was last verified on its page", async () => {
    const response = await fetch(`${e2e.url}/api/v1/instruments/mazowiecki-klaster-kluczowy`);
    const record = (await response.json()) as { lastVerified: string; sources: { url: string }[] };
    const page = await e2e.newPage();
    await page.goto("/instruments?q=Mazowieckiego");
    await page
      .getByTestId("instrument-list")
      .getByRole("link", { name: /Mazowieckiego Klastra Kluczowego/ })
      .first()
      .click();

    const detail = page.getByTestId("instrument-detail");
    await detail.waitFor();
    expect(page.url()).toBe(`${e2e.url}/instruments/mazowiecki-klaster-kluczowy`);
    await detail.getByRole("heading", { level: 2, name: "Źródła" }).waitFor();
    const links = await detail
      .getByTestId("sources")
      .getByRole("link")
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("href")));
    expect(links).toEqual(record.sources.map((source) => source.url));
    expect(links.length).toBeGreaterThan(0);
    const verified = new Intl.DateTimeFormat("pl-PL", {
      dateStyle: "long",
      timeZone: "Europe/Warsaw",
    }).format(new Date(`${record.lastVerified.slice(0, 10)}T12:00:00Z`));
    const label = detail.locator("dt", { hasText: "Ostatnia weryfikacja" });
    expect(await label.locator("xpath=following-sibling::dd[1]").textContent()).toBe(verified);
  });

  it("gives every fact listed on an instrument's page a value (no label left blank)", async () => {
    const page = await e2e.newPage();
    // A status with no funding source: the row for funding sources must not stand empty.
    await page.goto("/instruments/mazowiecki-klaster-kluczowy");
    const detail = page.getByTestId("instrument-detail");
    await detail.waitFor();
    const blank = await detail
      .locator("dt")
      .evaluateAll((terms) =>
        terms
          .filter((term) => (term.nextElementSibling?.textContent ?? "").trim() === "")
          .map((term) => term.textContent),
      );
    expect(blank).toEqual([]);
  });
});
