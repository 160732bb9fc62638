/**
 * @module
 * The keyboard alone, as a person without a mouse uses the wizard: Tab to each control, type
 * into fields and closed selects (the browser's type-to-select), Space on checkboxes, Enter to go
 * on. Every key press is counted apart from the characters of the answers typed, so a test can
 * hold the wizard to its budget (issue 13: at most 60 presses for the Lubelskie cluster).
 */
import type { Page } from "playwright-core";

/** The Lubelskie cluster of issue 13: 23 SMEs, 2 large firms, 2 universities and 1 institute. */
export const LUBELSKIE_CLUSTER = {
  name: "Lubelski Klaster Testowy (fikcyjny)",
  regionTyped: "lub",
  region: "lubelskie",
  foundedYear: "2012",
  monthTyped: "mar",
  month: "marzec",
  members: {
    sme: "23",
    large_enterprise: "2",
    research_organisation: "3",
    business_support_institution: "0",
    local_government: "0",
    other: "0",
  },
  /** Function -> the groups that need it (in the order shown) and a typed urgency, if any. */
  needs: [
    { fn: "cluster_management", who: ["coordinator"], urgency: "1" },
    { fn: "rdi_cooperation", who: ["research_organisation"] },
    { fn: "digital_transformation", who: ["sme"] },
  ],
} as const;

/** Counts key presses (Tab, Enter, Space, arrows) apart from the characters typed. */
export class Keyboard {
  presses = 0;
  typed = 0;
  constructor(private readonly page: Page) {}

  async press(key: string): Promise<void> {
    this.presses += 1;
    await this.page.keyboard.press(key);
  }

  async type(text: string): Promise<void> {
    this.typed += text.length;
    await this.page.keyboard.type(text);
  }

  /** What has focus, as `tag#id`. */
  focused(): Promise<string> {
    return this.page.evaluate(() => {
      const element = document.activeElement;
      return element ? `${element.tagName.toLowerCase()}#${element.id}` : "(nothing)";
    });
  }

  /**
   * Presses Tab until the focused element matches `selector`; fails naming the last elements
   * reached, so a missing or unreachable control shows where focus went instead.
   */
  async tabTo(selector: string, limit = 60): Promise<void> {
    const visited: string[] = [];
    for (let i = 0; i < limit; i++) {
      await this.press("Tab");
      if (await this.page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector))
        return;
      visited.push(await this.focused());
    }
    throw new Error(
      `Tab never reached ${selector} in ${limit} presses; last focused: ${visited.slice(-12).join(", ")}`,
    );
  }
}

/** The first step's heading has focus (the wizard moves it there); waits for it. */
async function atStep(page: Page, step: number): Promise<void> {
  await page.getByTestId(`wizard-step-${step}`).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "wizard-step-heading");
}

/**
 * From the home page to the results with the keyboard only, answering as the Lubelskie cluster:
 * name, region, founding year and month; every member count (0 is an answer); three needs, each
 * with who needs it; "none of these" public tasks; no own contribution. Returns the counts.
 */
export async function completeWizardByKeyboard(
  page: Page,
): Promise<{ presses: number; typed: number; needsStepPresses: number }> {
  const c = LUBELSKIE_CLUSTER;
  const keys = new Keyboard(page);
  await page.goto("/");
  await page.locator("h1").waitFor();
  // The skip link, then the start button, the first thing of the page's content.
  await keys.tabTo(".skip-link", 1);
  await keys.press("Enter");
  await keys.tabTo("[data-testid=start-assessment]", 2);
  await keys.press("Enter");

  await atStep(page, 1);
  await keys.tabTo("#cluster-name", 1);
  await keys.type(c.name);
  await keys.tabTo("#cluster-region", 1);
  await keys.type(c.regionTyped);
  await keys.tabTo("#cluster-foundedYear", 2);
  await keys.type(c.foundedYear);
  await keys.tabTo("#cluster-foundedMonth", 1);
  await keys.type(c.monthTyped);
  // Enter in a text field submits the step.
  await keys.press("Shift+Tab");
  await keys.press("Enter");

  await atStep(page, 2);
  for (const [type, count] of Object.entries(c.members)) {
    await keys.tabTo(`#profile-members-${type}`, 1);
    await keys.type(count);
  }
  await keys.press("Enter");

  await atStep(page, 3);
  const beforeNeeds = keys.presses;
  for (const need of c.needs) {
    await keys.tabTo(`#need-${need.fn}`, 20);
    await keys.press("Space");
    for (const group of need.who) {
      await keys.tabTo(`#need-${need.fn}-${group}`, 6);
      await keys.press("Space");
    }
    if ("urgency" in need) {
      await keys.tabTo(`#need-${need.fn}-priority`, 6);
      await keys.type(need.urgency);
    }
  }
  await keys.tabTo("[data-testid=wizard-next]", 30);
  await keys.press("Enter");
  const needsStepPresses = keys.presses - beforeNeeds;

  await atStep(page, 4);
  await keys.tabTo("#none-publicTasks", 1);
  await keys.press("Space");
  await keys.tabTo("[data-testid=wizard-next]", 3);
  await keys.press("Enter");

  await atStep(page, 5);
  await keys.tabTo("#ownContribution-maxSharePercent", 1);
  await keys.press("Enter");
  await page.waitForURL("**/assessment/results");
  return { presses: keys.presses, typed: keys.typed, needsStepPresses };
}
