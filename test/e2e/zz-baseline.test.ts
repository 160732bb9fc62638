import { describe, expect, it } from "vitest";
import { useE2eSuite } from "./helpers/e2e-suite.ts";

describe("baseline", () => {
  const e2e = useE2eSuite();
  it("measures", async () => {
    const page = await e2e.newPage();
    let presses = 0;
    let typed = 0;
    const press = async (key: string) => { presses++; await page.keyboard.press(key); };
    const type = async (text: string) => { typed += text.length; await page.keyboard.type(text); };
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 300; i++) {
        await press("Tab");
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error("never reached " + selector);
    };
    // first page bytes
    let bytes = 0;
    page.on("response", async (r) => { if (r.url().endsWith(".js")) { try { bytes += (await r.body()).length; } catch {} } });
    await page.goto("/");
    await page.locator("h1").waitFor();
    await page.waitForLoadState("networkidle");
    console.log("FIRST PAGE JS BYTES", bytes);
    await tabTo("[data-testid=start-assessment]");
    await press("Enter");
    await page.getByTestId("wizard-step-1").waitFor();
    await tabTo("#cluster-name"); await type("Klaster Lubelski Testowy");
    await tabTo("#cluster-region"); await type("lub");
    await tabTo("[data-testid=wizard-next]"); await press("Enter");
    await page.getByTestId("wizard-step-2").waitFor();
    for (const [id, v] of [["sme","23"],["large_enterprise","2"],["research_organisation","3"],["business_support_institution","0"],["local_government","0"],["other","0"]]) {
      await tabTo(`#profile-members-${id}`); await type(v!);
    }
    await tabTo("[data-testid=wizard-next]"); await press("Enter");
    await page.getByTestId("wizard-step-3").waitFor();
    const controls = await page.locator("[data-testid=wizard-step-3] form").locator("input:visible, select:visible, textarea:visible").count();
    const buttons = await page.locator("[data-testid=wizard-step-3] form button:visible").count();
    console.log("NEEDS STEP CONTROLS", controls, "buttons", buttons);
    for (const [sel, v] of [["need-coordinator-cluster_management","1"],["need-sme-rdi_cooperation","2"],["need-sme-digital_transformation","1"],["need-large_enterprise-digital_transformation","1"],["need-research_organisation-rdi_cooperation","2"]]) {
      await tabTo(`#${sel}`); await type(v!);
    }
    await tabTo("[data-testid=wizard-next]"); await press("Enter");
    await page.getByTestId("wizard-step-4").waitFor();
    await tabTo("[data-testid=wizard-next]"); await press("Enter");
    await page.getByTestId("wizard-step-5").waitFor();
    await tabTo("[data-testid=wizard-next]"); await press("Enter");
    await page.waitForURL("**/assessment/results");
    console.log("KEY PRESSES", presses, "TYPED", typed);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator("article.recommendation").first().waitFor();
    await page.waitForTimeout(1000);
    console.log("RESULTS HEIGHT 1280", await page.evaluate(() => document.documentElement.scrollHeight), "cards", await page.locator("article.recommendation").count());
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    console.log("RESULTS HEIGHT 390", await page.evaluate(() => document.documentElement.scrollHeight));
    await page.goto("/assessment/3"); await page.getByTestId("wizard-step-3").waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
    console.log("NEEDS HEIGHT 1280", await page.evaluate(() => document.documentElement.scrollHeight));
    await page.setViewportSize({ width: 390, height: 844 });
    console.log("NEEDS HEIGHT 390", await page.evaluate(() => document.documentElement.scrollHeight));
    expect(presses).toBeGreaterThan(0);
  });
});
