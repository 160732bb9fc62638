/**
 * @module
 * The table `npm run bench` prints, with each target of the performance issue marked met or missed.
 */
import type { ApiReport } from "./api-bench.ts";
import type { EngineRow } from "./engine-bench.ts";
import type { ImpactReport } from "./impact-bench.ts";
import type { WebReport } from "./web-bench.ts";

const ms = (value: number) => (value >= 1 ? value.toFixed(2) : value.toFixed(4));
const x = (value: number) => `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}x`;
const mark = (ok: boolean) => (ok ? "met" : "MISSED");

export function printReport(
  report: { impact?: ImpactReport; web?: WebReport | { missing: string } },
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
    console.log("\n3. API (autocannon, loopback, separate process)");
    console.table(
      [a.recommendations, a.trivial].map((r) => ({
        route: `${r.method} ${r.path}`,
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
  if (report.web) {
    if ("missing" in report.web) console.log(`\n4. Web: no build found: ${report.web.missing}`);
    else {
      const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
      console.log(
        `\n4. Web: first page JavaScript ${kb(report.web.rawBytes)} raw, ${kb(report.web.gzipBytes)} gzip (${report.web.files.length} files)`,
      );
      console.log(`   under 80 KB gzip: ${mark(report.web.gzipBytes < 80 * 1024)}`);
    }
  }
}
