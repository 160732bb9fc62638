/**
 * The region dashboard for a regional authority holding a key for the Masovian voivodeship
 * (TERYT 14): it sees that region's clusters only, and a clear refusal for any other region.
 */
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
    expect(names.join("\n")).not.toMatch(/Dolny Śląsk|Podkarpacie|Pomorze|Opole|Lubelski|Wielkopolska/);
    expect(await page.getByTestId("error").count()).toBe(0);
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
