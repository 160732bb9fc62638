/**
 * The rules page for a policy designer with an admin key: a candidate rule file, uploaded as a
 * file, is previewed against the stored clusters before anything changes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/index.ts";
import { storeAssessment } from "./helpers/api.ts";
import { browserPlan, suiteTitle } from "./helpers/browser-plan.ts";
import { useE2eSuite } from "./helpers/e2e-suite.ts";

const RULE_FILE = "regional/mazowiecki-klaster-kluczowy.rule.json";
const LOWER_SILESIAN_CLUSTER = "Klaster Odrzański E2E (dolnośląskie)";

describe.runIf(browserPlan().run)(suiteTitle("rules impact preview"), () => {
  const e2e = useE2eSuite({ keys: { admin: "admin" } });

  beforeAll(async () => {
    if (!browserPlan().run) return;
    // A Lower Silesian cluster without a regional key-cluster status whose coordinator needs
    // cluster management: only the Masovian key-cluster rule's area keeps it from that instrument.
    await storeAssessment(e2e.url, {
      cluster: { name: LOWER_SILESIAN_CLUSTER, region: "02", regionalKeyCluster: false },
      needs: [{ actor: "coordinator", function: "cluster_management", priority: 1 }],
    });
  });

  it("shows which cluster would gain the instrument when an uploaded candidate widens the rule's area", async () => {
    const rule = JSON.parse(readFileSync(join(repoRoot, "rules", RULE_FILE), "utf8")) as {
      conditions: { all: { name: string; value?: unknown }[] };
    };
    const area = rule.conditions.all.find((condition) => condition.name === "region-served");
    if (!area) throw new Error(`${RULE_FILE} has no region-served condition; update this test`);
    area.value = ["14", "02"];

    const page = await e2e.newPage();
    await page.goto("/rules");
    await page.getByLabel("Klucz administratora").fill(e2e.key("admin"));
    await page.getByRole("button", { name: "Użyj klucza" }).click();
    await page.getByTestId("rulebook-version").waitFor();
    await page.getByLabel("Wczytaj plik reguły").setInputFiles({
      name: "mazowiecki-klaster-kluczowy.rule.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(rule)),
    });
    await expect.poll(() => page.getByLabel("Treść pliku reguły").inputValue()).toContain('"02"');
    // The candidate replaces the rulebook's own file, so it names the same path.
    await page.getByLabel(/Ścieżka pliku/).fill(RULE_FILE);
    await page.getByRole("button", { name: "Pokaż skutki" }).click();

    const report = page.getByTestId("impact-report");
    await report.waitFor();
    const row = report.getByRole("row", {
      name: new RegExp(LOWER_SILESIAN_CLUSTER.replace(/[()]/g, "\\$&")),
    });
    await row.waitFor();
    expect(await row.locator("td").first().textContent()).toContain("mazowiecki-klaster-kluczowy");
    // Only that cluster gains the instrument; another may only come closer to it (a near miss).
    const gainers: string[] = [];
    const nearMisses: string[] = [];
    for (const each of await report.locator("tbody tr").all()) {
      const name = (await each.getByRole("rowheader").textContent()) ?? "";
      const cells = await each.locator("td").allTextContents();
      if (cells[0]?.includes("mazowiecki-klaster-kluczowy")) gainers.push(name);
      else if (cells[2]?.includes("(prawie)")) nearMisses.push(name);
    }
    expect(gainers).toEqual([LOWER_SILESIAN_CLUSTER]);
    // Every other row only gains or loses a near miss, marked as such in the verdict column.
    expect(gainers.length + nearMisses.length).toBe(
      (await report.getByRole("rowheader").allTextContents()).length,
    );
  });
});
