/**
 * The wizard's promises to a person filling it in: a mistyped answer is explained beside its
 * field, and answers survive closing the tab and moving back and forth between steps.
 */
import { describe, expect, it } from "vitest";
import { browserPlan, suiteTitle } from "./helpers/browser-plan.ts";
import { useE2eSuite } from "./helpers/e2e-suite.ts";
import { MAZOVIAN_CLUSTER } from "./helpers/wizard.ts";

describe.runIf(browserPlan().run)(suiteTitle("assessment wizard"), () => {
  const e2e = useE2eSuite();

  it("shows the message beside a mistyped founding year and keeps the user on the step", async () => {
    const page = await e2e.newPage();
    await page.goto("/assessment/1");
    await page.getByLabel("Nazwa klastra").fill(MAZOVIAN_CLUSTER.name);
    await page
      .getByLabel("Województwo (siedziba koordynatora)")
      .selectOption({ label: "mazowieckie" });
    const year = page.getByLabel("Rok założenia");
    await year.fill("20x5");
    await year.blur();

    const error = page.getByTestId("error-cluster-foundedYear");
    await error.waitFor();
    expect(await error.textContent()).toContain("Wpisz liczbę");
    expect(await year.getAttribute("aria-invalid")).toBe("true");
    expect((await year.getAttribute("aria-describedby"))?.split(" ")).toContain(
      "cluster-foundedYear-error",
    );

    await page.getByRole("button", { name: "Dalej" }).click();
    await page.getByTestId("wizard-error-summary").waitFor();
    expect(page.url()).toMatch(/\/assessment\/1$/);
    // The summary sends focus to the field it names.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("cluster-foundedYear");
  });

  it("says in plain Polish and English what to fix, with a summary whose links reach the fields", async () => {
    const page = await e2e.newPage();
    await page.goto("/assessment/1");
    await page.getByRole("button", { name: "Dalej" }).click();
    const summary = page.getByTestId("wizard-error-summary");
    await summary.waitFor();
    const items = await summary.locator("li").allTextContents();
    expect(items).toEqual([
      "Nazwa klastra: Wpisz nazwę klastra.",
      "Województwo (siedziba koordynatora): Wybierz województwo.",
    ]);
    // No wording of the schema's ("(missing)", "dozwolone: ...") reaches a person.
    expect((await summary.textContent()) ?? "").not.toMatch(/missing|dozwolone|"02"/);
    await summary.getByRole("link", { name: /Województwo/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("cluster-region");
    expect(await page.getByTestId("error-cluster-region").textContent()).toContain(
      "Wybierz województwo.",
    );

    await page.getByRole("button", { name: "English" }).click();
    await page.locator("html[lang=en]").waitFor();
    await expect
      .poll(() => page.getByTestId("error-cluster-region").textContent())
      .toContain("Choose the voivodeship.");
  });

  it("keeps every answer when the tab is closed and the wizard opened again, on any step", async () => {
    const context = await e2e.newContext();
    const first = await context.newPage();
    await first.goto("/assessment/1");
    await first.getByLabel("Nazwa klastra").fill(MAZOVIAN_CLUSTER.name);
    await first
      .getByLabel("Województwo (siedziba koordynatora)")
      .selectOption({ label: "mazowieckie" });
    await first.getByRole("button", { name: "Dalej" }).click();
    await first.getByTestId("wizard-step-2").waitFor();
    await first.getByLabel("MŚP").fill("24");
    await first.getByTestId("wizard-back").click();
    await first.getByTestId("wizard-step-1").waitFor();
    expect(await first.getByLabel("Nazwa klastra").inputValue()).toBe(MAZOVIAN_CLUSTER.name);
    await first.close();

    const reopened = await context.newPage();
    await reopened.goto("/assessment/2");
    await reopened.getByTestId("wizard-step-2").waitFor();
    expect(await reopened.getByLabel("MŚP").inputValue()).toBe("24");
    await reopened.getByTestId("wizard-step-link-1").click();
    expect(await reopened.getByLabel("Nazwa klastra").inputValue()).toBe(MAZOVIAN_CLUSTER.name);
    expect(await reopened.getByLabel("Województwo (siedziba koordynatora)").inputValue()).toBe(
      "14",
    );
  });
});
