/**
 * @module
 * `npm run bench`: every benchmark side by side in one run, a table on stdout and the figures as
 * JSON in <repo>/bench-results/ (latest.json plus a dated copy). Ratios, not absolute times, are
 * what the targets speak of: the machines are shared and noisy.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@klastry/e2e/support";
import { runApiBench, type ApiReport } from "./api-bench.ts";
import {
  printCliImpactReport,
  runCliImpactBench,
  type CliImpactReport,
} from "./cli-impact-bench.ts";
import { runEngineBench, type EngineRow } from "./engine-bench.ts";
import { runImpactBench } from "./impact-bench.ts";
import { runWebBench } from "./web-bench.ts";
import { formatSoakReport, runSoak } from "./soak.ts";
import { printReport } from "./print-report.ts";

const sections = new Set((process.argv[2] ?? "engine,impact,cli-impact,api,web,soak").split(","));

const report: Record<string, unknown> = {
  startedAt: new Date().toISOString(),
  node: process.version,
};
let engine: EngineRow[] | undefined;
let api: ApiReport | undefined;

if (sections.has("engine"))
  report.engine = engine = await runEngineBench({ rulesDir: join(repoRoot, "rules") });
if (sections.has("impact")) report.impact = runImpactBench();
let cliImpact: CliImpactReport | undefined;
if (sections.has("cli-impact")) report.cliImpact = cliImpact = runCliImpactBench();
if (sections.has("web")) report.web = runWebBench(join(repoRoot, "apps/web/dist"));
if (sections.has("api")) report.api = api = await runApiBench();
if (sections.has("soak")) report.soak = await runSoak();

const out = join(repoRoot, "bench-results");
mkdirSync(out, { recursive: true });
const text = `${JSON.stringify(report, null, 2)}\n`;
writeFileSync(join(out, "latest.json"), text);
writeFileSync(join(out, `bench-${String(report.startedAt).replaceAll(":", "-")}.json`), text);
printReport(report as never, { engine, api });
if (cliImpact) printCliImpactReport(cliImpact);
if (report.soak)
  console.log(
    `\n6. Load soak\n${formatSoakReport(report.soak as Awaited<ReturnType<typeof runSoak>>)}`,
  );
console.log(`\nJSON: ${join(out, "latest.json")}`);
