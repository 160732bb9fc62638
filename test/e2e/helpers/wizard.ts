/**
 * @module
 * Fills the self-assessment wizard the way a person does, with the mouse and keyboard through
 * visible labels of the Polish page (keyboard.ts does it with the keyboard alone). The answers
 * describe one fictional Mazovian cluster used across the tests.
 */
import type { Locator, Page } from "playwright-core";

/** What the person answers, as they would type or pick it on the Polish page. */
export const MAZOVIAN_CLUSTER = {
  name: "Klaster Mechatroniki Testowej",
  region: "mazowieckie",
  sectors: ["mechatronika", "automatyka"],
  foundedYear: "2015",
  legalForm: "Stowarzyszenie",
  members: { MŚP: "24", "Duże przedsiębiorstwa": "2", "Uczelnie i jednostki naukowe": "2" },
  employees: "1200",
  coordinatorStaff: "2,5",
  maturity: "Klaster wzrostowy",
  needs: [
    {
      fn: "Zarządzanie klastrem i rozwój koordynatora",
      who: ["Koordynator"],
      priority: "1 – pilne",
    },
    { fn: "Transformacja cyfrowa", who: ["MŚP (24)"], priority: "1 – pilne" },
  ],
  publicTask: { task: "Upowszechnianie cyfryzacji", readiness: "Gotowy" },
  maxSharePercent: "20",
  maxAmountPln: "100 000",
} as const;

/** A yes / no / don't know question, found by its legend. */
function triState(page: Page, legend: RegExp): Locator {
  return page.getByRole("group", { name: legend });
}

async function next(page: Page, step: number): Promise<void> {
  await page.getByRole("button", { name: step === 5 ? "Pokaż wyniki" : "Dalej" }).click();
}

/** Ticks "needs support in <function>", then who needs it and, if given, how urgently. */
export async function tickNeed(
  page: Page,
  need: { fn: string; who: readonly string[]; priority?: string },
): Promise<void> {
  const functions = page.getByTestId("needs-functions");
  await functions.getByRole("checkbox", { name: need.fn, exact: true }).check();
  const row = functions.locator("li.need-row", {
    has: page.getByRole("checkbox", { name: need.fn, exact: true }),
  });
  for (const group of need.who)
    await row.getByRole("checkbox", { name: group, exact: true }).check();
  if (need.priority) await row.getByLabel("Pilność").selectOption({ label: need.priority });
}

/** Saves the results with the coordinator's choice of whom the region shows them to. */
export async function saveResults(
  page: Page,
  visibility: "named" | "anonymous" | "private" = "private",
): Promise<string> {
  await page.getByTestId("open-save").click();
  await page.getByTestId(`visibility-${visibility}`).check();
  await page.getByTestId("save-assessment").click();
  const link = page.getByTestId("private-link");
  await link.waitFor();
  return (await link.getAttribute("href")) ?? "";
}

/** Walks the five steps with mouse and keyboard and lands on the results page. */
export async function completeWizardInPolish(page: Page): Promise<void> {
  const c = MAZOVIAN_CLUSTER;
  await page.goto("/");
  await page.getByRole("link", { name: "Rozpocznij samoocenę" }).click();
  await page.getByTestId("wizard-step-1").waitFor();

  await page.getByLabel("Nazwa klastra").click();
  await page.keyboard.type(c.name);
  await page.getByLabel("Województwo (siedziba koordynatora)").selectOption({ label: c.region });
  await triState(page, /regionie warszawskim stołecznym/)
    .getByRole("radio", { name: "Nie" })
    .click();
  await page.getByLabel("Sektory").click();
  await page.keyboard.type(c.sectors[0]);
  await page.keyboard.press("Enter");
  await page.keyboard.type(c.sectors[1]);
  await page.getByLabel("Rok założenia").fill(c.foundedYear);
  await page.getByLabel("Forma prawna koordynatora").selectOption({ label: c.legalForm });
  // Without the regional key-cluster status, so the Mazovian status is recommended to it.
  await triState(page, /regionalnego klastra kluczowego/)
    .getByRole("radio", { name: "Nie" })
    .click();
  await next(page, 1);

  await page.getByTestId("wizard-step-2").waitFor();
  for (const [actor, count] of Object.entries(c.members)) await page.getByLabel(actor).fill(count);
  await page.getByLabel("Łączne zatrudnienie").fill(c.employees);
  await page.getByLabel("Zespół koordynatora (etaty)").fill(c.coordinatorStaff);
  await page.getByLabel("Etap rozwoju klastra").selectOption({ label: c.maturity });
  await triState(page, /aktualną strategię rozwoju/)
    .getByRole("radio", { name: "Tak" })
    .click();
  await next(page, 2);

  await page.getByTestId("wizard-step-3").waitFor();
  for (const need of c.needs) await tickNeed(page, need);
  await next(page, 3);

  await page.getByTestId("wizard-step-4").waitFor();
  await page.getByLabel(c.publicTask.task).selectOption({ label: c.publicTask.readiness });
  await next(page, 4);

  await page.getByTestId("wizard-step-5").waitFor();
  await page.getByLabel("Największy udział wkładu własnego").fill(c.maxSharePercent);
  await page.getByLabel("Największa kwota wkładu własnego").fill(c.maxAmountPln);
  await next(page, 5);
  await page.waitForURL("**/assessment/results");
}
