/**
 * @module
 * The table `npm run bench` prints, with each target of the performance issue marked met or missed.
 */
import type { ApiReport } from "./api-bench.ts";
import type { CompressionRow } from "./compression-bench.ts";
import type { EngineRow } from "./engine-bench.ts";
import type { ImpactReport } from "./impact-bench.ts";
import type { StartupFigures, StartupReport } from "./startup-bench.ts";
import { FIRST_PAGE_JS_BUDGET_BYTES, type WebReport } from "./web-bench.ts";
import type { WebPagesReport } from "./web-pages-bench.ts";

const ms = (value: number) => (value >= 1 ? value.toFixed(2) : value.toFixed(4));
const x = (value: number) => `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}x`;
const mark = (ok: boolean) => (ok ? "met" : "MISSED");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function printReport(
  report: {
    impact?: ImpactReport;
    startup?: StartupReport;
    compression?: CompressionRow[];
    web?: WebReport | { missing: string };
    webPages?: WebPagesReport;
  },
  parts: { engine?: EngineRow[]; api?: ApiReport },
): void {
  if (parts.engine) {
    console.log(
      "\n1. Engine: ms per assessment (verdicts; full = ranked recommendations with reasons)",
    );
    console.table(
      parts.engine.map((row) => ({
        rulebook: row.rulebook,
        rules: row.rules,
        "json-rules-engine": ms(row.jsonRulesEngine.msPerOp),
        compiled: ms(row.compiledVerdicts.msPerOp),
        "hand-written": row.handWritten ? ms(row.handWritten.msPerOp) : "-",
        "jre / compiled": x(row.jsonRulesEngine.msPerOp / row.compiledVerdicts.msPerOp),
        "compiled / hand": row.handWritten
          ? x(row.compiledVerdicts.msPerOp / row.handWritten.msPerOp)
          : "-",
        "full compiled": ms(row.compiledFull.msPerOp),
        "full reference": ms(row.referenceFull.msPerOp),
        "full ref / compiled": x(row.referenceFull.msPerOp / row.compiledFull.msPerOp),
      })),
    );
    for (const row of parts.engine) {
      const speedup = row.jsonRulesEngine.msPerOp / row.compiledVerdicts.msPerOp;
      const line = [
        `${row.rulebook}: >= 100x faster than json-rules-engine: ${mark(speedup >= 100)} (${x(speedup)})`,
      ];
      if (row.handWritten) {
        const slower = row.compiledVerdicts.msPerOp / row.handWritten.msPerOp;
        line.push(`within 3x of hand-written: ${mark(slower <= 3)} (${x(slower)})`);
      }
      console.log(`   ${line.join("; ")}`);
    }
  }
  if (report.impact) {
    const i = report.impact;
    console.log(
      `\n2. Impact: ${i.assessments} assessments x ${i.rules} rules, candidate changes ${i.changedRules} rules`,
    );
    console.log(
      `   impact ${ms(i.impactTotalMs)} ms total, ${ms(i.impactMsPerAssessment)} ms per assessment; ${i.clustersWithChanges} assessments changed, ${i.verdictChanges} verdict changes`,
    );
    console.log(
      `   naive (both rulebooks in full) ${ms(i.naiveTotalMs)} ms; hand-written ${i.assessments} evaluations ${ms(i.handWrittenTotalMs)} ms`,
    );
    console.log(
      `   within 3x of hand-written: ${mark(i.ratioImpactToHandWritten <= 3)} (${x(i.ratioImpactToHandWritten)})`,
    );
  }
  if (parts.api) {
    const a = parts.api;
    console.log(
      `\n3. API (autocannon, ${a.connections} connections, loopback, the production build in a separate process)`,
    );
    console.table(
      [a.recommendations, a.trivial, a.recommendationsCompressed].map((r) => ({
        route: `${r.method} ${r.path}${r === a.recommendationsCompressed ? " (Accept-Encoding: br)" : ""}`,
        "req/s": r.requestsPerSecond.toFixed(0),
        "p50 ms": r.latencyP50Ms,
        "p99 ms": r.latencyP99Ms,
        requests: r.requests,
        errors: r.errors,
        non2xx: r.non2xx,
      })),
    );
    const errors = a.recommendations.errors + a.recommendations.non2xx;
    console.log(
      `   recommendations at >= 40% of trivial throughput with no errors: ${mark(a.throughputRatio >= 0.4 && errors === 0)} (${(a.throughputRatio * 100).toFixed(0)}%, ${errors} errors)`,
    );
    console.log(
      `\n5. Memory: server RSS ${a.memory.rssMbAtStart} MB at start, ${a.memory.rssMbAfterLoad} MB after load`,
    );
  }
  if (report.compression) {
    console.log("\n3b. Compression: one answer's body on the wire");
    console.table(
      report.compression.map((r) => ({
        request: r.request,
        plain: kb(r.plainBytes),
        br: kb(r.brBytes),
        gzip: kb(r.gzipBytes),
        "plain / br": x(r.brRatio),
        "plain / gzip": x(r.gzipRatio),
      })),
    );
  }
  if (report.web) {
    if ("missing" in report.web) console.log(`\n4. Web: no build found: ${report.web.missing}`);
    else {
      const w = report.web;
      console.log(
        `\n4. Web: first page JavaScript in the build ${kb(w.rawBytes)} raw, ${kb(w.brBytes)} br, ${kb(w.gzipBytes)} gzip (${w.files.length} files; ${w.precompressed ? "compressed at build time" : "NOT precompressed"})`,
      );
    }
  }
  if (report.webPages) {
    if ("skipped" in report.webPages)
      console.log(`\n4b. Web pages: skipped (${report.webPages.skipped})`);
    else {
      console.log(
        "\n4b. Web pages: bytes transferred on a first visit (Chromium, empty cache, bodies as sent)",
      );
      console.table(
        report.webPages.pages.map((p) => ({
          page: p.page,
          requests: p.requests,
          JS: kb(p.scriptBytes),
          CSS: kb(p.styleBytes),
          HTML: kb(p.documentBytes),
          API: kb(p.apiBytes),
          other: kb(p.otherBytes),
          total: kb(p.totalBytes),
          headers: kb(p.headerBytes),
        })),
      );
      const home = report.webPages.pages.find((p) => p.page === "/");
      if (home)
        console.log(
          `   first page under ${kb(FIRST_PAGE_JS_BUDGET_BYTES)} of compressed JavaScript: ${mark(home.scriptBytes < FIRST_PAGE_JS_BUDGET_BYTES)} (${kb(home.scriptBytes)})`,
        );
    }
  }
  if (report.startup) {
    const { built, source, runs } = report.startup;
    console.log(
      `\n5b. Start-up and memory: process start until /livez answers, median of ${runs} (first start on a new database / restart), RSS then`,
    );
    const rows: [string, StartupFigures][] = [
      ["built JavaScript (node apps/api/dist/main.js, npm start)", built],
      ["TypeScript through tsx (npm start before)", source],
    ];
    console.table(
      rows.map(([runtime, f]) => ({
        runtime,
        "first start ms": f.firstStartMs,
        "restart ms": f.restartMs,
        "RSS MB": f.rssMbAtReady,
      })),
    );
  }
}
