/**
 * @module
 * The keyboard alone, as a person without a mouse uses the wizard: Tab to each control, type
 * into fields and closed selects (the browser's type-to-select), arrow keys within a radio
 * group, Enter on the focused button.
 */
import type { Page } from "playwright-core";
import { MAZOVIAN_CLUSTER } from "./wizard.ts";

/**
 * Presses Tab until the focused element matches `selector`; fails naming the last elements
 * reached, so a missing or unreachable control shows where focus went instead.
 */
export async function tabTo(page: Page, selector: string, limit = 250): Promise<void> {
  const visited: string[] = [];
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate((wanted) => {
      const element = document.activeElement;
      if (!element) return { hit: false, name: "(nothing)" };
      const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${element.getAttribute("name") ? `[name=${element.getAttribute("name")}]` : ""}`;
      return { hit: element.matches(wanted), name };
    }, selector);
    if (focused.hit) return;
    visited.push(focused.name);
  }
  throw new Error(
    `Tab never reached ${selector} in ${limit} presses; last focused: ${visited.slice(-12).join(", ")}`,
  );
}

/** Moves a focused radio group with the arrow keys until the radio with `value` is checked. */
async function chooseRadio(page: Page, name: string, value: string): Promise<void> {
  await tabTo(page, `input[type=radio][name="${name}"]`);
  for (let presses = 0; presses < 3; presses++) {
    const checked = await page.evaluate(
      (group) => document.querySelector<HTMLInputElement>(`input[name="${group}"]:checked`)?.value,
      name,
    );
    if (checked === value) return;
    await page.keyboard.press("ArrowUp");
  }
  throw new Error(`radio group ${name} never reached the value "${value}" with the arrow keys`);
}

/** Types into a focused closed <select> (the browser's type-to-select), then checks the pick. */
async function typeIntoSelect(
  page: Page,
  id: string,
  text: string,
  expected: string,
): Promise<void> {
  await tabTo(page, `select#${id}`);
  await page.keyboard.type(text);
  const picked = await page.evaluate((selectId) => {
    const select = document.getElementById(selectId) as HTMLSelectElement | null;
    return select?.selectedOptions[0]?.textContent ?? "";
  }, id);
  if (picked !== expected)
    throw new Error(`typing "${text}" into #${id} picked "${picked}", not "${expected}"`);
}

async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, `#${id}`);
  await page.keyboard.type(text);
}

async function submitStep(page: Page, label: string): Promise<void> {
  await tabTo(page, "[data-testid=wizard-next]");
  const name = await page.evaluate(() => document.activeElement?.textContent ?? "");
  if (name.trim() !== label)
    throw new Error(`the focused submit button says "${name}", not "${label}"`);
  await page.keyboard.press("Enter");
}

/** The same survey with the keyboard only: Tab to each control, type, arrows on radios, Enter. */
export async function completeWizardByKeyboard(page: Page): Promise<void> {
  const c = MAZOVIAN_CLUSTER;
  await page.goto("/");
  await tabTo(page, "[data-testid=start-assessment]");
  await page.keyboard.press("Enter");
  await page.getByTestId("wizard-step-1").waitFor();

  await typeInto(page, "cluster-name", c.name);
  await typeIntoSelect(page, "cluster-region", "mazo", c.region);
  await chooseRadio(page, "cluster-inWarsawCapitalRegion", "no");
  await typeInto(page, "cluster-sectors", c.sectors[0]);
  await page.keyboard.press("Enter");
  await page.keyboard.type(c.sectors[1]);
  await typeInto(page, "cluster-foundedYear", c.foundedYear);
  await typeIntoSelect(page, "cluster-coordinatorLegalForm", "stow", c.legalForm);
  await chooseRadio(page, "cluster-regionalKeyCluster", "no");
  await submitStep(page, "Dalej");

  await page.getByTestId("wizard-step-2").waitFor();
  await typeInto(page, "profile-members-sme", c.members["MŚP"]);
  await typeInto(page, "profile-employees", c.employees);
  await typeIntoSelect(page, "profile-maturityStage", "klaster w", c.maturity);
  await submitStep(page, "Dalej");

  await page.getByTestId("wizard-step-3").waitFor();
  await typeIntoSelect(page, "need-coordinator-cluster_management", "1", c.needs[0].priority);
  await submitStep(page, "Dalej");

  await page.getByTestId("wizard-step-4").waitFor();
  await typeIntoSelect(page, "task-digital_diffusion", "g", c.publicTask.readiness);
  await submitStep(page, "Dalej");

  await page.getByTestId("wizard-step-5").waitFor();
  await typeInto(page, "ownContribution-maxSharePercent", c.maxSharePercent);
  await submitStep(page, "Pokaż wyniki");
  await page.waitForURL("**/assessment/results");
}
