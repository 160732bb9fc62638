// Throwaway: screenshots of the survey pages with fixture answers (not committed).
import { chromium } from "playwright-core";
import { seriousViolations } from "./e2e/helpers/axe.ts";
import { startServer, removeWorkDir } from "./support/index.ts";
import { withDatabase } from "./support/keys.ts";
import { createApiKey } from "@klastry/api";
import { REGIONS, ActorTypes, SupportFunctions, PublicTasks, ReadinessLevels } from "@klastry/domain";

const server = await startServer();
let admin = "";
await withDatabase({ workDir: server.workDir }, async (db) => { admin = (await createApiKey(db, "admin", "vis")).secret; });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const id = "11111111-1111-4111-8111-111111111111";
const round = { id, title: "Badanie potrzeb klastrów 2026", periodStart: "2026-11-01", periodEnd: "2026-12-31", scope: "national", region: null, questionnaireVersion: "wizard-1", status: "open", owner: "admin", createdAt: "2026-11-01T10:00:00Z", closedAt: null };
const inv = (n: number, status: string, region: string) => ({ id: `2222222${n}-1111-4111-8111-111111111111`, roundId: id, clusterName: `Klaster Testowy ${n}`, region, contact: n % 2 ? `k${n}@example.pl` : null, status, invitedAt: "2026-11-02T10:00:00Z", startedAt: status !== "invited" ? "2026-11-03T10:00:00Z" : null, submittedAt: status === "submitted" ? "2026-11-04T10:00:00Z" : null, assessmentId: null });
const cnt = (i: number) => (i % 4 === 0 ? "<3" : i % 7);
const picture = {
  round: { id, title: round.title, periodStart: round.periodStart, periodEnd: round.periodEnd }, statusOn: "2026-12-02", minCellSize: 3, clusters: 42,
  regions: REGIONS.map((r, i) => ({ region: r.code, clusters: cnt(i + 1), responseRate: i % 3 ? 60 : null })),
  needs: REGIONS.flatMap((r, i) => ActorTypes.codes.map((a, j) => ({ actor: a, function: "cluster_management", region: r.code, count: cnt(i + j) }))),
  needTotals: ActorTypes.codes.flatMap((a, j) => SupportFunctions.codes.map((f, k) => ({ actor: a, function: f, count: cnt(j + k + 1) }))),
  coverage: REGIONS.slice(0, 5).map((r, i) => ({ actor: "sme", function: "digital_transformation", region: r.code, count: cnt(i + 1), levels: { eu: false, national: false, regional: false }, gap: true })),
  levels: REGIONS.map((r, i) => ({ region: r.code, needs: 10 + i, coveredBy: { eu: 5 + (i % 4), national: 3 + (i % 3), regional: 2 + (i % 5) }, onlyRegional: i % 2, onlyCentral: i % 3, gaps: i % 4 })),
  publicTasks: REGIONS.flatMap((r, i) => ReadinessLevels.codes.map((l, j) => ({ region: r.code, task: PublicTasks.codes[0], readiness: l, count: cnt(i + j + 1) }))),
  change: { from: { id, title: "Runda 2025", periodStart: "2025-01-01", periodEnd: "2025-02-01" }, to: { id, title: round.title, periodStart: round.periodStart, periodEnd: round.periodEnd }, needs: [{ actor: "sme", function: "digital_transformation", before: 5, after: 3, delta: -2, gapBefore: true, gapAfter: false }], gapsBefore: 4, gapsAfter: 2, closedGaps: 3, newGaps: 1 },
};
const q = (n: number) => ({ id: `q${n}`, question: { pl: `Treść pytania numer ${n} grupy roboczej?`, en: `Question text ${n}?` }, answer: { pl: `Odpowiedź na pytanie ${n} z danych rundy: 3 klastry zgłaszają potrzebę zarządzania klastrem.`, en: `Answer ${n}.` } });
const report = {
  round, generatedAt: "2026-12-02T10:00:00Z",
  method: { clusters: 4, invited: 5, submitted: 3, responseRate: 60, selfRegisteredAccepted: 1, periodStart: round.periodStart, periodEnd: round.periodEnd, firstAnswer: "2026-11-04", lastAnswer: "2026-11-20", rulebookVersion: "2026.11.3 (abc123)", catalogueVersion: "2026-11-30", questionnaireVersion: "wizard-1", statusOn: "2026-12-02", minCellSize: 3 },
  questions: Array.from({ length: 10 }, (_, i) => q(i + 1)),
  actors: ActorTypes.codes.map((a, i) => ({ actor: a, count: cnt(i + 1) })),
  functions: SupportFunctions.codes.map((f, i) => ({ function: f, count: cnt(i + 1) })),
  needs: [], fundable: SupportFunctions.codes.slice(0, 6).map((f, i) => ({ actor: "sme", function: f, count: cnt(i + 1), instruments: i, levels: { eu: i % 2 === 0, national: true, regional: i % 3 === 0 } })),
  formsSources: SupportFunctions.codes.slice(0, 5).map((f) => ({ function: f, forms: [{ form: "grant", instruments: 4 }, { form: "loan", instruments: 1 }], sources: [{ kind: "eu_cohesion", instruments: 3 }] })),
  publicTasks: PublicTasks.codes.slice(0, 3).flatMap((t, i) => ReadinessLevels.codes.map((l, j) => ({ task: t, readiness: l, count: cnt(i + j + 1) }))),
  levels: [{ level: "eu", needsCovered: 12 }, { level: "national", needsCovered: 8 }, { level: "regional", needsCovered: 5 }],
  regions: picture.levels.map((l, i) => ({ ...l, clusters: cnt(i + 1) })), gaps: [{ actor: "sme", function: "digital_transformation", count: "<3" }], change: picture.change,
};
const answers: Record<string, unknown> = {
  [`/api/v1/rounds`]: { items: [round, { ...round, id: "33333333-1111-4111-8111-111111111111", title: "Runda mazowiecka 2026", scope: "regional", region: "14", status: "closed" }] },
  [`/api/v1/rounds/${id}`]: round,
  [`/api/v1/rounds/${id}/invitations`]: { round, items: [inv(1, "submitted", "14"), inv(2, "submitted", "14"), inv(3, "started", "14"), inv(4, "invited", "12"), inv(5, "invited", "02")], total: 5, page: 1, pageSize: 200, responseRate: { invited: 5, started: 1, submitted: 2, rate: 40 }, byRegion: [{ region: "02", invited: 1, started: 0, submitted: 0, rate: 0 }, { region: "12", invited: 1, started: 0, submitted: 0, rate: 0 }, { region: "14", invited: 3, started: 1, submitted: 2, rate: 66.7 }] },
  [`/api/v1/rounds/${id}/moderation`]: { round, items: [{ assessmentId: "44444444-1111-4111-8111-111111111111", clusterId: "c", clusterName: null, region: "14", assessedOn: "2026-11-10", createdAt: "2026-11-10T10:00:00Z", needs: 3 }], total: 1, page: 1, pageSize: 200 },
  [`/api/v1/national`]: picture,
  [`/api/v1/rounds/${id}/report`]: report,
  [`/api/v1/invitation`]: { round: { id, title: round.title, periodStart: round.periodStart, periodEnd: round.periodEnd, status: "open", questionnaireVersion: "wizard-1" }, clusterName: "Klaster Testowy 1", region: "14", status: "invited" },
};
const importAnswer = { roundId: id, imported: 3, invitations: [1, 2, 3].map((n) => ({ ...inv(n, "invited", "14"), token: "ki_x", link: `http://localhost/survey/answer#ki_abcdefghijklmnopqrstuvwxyz${n}` })) };
for (const width of [390, 1280]) {
  const context = await browser.newContext({ baseURL: server.url, locale: "pl-PL", viewport: { width, height: 900 } });
  await context.route("**/api/v1/**", async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.endsWith("/invitations") && route.request().method() === "POST") return route.fulfill({ status: 201, json: importAnswer });
    const body = answers[url.pathname];
    if (body && !url.pathname.startsWith("/api/v1/keys")) return route.fulfill({ json: body });
    return route.continue();
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.log("pageerror", e.message));
  page.on("console", (m) => m.type() === "error" && console.log("console", m.text()));
  await page.goto("/rounds");
  await page.getByLabel("Klucz API", { exact: true }).fill(admin);
  await page.getByRole("button", { name: "Użyj klucza" }).click();
  await page.getByTestId("round-list").waitFor();
  await page.screenshot({ path: `/tmp/vis/rounds-${width}.png`, fullPage: true });
  console.log("rounds", width, JSON.stringify(await seriousViolations(page)).slice(0, 1500));
  await page.goto(`/rounds/${id}`);
  await page.getByTestId("invitation-list").waitFor();
  await page.getByLabel("Lista klastrów (CSV)").fill("name,region,contact\nA,14,\n");
  await page.getByTestId("invitations-submit").click();
  await page.getByTestId("issued-links").waitFor();
  await page.screenshot({ path: `/tmp/vis/round-${width}.png`, fullPage: true });
  console.log("round", width, JSON.stringify(await seriousViolations(page)).slice(0, 1500));
  if (width === 390) for (const y of [0, 1, 2, 3]) await page.screenshot({ path: `/tmp/vis/round-390-${y}.png`, fullPage: true, clip: { x: 0, y: y * 1100, width: 390, height: 1100 } });
  await page.goto(`/national?round=${id}&compare=${id}`);
  await page.getByTestId("national-needs").waitFor();
  await page.screenshot({ path: `/tmp/vis/national-${width}.png`, fullPage: true });
  console.log("national", width, JSON.stringify(await seriousViolations(page)).slice(0, 1500));
  if (width === 390) for (const y of [0, 1, 2, 3]) await page.screenshot({ path: `/tmp/vis/national-390-${y}.png`, fullPage: true, clip: { x: 0, y: y * 1100, width: 390, height: 1100 } });
  await page.goto(`/rounds/${id}/report`);
  await page.getByTestId("report-method").waitFor();
  await page.screenshot({ path: `/tmp/vis/report-${width}.png`, fullPage: true });
  console.log("report", width, JSON.stringify(await seriousViolations(page)).slice(0, 1500));
  if (width === 1280) {
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", outline: true, tagged: true });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: "/tmp/vis/report-print.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    const { readPdf } = await import("./e2e/helpers/pdf.ts");
    console.log(JSON.stringify(readPdf(pdf)));
    const { writeFileSync } = await import("node:fs");
    writeFileSync("/tmp/vis/report.pdf", pdf);
    await page.emulateMedia({ media: "screen" });
  }
  await page.goto(`/survey/answer#ki_abcdefghijklmnop`);
  await page.getByTestId("invitation").waitFor();
  await page.screenshot({ path: `/tmp/vis/invite-${width}.png`, fullPage: true });
  console.log("invite", width, JSON.stringify(await seriousViolations(page)).slice(0, 1500));
  await context.close();
}
await browser.close();
await server.stop();
removeWorkDir(server.workDir);
