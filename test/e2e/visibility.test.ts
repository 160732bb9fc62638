/**
 * Consent and privacy (issue 13 item 3): before saving, the coordinator chooses whether the
 * region's authority sees the assessment by name, only in anonymous totals, or not at all; the
 * region's dashboard follows the choice, and the private link changes it later. A short privacy
 * page says who sees what.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserPlan, suiteTitle } from "./helpers/browser-plan.ts";
import { useE2eSuite } from "./helpers/e2e-suite.ts";
import { acceptAssessments } from "./helpers/api.ts";
import { enterRegionKey } from "./helpers/region.ts";
import { completeWizardInPolish, MAZOVIAN_CLUSTER } from "./helpers/wizard.ts";

/** What region 14's dashboard shows: the names listed and the clusters counted. */
async function regionView(page: Page, key: string) {
  // The key is asked once per browser session; later views just open the page again.
  if (await page.evaluate(() => sessionStorage.getItem("klastry.regionKey")).catch(() => null))
    await page.goto("/region/14");
  else await enterRegionKey(page, key, "14");
  await page.getByTestId("region-clusters").getByRole("rowheader").first().waitFor();
  await page.getByTestId("region-headline").waitFor();
  return {
    names: await page.getByTestId("region-clusters").getByRole("rowheader").allTextContents(),
    counted: Number(
      await page.getByTestId("figure-clusters").locator(".figure-number").textContent(),
    ),
    note: (await page.getByTestId("region-clusters").locator(".hint").textContent()) ?? "",
  };
}

describe.runIf(browserPlan().run)(suiteTitle("who sees a saved assessment"), () => {
  const e2e = useE2eSuite({ keys: { masovia: "region:14", admin: "admin" } });

  it("asks before saving, and the region sees exactly what was chosen until the private link changes it", async () => {
    const page = await e2e.newPage();
    const officer = await (await e2e.newContext()).newPage();
    const before = await regionView(officer, e2e.key("masovia"));

    await completeWizardInPolish(page);
    await page.locator("article.recommendation").first().waitFor();
    // Saving without a choice is refused, beside the choice.
    await page.getByTestId("open-save").click();
    await page.getByTestId("save-assessment").click();
    expect(await page.getByTestId("error-save-visibility").textContent()).toContain(
      "Wybierz, kto może zobaczyć samoocenę.",
    );
    expect(await page.getByTestId("visibility-choice").textContent()).toContain(
      "Urząd marszałkowski województwa mazowieckie zobaczy tylko łączne liczby",
    );
    await page.getByTestId("visibility-anonymous").check();
    await page.getByTestId("save-assessment").click();
    const href = (await page.getByTestId("private-link").getAttribute("href")) ?? "";
    // Self-registered: counted once a round's owner accepts it (issue 14).
    const id = /\/assessments\/([0-9a-f-]{36})/.exec(href)?.[1] ?? "";
    await acceptAssessments(e2e.url, e2e.key("admin"), [id]);
    expect(await page.getByTestId("saved-visibility").textContent()).toContain(
      "widzi ją tylko w łącznych liczbach, bez nazwy klastra",
    );

    // Anonymous: counted in the totals, not named.
    const anonymous = await regionView(officer, e2e.key("masovia"));
    expect(anonymous.names.join("\n")).not.toContain(MAZOVIAN_CLUSTER.name);
    expect(anonymous.counted).toBe(before.counted + 1);

    // The coordinator opens the private link and lets the region see the cluster by name.
    const coordinator = await (await e2e.newContext()).newPage();
    await coordinator.goto(href);
    await coordinator.getByTestId("visibility-now").waitFor();
    await coordinator.getByTestId("visibility-panel").getByTestId("visibility-named").check();
    await coordinator.getByTestId("change-visibility").click();
    await expect
      .poll(() => coordinator.getByTestId("visibility-now").textContent())
      .toContain("Teraz: Widoczna z nazwą klastra.");
    const named = await regionView(officer, e2e.key("masovia"));
    expect(named.names.some((name) => name.startsWith(MAZOVIAN_CLUSTER.name))).toBe(true);
    expect(named.counted).toBe(before.counted + 1);

    // And then not at all: neither named nor counted.
    await coordinator.getByTestId("visibility-panel").getByTestId("visibility-private").check();
    await coordinator.getByTestId("change-visibility").click();
    await expect
      .poll(() => coordinator.getByTestId("visibility-now").textContent())
      .toContain("Teraz: Niewidoczna dla urzędu.");
    const hidden = await regionView(officer, e2e.key("masovia"));
    expect(hidden.names.join("\n")).not.toContain(MAZOVIAN_CLUSTER.name);
    expect(hidden.counted).toBe(before.counted);
  });

  it("has a short privacy page, linked from the save panel, saying who sees what for each choice", async () => {
    const page = await e2e.newPage();
    await completeWizardInPolish(page);
    await page.getByTestId("open-save").click();
    await page.getByTestId("privacy-link").click();
    const privacy = page.getByTestId("privacy");
    await privacy.waitFor();
    const text = (await privacy.textContent()) ?? "";
    for (const words of [
      "Widoczna z nazwą klastra",
      "Tylko w anonimowych zestawieniach",
      "Niewidoczna dla urzędu",
      "Zmienić wybór może tylko osoba z prywatnym linkiem",
      "Samooceny zapisane, zanim można było wybrać, są niewidoczne dla urzędów",
    ])
      expect(text).toContain(words);
  });
});
