/**
 * The rules page for a policy designer with an admin key (issue 13 item 6): a rule of the
 * rulebook opens in the editor (CodeMirror, schema checks in the page's language), is changed,
 * its impact previewed by instrument name with the condition that made the difference, and
 * downloaded for its real place; an uploaded file keeps the real path of the rule it replaces;
 * when nothing changes the page says why; errors are in one language.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/index.ts";
import { acceptAssessments, storeAssessment } from "./helpers/api.ts";
import { browserPlan, suiteTitle } from "./helpers/browser-plan.ts";
import { useE2eSuite } from "./helpers/e2e-suite.ts";

const RULE_FILE = "regional/mazowiecki-klaster-kluczowy.rule.json";
const LOWER_SILESIAN_CLUSTER = "Klaster Odrzański E2E (dolnośląskie)";

/** The shipped Masovian key-cluster rule with its area widened to Lower Silesia. */
function widenedRule(): string {
  const rule = JSON.parse(readFileSync(join(repoRoot, "rules", RULE_FILE), "utf8")) as {
    conditions: { all: { name: string; value?: unknown }[] };
  };
  const area = rule.conditions.all.find((condition) => condition.name === "region-served");
  if (!area) throw new Error(`${RULE_FILE} has no region-served condition; update this test`);
  area.value = ["14", "02"];
  return JSON.stringify(rule, null, 2);
}

async function signIn(page: Page, key: string): Promise<void> {
  await page.goto("/rules");
  await page.getByLabel("Klucz administratora").fill(key);
  await page.getByRole("button", { name: "Użyj klucza" }).click();
  await page.getByTestId("rulebook-version").waitFor();
}

async function openRule(page: Page, file: string, id: string): Promise<void> {
  await page.locator("details.rule-file", { hasText: file }).locator("summary").click();
  await page.getByTestId(`edit-rule-${id}`).click();
  await page.locator(".cm-content").waitFor();
  await expect.poll(() => page.getByLabel(/Ścieżka pliku/).inputValue()).toBe(file);
}

describe.runIf(browserPlan().run)(suiteTitle("rules page"), () => {
  const e2e = useE2eSuite({ keys: { admin: "admin" } });

  beforeAll(async () => {
    if (!browserPlan().run) return;
    // A Lower Silesian cluster that holds no regional key-cluster status and whose coordinator
    // needs cluster management: only the Masovian rule's area keeps it from that instrument.
    // Named: the preview shows it by name (a private one stays out).
    const stored = await storeAssessment(
      e2e.url,
      {
        cluster: { name: LOWER_SILESIAN_CLUSTER, region: "02", regionalKeyCluster: false },
        needs: [{ actor: "coordinator", function: "cluster_management", priority: 1 }],
      },
      "named",
    );
    // The preview counts official answers: a round's owner accepts this self-registered one.
    await acceptAssessments(e2e.url, e2e.key("admin"), [stored.id]);
  });

  it("opens a rule in the editor, checks an unknown fact in Polish, and previews a change by instrument name", async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.key("admin"));
    await openRule(page, RULE_FILE, "mazowiecki-klaster-kluczowy");
    const editor = page.locator(".cm-content");
    expect(await editor.textContent()).toContain('"mazowiecki-klaster-kluczowy"');

    // A misspelt fact: the editor names it and the nearest known one, in the page's language.
    await editor.fill(widenedRule().replace('"fact": "region"', '"fact": "regon"'));
    await page.locator(".cm-lintRange-error").first().waitFor();
    await page.locator(".cm-lintRange-error").first().hover();
    await expect
      .poll(() => page.locator(".cm-tooltip-lint").textContent())
      .toContain("Nieznany fakt „regon”. Czy chodziło o „region”?");

    await editor.fill(widenedRule());
    await page.getByRole("button", { name: "Pokaż skutki" }).click();
    const report = page.getByTestId("impact-report");
    await report.waitFor();
    expect(await report.getByTestId("impact-summary").textContent()).toMatch(
      /Zmienia się 1 instrument; zyskuje \d+ klast\S+, traci 0 klastrów\. Sprawdzono \d+ klastr/,
    );
    const row = report.getByRole("row", {
      name: new RegExp(LOWER_SILESIAN_CLUSTER.replace(/[()]/g, "\\$&")),
    });
    await row.waitFor();
    // By name, not id.
    const gains = (await row.locator("td").first().textContent()) ?? "";
    expect(gains).toContain("Mazowieckiego Klastra Kluczowego");
    expect(gains).not.toContain("mazowiecki-klaster-kluczowy");
    expect(await report.getByTestId("impact-rules").textContent()).toContain("region-served");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-rule").click(),
    ]);
    expect(download.suggestedFilename()).toBe("mazowiecki-klaster-kluczowy.rule.json");
    expect(JSON.parse(readFileSync(await download.path(), "utf8"))).toEqual(
      JSON.parse(widenedRule()),
    );
    expect(await page.getByTestId("download-path").textContent()).toContain(`rules/${RULE_FILE}`);
  });

  it("keeps the real path of an uploaded rule file, and says why nothing changed when nothing did", async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.key("admin"));
    await page.getByLabel("Wczytaj plik reguły").setInputFiles({
      name: "mazowiecki-klaster-kluczowy.rule.json",
      mimeType: "application/json",
      buffer: readFileSync(join(repoRoot, "rules", RULE_FILE)),
    });
    // The rule it replaces decides the path, not the upload: no "candidate/<name>".
    await expect.poll(() => page.getByLabel(/Ścieżka pliku/).inputValue()).toBe(RULE_FILE);
    await page.getByRole("button", { name: "Pokaż skutki" }).click();
    const why = page.getByTestId("impact-why");
    await why.waitFor();
    expect(await why.textContent()).toContain(
      "Plik kandydata jest taki sam jak plik w zbiorze reguł.",
    );
  });

  it("words a refused candidate in the page's language only", async () => {
    const page = await e2e.newPage();
    await signIn(page, e2e.key("admin"));
    await openRule(page, RULE_FILE, "mazowiecki-klaster-kluczowy");
    await page
      .locator(".cm-content")
      .fill(widenedRule().replace('"weight": ', '"weight": 500, "x": '));
    await page.getByRole("button", { name: "Pokaż skutki" }).click();
    const error = page.getByTestId("impact").getByTestId("error");
    await error.waitFor();
    const text = (await error.locator("p").first().textContent()) ?? "";
    expect(text).toBe("Plik reguły ma błędy; nic nie zostało sprawdzone:");
    expect(text).not.toMatch(/The rulebook is invalid|422/);
  });
});
