/**
 * The region dashboard for a regional authority holding a key for the Masovian voivodeship
 * (TERYT 14), issue 13 item 5: `/region` opens the key's own region, the region at one glance
 * (clusters assessed, top unmet needs, calls this quarter), a colour-scaled heat map with its
 * table and no clipping from 320 to 1280 px, the gaps from the API's coverage, and a key of
 * another region told which region it is for, with a link there.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserPlan, suiteTitle } from "./helpers/browser-plan.ts";
import { acceptAssessments, storeAssessment } from "./helpers/api.ts";
import { useE2eSuite } from "./helpers/e2e-suite.ts";
import { enterRegionKey } from "./helpers/region.ts";
import { overflowing, REVIEW_WIDTHS, reviewScreenshot } from "./helpers/review.ts";

const OTHER_REGION_CLUSTER = "Klaster Odrzański E2E (dolnośląskie)";
const OWN_REGION_CLUSTER = "Klaster Wiślany E2E (mazowieckie)";

async function dashboardLoaded(page: Page): Promise<void> {
  await page.getByTestId("region-headline").waitFor();
  await page.getByTestId("heat-chart").locator("canvas").waitFor();
  await page.getByTestId("region-clusters").getByRole("rowheader").first().waitFor();
  await page.getByTestId("gaps-intro").waitFor();
}

describe.runIf(browserPlan().run)(suiteTitle("region dashboard"), () => {
  const e2e = useE2eSuite({ keys: { masovia: "region:14", admin: "admin" } });

  beforeAll(async () => {
    if (!browserPlan().run) return;
    const other = await storeAssessment(
      e2e.url,
      {
        cluster: { name: OTHER_REGION_CLUSTER, region: "02" },
        needs: [{ actor: "sme", function: "digital_transformation", priority: 1 }],
      },
      "named",
    );
    const own = await storeAssessment(
      e2e.url,
      {
        cluster: { name: OWN_REGION_CLUSTER, region: "14" },
        needs: [{ actor: "coordinator", function: "cluster_management", priority: 1 }],
      },
      "named",
    );
    // Self-registered answers count in a region's figures once a round's owner accepts them.
    await acceptAssessments(e2e.url, e2e.key("admin"), [other.id, own.id]);
  });

  it("opens the key's own region from /region and shows the Masovian clusters only", async () => {
    const page = await e2e.newPage();
    await enterRegionKey(page, e2e.key("masovia"));
    await page.waitForURL(/\/region\/14$/);
    await page.getByRole("heading", { level: 1, name: "Pulpit regionu: mazowieckie" }).waitFor();
    const table = page.getByTestId("region-clusters");
    await table.getByRole("rowheader", { name: OWN_REGION_CLUSTER }).waitFor();
    const names = await table.getByRole("rowheader").allTextContents();
    // The server seeds fictional sample clusters, shown by name; the Masovian one is fictional.
    expect(names.some((name) => name.startsWith("Przykładowy Klaster ICT Mazowsze"))).toBe(true);
    expect(names.join("\n")).not.toContain(OTHER_REGION_CLUSTER);
    expect(await page.getByTestId("error").count()).toBe(0);
  });

  it("puts the region at one glance first: clusters assessed, top unmet needs and calls this quarter", async () => {
    const page = await e2e.newPage();
    await enterRegionKey(page, e2e.key("masovia"), "14");
    await dashboardLoaded(page);
    const headline = page.getByTestId("region-headline");
    const firstSection = await page
      .locator("main section[data-testid]")
      .first()
      .getAttribute("data-testid");
    expect(firstSection).toBe("region-headline");
    expect(
      Number(
        (await headline.getByTestId("figure-clusters").locator(".figure-number").textContent()) ??
          "0",
      ),
    ).toBeGreaterThanOrEqual(2);
    expect(await headline.getByTestId("figure-calls").textContent()).toMatch(
      /naborów otwartych w tym kwartale \(\d+ \S+ \d{4} – \d+ \S+ \d{4}\)/,
    );
    expect(await headline.getByTestId("figure-unmet").textContent()).toMatch(
      /Najczęstsze potrzeby bez wsparcia/,
    );
  });

  it("draws the needs as a colour-scaled chart with the same numbers in a table, unclipped from 320 to 1280 px", async () => {
    const page = await e2e.newPage();
    await enterRegionKey(page, e2e.key("masovia"), "14");
    await dashboardLoaded(page);
    const table = page.getByTestId("heat-table");
    // The seeded Masovian sample and the assessment stored above both ask for cluster management.
    const row = table.locator("tbody tr", {
      has: page.getByRole("rowheader", { name: "Zarządzanie klastrem i rozwój koordynatora" }),
    });
    expect(await row.locator("td").first().textContent()).toBe("2");
    expect(await row.locator("td").first().getAttribute("class")).toMatch(/heat-[1-4]/);
    for (const width of [320, ...REVIEW_WIDTHS]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(300);
      const canvas = await page.getByTestId("heat-chart").locator("canvas").boundingBox();
      const frame = await page.getByTestId("region-needs").boundingBox();
      if (!canvas || !frame) throw new Error("the heat map is not drawn");
      expect(canvas.width).toBeGreaterThan(200);
      expect(canvas.x + canvas.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
      expect(await overflowing(page, "[data-testid=region-needs]"), `at ${width} px`).toEqual([]);
      expect(await overflowing(page, "[data-testid=region-headline]"), `at ${width} px`).toEqual(
        [],
      );
      if (width !== 320) await reviewScreenshot(page, "region-dashboard");
    }
  });

  it("lists the gaps from the coverage, with the programmes that may fund them apart", async () => {
    const page = await e2e.newPage();
    await enterRegionKey(page, e2e.key("masovia"), "14");
    await dashboardLoaded(page);
    expect(await page.getByTestId("gaps-intro").textContent()).toMatch(
      /(zgłoszonych potrzeb nie ma instrumentu|ma instrument dostępny dla każdego)/,
    );
  });

  it("downloads the region's clusters as CSV without another region's cluster", async () => {
    const page = await e2e.newPage();
    await enterRegionKey(page, e2e.key("masovia"), "14");
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
    expect(csv).not.toContain(OTHER_REGION_CLUSTER);
  });

  it("tells a region 14 key holder on /region/02 that the key is for mazowieckie, links there, and offers no data", async () => {
    const page = await e2e.newPage();
    await enterRegionKey(page, e2e.key("masovia"), "02");
    const wrong = page.getByTestId("wrong-key");
    await wrong.waitFor();
    expect(await wrong.textContent()).toContain(
      "Twój klucz daje dostęp do danych województwa mazowieckie, a nie dolnośląskie.",
    );
    expect(await page.getByTestId("csv-clusters").count()).toBe(0);
    expect(await page.getByTestId("region-clusters").count()).toBe(0);
    expect(await page.getByText(OTHER_REGION_CLUSTER).count()).toBe(0);
    await wrong.getByTestId("wrong-key-link").click();
    await page.waitForURL(/\/region\/14$/);
    await page.getByTestId("region-headline").waitFor();
  });
});
