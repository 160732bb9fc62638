/**
 * The region dashboard for a regional authority holding a key for the Masovian voivodeship
 * (TERYT 14): it sees that region's clusters only, and a clear refusal for any other region.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { browserPlan, suiteTitle } from "./helpers/browser-plan.ts";
import { storeAssessment } from "./helpers/api.ts";
import { useE2eSuite } from "./helpers/e2e-suite.ts";
import { enterRegionKey } from "./helpers/region.ts";

const OTHER_REGION_CLUSTER = "Klaster Odrzański E2E (dolnośląskie)";
const OWN_REGION_CLUSTER = "Klaster Wiślany E2E (mazowieckie)";

describe.runIf(browserPlan().run)(suiteTitle("region dashboard"), () => {
  const e2e = useE2eSuite({ keys: { masovia: "region:14" } });

  beforeAll(async () => {
    if (!browserPlan().run) return;
    await storeAssessment(e2e.url, {
      cluster: { name: OTHER_REGION_CLUSTER, region: "02" },
      needs: [{ actor: "sme", function: "digital_transformation", priority: 1 }],
    });
    await storeAssessment(e2e.url, {
      cluster: { name: OWN_REGION_CLUSTER, region: "14" },
      needs: [{ actor: "coordinator", function: "cluster_management", priority: 1 }],
    });
  });

  it("shows a region 14 key holder the Masovian clusters and no cluster of another region", async () => {
    const page = await e2e.newPage();
    await enterRegionKey(page, "mazowieckie", e2e.key("masovia"));

    await page.getByText("Dane województwa: mazowieckie.").waitFor();
    const table = page.getByTestId("region-clusters");
    await table.getByRole("rowheader", { name: OWN_REGION_CLUSTER }).waitFor();
    const names = await table.getByRole("rowheader").allTextContents();
    // The server seeds fictional sample clusters; the Masovian one carries the "fikcyjny" badge.
    expect(names.some((name) => name.startsWith("Przykładowy Klaster ICT Mazowsze"))).toBe(true);
    expect(names.join("\n")).not.toContain(OTHER_REGION_CLUSTER);
    expect(names.join("\n")).not.toMatch(
      /Dolny Śląsk|Podkarpacie|Pomorze|Opole|Lubelski|Wielkopolska/,
    );
    expect(await page.getByTestId("error").count()).toBe(0);
  });

  it("counts the needs of region 14's clusters in the heat map, the new assessment included", async () => {
    const page = await e2e.newPage();
    await enterRegionKey(page, "mazowieckie", e2e.key("masovia"));
    const heatMap = page.getByTestId("needs-heat-map");
    await heatMap.waitFor();
    // The seeded Masovian sample and the assessment stored above both ask for cluster management.
    await expect
      .poll(() => heatMap.locator("caption").textContent())
      .toContain("ostatnie samooceny 2 klastrów");
    const columns = await heatMap.locator("thead th").allTextContents();
    const column = columns.indexOf("Zarządzanie klastrem i rozwój koordynatora");
    expect(column).toBeGreaterThan(0);
    const row = heatMap.locator("tbody tr", {
      has: page.getByRole("rowheader", { name: "Koordynator klastra" }),
    });
    expect(await row.locator("th, td").nth(column).textContent()).toBe("2");
  });

  it("shows the heat map's caption where it can be read without scrolling the table", async () => {
    const page = await e2e.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await enterRegionKey(page, "mazowieckie", e2e.key("masovia"));
    const heatMap = page.getByTestId("needs-heat-map");
    await heatMap.locator("tbody tr").first().waitFor();
    // The table is wider than the page and scrolls; a caption centred over its full width starts
    // in the part scrolled out of view.
    const frame = await page
      .getByRole("region", { name: /Liczba zgłoszonych potrzeb/ })
      .boundingBox();
    // Where the caption's words are drawn (its box spans the whole table; the text may not).
    const text = await heatMap.locator("caption").evaluate((caption) => {
      const range = document.createRange();
      range.selectNodeContents(caption);
      const box = range.getBoundingClientRect();
      return { x: box.x, width: box.width };
    });
    if (!frame) throw new Error("the heat map's scroll region is not rendered");
    expect(text.x).toBeGreaterThanOrEqual(frame.x);
    expect(text.x + text.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
  });

  it("downloads the region's clusters as CSV without another region's cluster", async () => {
    const page = await e2e.newPage();
    await enterRegionKey(page, "mazowieckie", e2e.key("masovia"));
    await page
      .getByTestId("region-clusters")
      .getByRole("rowheader", { name: OWN_REGION_CLUSTER })
      .waitFor();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "CSV: klastry" }).click(),
    ]);

    expect(download.suggestedFilename()).toBe("klastry-14-clusters.csv");
    const csv = readFileSync(await download.path(), "utf8");
    expect(csv).toContain(OWN_REGION_CLUSTER);
    expect(csv).toContain("Przykładowy Klaster ICT Mazowsze");
    expect(csv).not.toContain(OTHER_REGION_CLUSTER);
  });

  it("tells a region 14 key holder that the key gives no access to another region's data", async () => {
    const page = await e2e.newPage();
    await enterRegionKey(page, "dolnośląskie", e2e.key("masovia"));

    await page.getByText("Dane województwa: dolnośląskie.").waitFor();
    const refusal = page.getByTestId("region-clusters").getByTestId("error");
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("Ten klucz nie daje dostępu do tych danych.");
    expect(await page.getByText(OTHER_REGION_CLUSTER).count()).toBe(0);
    // The key can be forgotten and the form offered again.
    await page.getByRole("button", { name: "Zapomnij klucz" }).click();
    await page.getByLabel("Klucz API województwa").waitFor();
  });
});
