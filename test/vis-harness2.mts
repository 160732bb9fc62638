// Throwaway: walks the invited wizard against the real server, the invitation answer stubbed.
import { chromium } from "playwright-core";
import { startServer, removeWorkDir } from "./support/index.ts";
import { answerThroughInvitation } from "./e2e/helpers/survey.ts";
const server = await startServer();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const id = "11111111-1111-4111-8111-111111111111";
const context = await browser.newContext({ baseURL: server.url, locale: "pl-PL" });
let sawHeader = "";
await context.route("**/api/v1/**", async (route) => {
  const url = new URL(route.request().url());
  if (url.pathname === "/api/v1/invitation") return route.fulfill({ json: { round: { id, title: "Runda X", periodStart: "2026-11-01", periodEnd: "2026-12-31", status: "open", questionnaireVersion: "wizard-1" }, clusterName: "Klaster Zaproszony", region: "14", status: "invited" } });
  if (url.pathname === "/api/v1/assessments" && route.request().method() === "POST") sawHeader = route.request().headers()["x-invitation-token"] ?? "";
  return route.continue();
});
const page = await context.newPage();
page.on("pageerror", (e) => console.log("pageerror", e.message));
await page.goto("/survey/answer#ki_abcdefghijklmnop");
try {
  await answerThroughInvitation(page, { needs: [{ fn: "Zarządzanie klastrem i rozwój koordynatora", who: ["Koordynator"], priority: "1 – pilne" }, { fn: "Transformacja cyfrowa", who: ["MŚP (12)"] }] });
  console.log("ok, header:", sawHeader, "url:", page.url());
} catch (e) { console.log("FAILED", String(e).slice(0, 500)); await page.screenshot({ path: "/tmp/vis/fail.png", fullPage: true }); }
await page.screenshot({ path: "/tmp/vis/invited-saved.png", fullPage: true });
await browser.close(); await server.stop(); removeWorkDir(server.workDir);
