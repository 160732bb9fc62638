/**
 * @module
 * A needs-survey round driven as its people do it on the Polish pages: the owner enters a key and
 * opens a round, a cluster opens its private link and answers the wizard (its name and region
 * already filled in from the invitation) and saves the results, which hands the answer in.
 */
import type { Page } from "playwright-core";
import { tickNeed } from "./wizard.ts";

/** Enters a key on a survey page (rounds, national picture, report). */
export async function enterSurveyKey(page: Page, path: string, key: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel("Klucz API", { exact: true }).fill(key);
  await page.getByRole("button", { name: "Użyj klucza" }).click();
}

/**
 * Opens a round from `/rounds` (national by default; a region key's is of its region) and answers
 * its id, read from the round's page it leads to.
 */
export async function openRound(
  page: Page,
  round: { title: string; start: string; end: string },
): Promise<string> {
  const form = page.getByTestId("round-form");
  await form.getByLabel("Tytuł rundy").fill(round.title);
  await form.getByLabel("Początek").fill(round.start);
  await form.getByLabel("Koniec").fill(round.end);
  await page.getByTestId("round-open").click();
  await page.waitForURL(/\/rounds\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

export interface InvitedAnswer {
  needs: readonly { fn: string; who: readonly string[]; priority?: string }[];
}

async function next(page: Page, label = "Dalej"): Promise<void> {
  await page.getByRole("button", { name: label }).click();
}

/**
 * On an opened invitation link, answers the five steps and saves the results anonymously
 * (counted, never named). The Masovian answers need the Warsaw-region question answered.
 */
export async function answerThroughInvitation(page: Page, answer: InvitedAnswer): Promise<void> {
  await page.getByTestId("invitation").waitFor();
  await page.getByTestId("invite-start").click();
  await page.getByTestId("wizard-step-1").waitFor();
  await page.getByTestId("invitation-banner").waitFor();
  const warsaw = page.getByRole("group", { name: /regionie warszawskim stołecznym/ });
  if ((await warsaw.count()) > 0) await warsaw.getByRole("radio", { name: "Nie" }).click();
  await page.getByLabel("Rok założenia").fill("2016");
  await next(page);
  await page.getByTestId("wizard-step-2").waitFor();
  await page.getByLabel("MŚP").fill("12");
  await next(page);
  await page.getByTestId("wizard-step-3").waitFor();
  for (const need of answer.needs) await tickNeed(page, need);
  await next(page);
  await page.getByTestId("wizard-step-4").waitFor();
  await next(page);
  await page.getByTestId("wizard-step-5").waitFor();
  await next(page, "Pokaż wyniki");
  await page.waitForURL("**/assessment/results");
  await page.getByTestId("open-save").click();
  await page.getByTestId("visibility-anonymous").check();
  await page.getByTestId("save-assessment").click();
  await page.getByTestId("invitation-submitted").waitFor();
}
