/**
 * Issue 13 item 1: a wizard that asks only what matters, measured on the Lubelskie cluster (23
 * SMEs, 2 large firms, 2 universities and 1 institute): member groups first, then needs only for
 * the groups the cluster has, a checkbox per function, at most 30 form controls on the needs step
 * and at most 60 key presses to complete the wizard with the keyboard alone.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserPlan, suiteTitle } from "./helpers/browser-plan.ts";
import { useE2eSuite } from "./helpers/e2e-suite.ts";
import { completeWizardByKeyboard, LUBELSKIE_CLUSTER } from "./helpers/keyboard.ts";
import { REVIEW_WIDTHS, reviewScreenshot } from "./helpers/review.ts";
import { tickNeed } from "./helpers/wizard.ts";

const MEMBER_LABELS: Record<keyof typeof LUBELSKIE_CLUSTER.members, string> = {
  sme: "MŚP",
  large_enterprise: "Duże przedsiębiorstwa",
  research_organisation: "Uczelnie i jednostki naukowe",
  business_support_institution: "Instytucje otoczenia biznesu",
  local_government: "Jednostki samorządu terytorialnego",
  other: "Inni członkowie",
};

/** Steps 1 and 2 of the Lubelskie cluster with the mouse, to the needs step. */
async function toNeedsStep(page: Page): Promise<void> {
  const c = LUBELSKIE_CLUSTER;
  await page.goto("/assessment/1");
  await page.getByLabel("Nazwa klastra").fill(c.name);
  await page.getByLabel("Województwo (siedziba koordynatora)").selectOption({ label: c.region });
  await page.getByRole("button", { name: "Dalej" }).click();
  await page.getByTestId("wizard-step-2").waitFor();
  for (const [type, count] of Object.entries(c.members))
    await page.getByLabel(MEMBER_LABELS[type as keyof typeof MEMBER_LABELS]).fill(count);
  await page.getByRole("button", { name: "Dalej" }).click();
  await page.getByTestId("wizard-step-3").waitFor();
}

/** Form controls a person answers on the step (inputs, selects, text areas), visible ones only. */
function controlsOnStep(page: Page, step: number): Promise<number> {
  return page
    .getByTestId(`wizard-step-${step}`)
    .locator("form")
    .locator("input:visible, select:visible, textarea:visible")
    .count();
}

describe.runIf(browserPlan().run)(suiteTitle("the wizard's budget"), () => {
  const e2e = useE2eSuite();

  it("asks the Lubelskie cluster about needs with at most 30 form controls, only for the groups it has", async () => {
    const page = await e2e.newPage();
    await toNeedsStep(page);
    const before = await controlsOnStep(page, 3);
    await tickNeed(page, {
      fn: "Zarządzanie klastrem i rozwój koordynatora",
      who: ["Koordynator"],
      priority: "1 – pilne",
    });
    await tickNeed(page, { fn: "Współpraca B+R+I i transfer wiedzy", who: ["Nauka (3)"] });
    await tickNeed(page, { fn: "Transformacja cyfrowa", who: ["MŚP (23)"] });
    const after = await controlsOnStep(page, 3);
    console.log(`needs step: ${before} form controls unanswered, ${after} with three needs ticked`);
    expect(before).toBeLessThanOrEqual(30);
    expect(after).toBeLessThanOrEqual(30);
    // Only the coordinator and the groups with members: no support bodies, governments or others.
    const groups = await page
      .getByRole("group", { name: /Kto potrzebuje\? Transformacja cyfrowa/ })
      .getByRole("checkbox")
      .evaluateAll((boxes) => boxes.map((box) => box.parentElement?.textContent?.trim()));
    expect(groups).toEqual(["Koordynator", "MŚP (23)", "Duże firmy (2)", "Nauka (3)"]);
    for (const width of REVIEW_WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      console.log(`needs step at ${width} px: ${height} px tall`);
      await reviewScreenshot(page, "wizard-needs-step");
    }
  });

  it("is completed with the keyboard alone in at most 60 key presses", async () => {
    const page = await e2e.newPage();
    const counts = await completeWizardByKeyboard(page);
    console.log(
      `keyboard only, home page to results: ${counts.presses} key presses (${counts.needsStepPresses} on the needs step) and ${counts.typed} characters typed`,
    );
    expect(counts.presses).toBeLessThanOrEqual(60);
    await expect
      .poll(() => page.getByTestId("results-cluster").textContent())
      .toBe(`${LUBELSKIE_CLUSTER.name} · lubelskie`);
  });

  it("records 'none of these' as an answer and an untouched list as not answered", async () => {
    const page = await e2e.newPage();
    await toNeedsStep(page);
    await page.getByLabel("Klaster nie potrzebuje wsparcia w żadnej z tych funkcji").check();
    // The functions are now disabled: nothing else can be ticked.
    expect(
      await page.getByRole("checkbox", { name: "Transformacja cyfrowa", exact: true }).isDisabled(),
    ).toBe(true);
    await page.getByRole("button", { name: "Dalej" }).click();
    await page.getByTestId("wizard-step-4").waitFor();
    await page.getByRole("button", { name: "Dalej" }).click();
    await page.getByTestId("wizard-step-5").waitFor();
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().includes("/api/v1/recommendations")),
      page.getByRole("button", { name: "Pokaż wyniki" }).click(),
    ]);
    const body = request.postDataJSON() as { needs?: unknown; publicTasks?: unknown };
    expect(body.needs).toEqual([]);
    expect(body).not.toHaveProperty("publicTasks");
  });
});
