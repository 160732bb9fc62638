/**
 * @module
 * Section 7 of `npm run bench`: `klastry rules impact` as a user runs it, timed as a whole child
 * process (start-up, loading the knowledge base and both rulebooks, generating the population,
 * the comparison, the JSON report): 10,000 generated assessments x the whole shipped rulebook.
 * The other side is a copy of rules/ where every rule's weight moved by one (so every instrument
 * differs and the whole rulebook is evaluated on both sides) and the KKK status threshold is
 * lowered from 51 to 40 members (so there are real gains, with their conditions, to report).
 * The same command with no generated assessments gives the fixed cost.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "@klastry/e2e/support";
import { median } from "./measure.ts";

export interface CliImpactReport {
  assessments: number;
  rules: number;
  runs: number;
  /** Median wall time of the whole command, 10,000 generated assessments. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Median wall time with no generated assessments (start-up, loading, the samples only). */
  fixedMs: number;
  /** (medianMs - fixedMs) / assessments. */
  msPerAssessment: number;
  clustersChanged: number;
  clustersGaining: number;
  clustersLosing: number;
}

/** A copy of rules/ with every weight moved by one and the KKK threshold at 40. */
function changedRules(): { dir: string; rules: number } {
  const dir = mkdtempSync(join(tmpdir(), "klastry-bench-rules-"));
  cpSync(join(repoRoot, "rules"), dir, {
    recursive: true,
    filter: (source) => !source.includes("node_modules"),
  });
  let rules = 0;
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".rule.json")) {
        const rule = JSON.parse(readFileSync(path, "utf8")) as { id: string; weight: number };
        rule.weight = rule.weight >= 100 ? rule.weight - 1 : rule.weight + 1;
        let text = JSON.stringify(rule, null, 2);
        if (rule.id === "kkk-status") text = text.replace('"value": 51', '"value": 40');
        writeFileSync(path, `${text}\n`);
        rules++;
      }
    }
  };
  walk(dir);
  return { dir, rules };
}

function timeCommand(args: string[]): { ms: number; stdout: string } {
  const start = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    [join(repoRoot, "packages/cli/bin/klastry.js"), "rules", "impact", ...args],
    { cwd: repoRoot, encoding: "utf8", maxBuffer: 1 << 30 },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // 0 unchanged, 1 changed: both are answers; anything else is a failure of the bench.
  if (child.status !== 0 && child.status !== 1)
    throw new Error(`klastry rules impact exited ${child.status}: ${child.stderr}`);
  return { ms, stdout: child.stdout };
}

export function runCliImpactBench(
  options: { assessments?: number; runs?: number } = {},
): CliImpactReport {
  const assessments = options.assessments ?? 10_000;
  const runs = options.runs ?? 3;
  const { dir, rules } = changedRules();
  try {
    const common = ["--against", dir, "--assessments", "none", "--date", "2021-07-01"];
    const fixed = [0, 1, 2].map(() => timeCommand([...common, "--generated", "0"]).ms);
    const timed = Array.from({ length: runs }, () =>
      timeCommand([...common, "--generated", String(assessments), "--format", "json"]),
    );
    const summary = (
      JSON.parse((timed[0] as { stdout: string }).stdout) as {
        summary: { clustersChanged: number; clustersGaining: number; clustersLosing: number };
      }
    ).summary;
    const times = timed.map((t) => t.ms);
    const medianMs = median(times);
    const fixedMs = median(fixed);
    return {
      assessments,
      rules,
      runs,
      medianMs,
      minMs: Math.min(...times),
      maxMs: Math.max(...times),
      fixedMs,
      msPerAssessment: (medianMs - fixedMs) / assessments,
      clustersChanged: summary.clustersChanged,
      clustersGaining: summary.clustersGaining,
      clustersLosing: summary.clustersLosing,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printCliImpactReport(r: CliImpactReport): void {
  console.log(
    `\n7. klastry rules impact (whole command, child process): ${r.assessments} generated assessments x ${r.rules} rules, every rule changed`,
  );
  console.log(
    `   median ${(r.medianMs / 1000).toFixed(2)} s (min ${(r.minMs / 1000).toFixed(2)}, max ${(r.maxMs / 1000).toFixed(2)}, ${r.runs} runs); fixed cost ${(r.fixedMs / 1000).toFixed(2)} s; ${r.msPerAssessment.toFixed(3)} ms per assessment`,
  );
  console.log(
    `   ${r.clustersChanged} assessments changed, ${r.clustersGaining} gain an instrument`,
  );
}
