/**
 * @module
 * `npm run bench`: every benchmark side by side in one run, a table on stdout and the figures as
 * JSON in <repo>/bench-results/ (latest.json plus a dated copy). Ratios, not absolute times, are
 * what the targets speak of: the machines are shared and noisy.
 * `npm run bench -w @klastry/bench -- api,web` runs only the sections named.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildAssessment } from "@klastry/domain/testing";
import { repoRoot } from "@klastry/e2e/support";
import { runApiBench, startBenchServer, type ApiReport } from "./api-bench.ts";
import {
  printCliImpactReport,
  runCliImpactBench,
  type CliImpactReport,
} from "./cli-impact-bench.ts";
import { runCompressionBench } from "./compression-bench.ts";
import { runEngineBench, type EngineRow } from "./engine-bench.ts";
import { runImpactBench } from "./impact-bench.ts";
import { runStartupBench } from "./startup-bench.ts";
import { runWebBench } from "./web-bench.ts";
import { runWebPagesBench } from "./web-pages-bench.ts";
import { formatSoakReport, runSoak } from "./soak.ts";
import { formatHistoryAttackReport, runHistoryAttackBench } from "./history-attack-bench.ts";
import { formatHeapSoakReport, runHeapSoak } from "./heap-soak.ts";
import { printReport } from "./print-report.ts";
import { formatRulebookSizeReport, runRulebookSizeBench } from "./rulebook-size-bench.ts";
import { formatRegionReport, runRegionBench } from "./region-bench.ts";
import { runSurveyBench } from "./survey-bench.ts";

// The 10-minute heap soak is not in the default run: `npm run soak`, or the section
// "heap-soak" with `--soak-minutes N`.
const sections = new Set(
  (process.argv[2]?.startsWith("--") === false
    ? process.argv[2]
    : "engine,impact,cli-impact,rulebook,startup,api,compression,web,soak,history,region,survey"
  ).split(","),
);
const soakMinutesAt = process.argv.indexOf("--soak-minutes");
const soakMinutes = soakMinutesAt > 0 ? Number(process.argv[soakMinutesAt + 1]) : 10;
if (soakMinutesAt > 0) sections.add("heap-soak");

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
if (sections.has("rulebook")) report.rulebook = runRulebookSizeBench(repoRoot);
if (sections.has("startup")) report.startup = await runStartupBench();
if (sections.has("web")) report.web = runWebBench(join(repoRoot, "apps/web/dist"));
if (sections.has("api")) report.api = api = await runApiBench();
if (sections.has("compression") || sections.has("web")) {
  const server = await startBenchServer();
  try {
    if (sections.has("compression"))
      report.compression = await runCompressionBench(server.url, JSON.stringify(buildAssessment()));
    if (sections.has("web")) report.webPages = await runWebPagesBench(server);
  } finally {
    await server.stop();
  }
}
if (sections.has("soak")) report.soak = await runSoak();
if (sections.has("history"))
  report.history = await runHistoryAttackBench({ log: (line) => console.log(line) });
if (sections.has("region"))
  report.region = await runRegionBench({ log: (line) => console.log(line) });
if (sections.has("survey")) report.survey = await runSurveyBench((line) => console.log(line));
if (sections.has("heap-soak"))
  report.heapSoak = await runHeapSoak({ minutes: soakMinutes, log: (line) => console.log(line) });

const out = join(repoRoot, "bench-results");
mkdirSync(out, { recursive: true });
const text = `${JSON.stringify(report, null, 2)}\n`;
writeFileSync(join(out, "latest.json"), text);
writeFileSync(join(out, `bench-${String(report.startedAt).replaceAll(":", "-")}.json`), text);
printReport(report, { engine, api });
if (cliImpact) printCliImpactReport(cliImpact);
if (report.soak)
  console.log(
    `\n6. Load soak\n${formatSoakReport(report.soak as Awaited<ReturnType<typeof runSoak>>)}`,
  );
if (report.history)
  console.log(
    `\n7. Cluster history under a made-up token\n${formatHistoryAttackReport(report.history as Awaited<ReturnType<typeof runHistoryAttackBench>>)}`,
  );
if (report.heapSoak)
  console.log(
    `\n8. Heap soak\n${formatHeapSoakReport(report.heapSoak as Awaited<ReturnType<typeof runHeapSoak>>)}`,
  );
if (report.rulebook)
  console.log(
    `\n9. Rulebook size (lines of rule JSON)\n${formatRulebookSizeReport(report.rulebook as ReturnType<typeof runRulebookSizeBench>)}`,
  );
if (report.region)
  console.log(
    `\n10. Region routes at 1,000 / 10,000 / 100,000 stored assessments\n${formatRegionReport(report.region as Awaited<ReturnType<typeof runRegionBench>>)}`,
  );
console.log(`\nJSON: ${join(out, "latest.json")}`);
