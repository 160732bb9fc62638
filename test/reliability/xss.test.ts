/**
 * Text that came in is never rendered as HTML by the web app (issue 7 item 1): clusters whose
 * names and sectors are HTML and script fragments are stored through the API, then the pages that
 * show them (a saved assessment with its results, the region dashboard) are opened in Chromium.
 * The fragments appear as literal text, no injected element exists, and no injected script ran.
 */
import type { Page } from "playwright-core";
import { buildAssessment } from "@klastry/domain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { acceptAssessments, storeAssessment } from "../e2e/helpers/api.ts";
import { browserPlan, suiteTitle } from "../e2e/helpers/browser-plan.ts";
import { useE2eSuite } from "../e2e/helpers/e2e-suite.ts";
import { enterRegionKey } from "../e2e/helpers/region.ts";

const NAMES = [
  "<img src=x onerror=window.__xss=1>",
  "<script>window.__xss=2</script> Klaster Skryptowy",
  '"><svg onload=window.__xss=3> Klaster Wektorowy',
  "<b onmouseover=window.__xss=4>Klaster Pogrubiony</b>",
];

/** What a successful injection would leave behind: a flag, an element with a handler, a dialog. */
async function expectNothingInjected(page: Page, dialogs: string[]): Promise<void> {
  const state = await page.evaluate(() => ({
    flag: (window as unknown as { __xss?: unknown }).__xss,
    handlers: document.querySelectorAll("[onerror], [onload], [onmouseover]").length,
    images: document.querySelectorAll('img[src="x"]').length,
    bold: Array.from(document.querySelectorAll("b")).filter(
      (b) => b.textContent === "Klaster Pogrubiony",
    ).length,
  }));
  expect(state).toEqual({ flag: undefined, handlers: 0, images: 0, bold: 0 });
  expect(dialogs).toEqual([]);
}

function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

describe.runIf(browserPlan().run)(suiteTitle("hostile text in the web app"), () => {
  const e2e = useE2eSuite({ keys: { masovia: "region:14", admin: "admin" } });
  const saved: { id: string; token: string; name: string }[] = [];

  beforeAll(async () => {
    if (!browserPlan().run) return;
    for (const name of NAMES) {
      const input = buildAssessment({
        cluster: { name, region: "14", sectors: [`<i>${name}</i>`], smartSpecialisations: [] },
      });
      // Named: the region's dashboard lists the cluster, so its name is rendered there.
      const stored = (await storeAssessment(e2e.url, input, "named")) as {
        id: string;
        accessToken?: string;
      };
      saved.push({ id: stored.id, token: stored.accessToken ?? "", name });
    }
    // Self-registered: the region's figures count them once a round's owner accepts them.
    await acceptAssessments(
      e2e.url,
      e2e.key("admin"),
      saved.map((entry) => entry.id),
    );
  });

  it("shows a saved assessment whose cluster name is HTML as literal text", async () => {
    for (const entry of saved) {
      const page = await e2e.newPage();
      const dialogs = watchDialogs(page);
      await page.goto(`/assessments/${entry.id}#token=${entry.token}`);
      await page.getByText(entry.name, { exact: false }).first().waitFor();
      await expectNothingInjected(page, dialogs);
    }
  });

  it("shows the region dashboard's clusters with HTML names as literal text", async () => {
    const page = await e2e.newPage();
    const dialogs = watchDialogs(page);
    await enterRegionKey(page, e2e.key("masovia"), "14");
    const clusters = page.getByTestId("region-clusters");
    for (const name of NAMES) await clusters.getByText(name, { exact: false }).first().waitFor();
    // Every report of the dashboard that lists clusters has rendered before the check.
    await page.waitForLoadState("networkidle");
    await expectNothingInjected(page, dialogs);
  });

  it("would notice an injection: the same check fails once a fragment is parsed as HTML", async () => {
    const page = await e2e.newPage();
    const dialogs = watchDialogs(page);
    await page.goto("/");
    await page.evaluate((html) => document.body.insertAdjacentHTML("beforeend", html), NAMES[0]!);
    await expect(expectNothingInjected(page, dialogs)).rejects.toThrow();
  });
});
