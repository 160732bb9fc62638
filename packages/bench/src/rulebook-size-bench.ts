/**
 * @module
 * The rulebook's size in lines of rule JSON, now and at version 1 (before rule files could lean on
 * the fact catalogue's default reason templates), over the same rule files and over all of them.
 * Version 1 is read from git, so that half needs the repository's history (a clean clone has it).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

/** The last commit whose rule files wrote every reason out in full. */
export const RULEBOOK_V1_COMMIT = "a379e10";

export interface RulebookSizeReport {
  files: number;
  lines: number;
  /** Absent when git or the commit is not available. */
  v1?: { commit: string; files: number; lines: number; sameFilesNowLines: number };
}

const lineCount = (text: string) => text.split("\n").length - (text.endsWith("\n") ? 1 : 0);

function ruleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".rule.json"))
    .map((name) => join(dir, name));
}

function git(repoRoot: string, args: string[]): string {
  return execFileSync("git", args, { cwd: repoRoot, encoding: "utf8", maxBuffer: 64 << 20 });
}

export function runRulebookSizeBench(repoRoot: string): RulebookSizeReport {
  const now = new Map(
    ruleFiles(join(repoRoot, "rules")).map((file) => [
      relative(repoRoot, file),
      lineCount(readFileSync(file, "utf8")),
    ]),
  );
  const report: RulebookSizeReport = {
    files: now.size,
    lines: [...now.values()].reduce((a, b) => a + b, 0),
  };
  try {
    const v1Files = git(repoRoot, ["ls-tree", "-r", "--name-only", RULEBOOK_V1_COMMIT, "rules"])
      .split("\n")
      .filter((name) => name.endsWith(".rule.json"));
    let lines = 0;
    let sameFilesNowLines = 0;
    for (const file of v1Files) {
      lines += lineCount(git(repoRoot, ["show", `${RULEBOOK_V1_COMMIT}:${file}`]));
      sameFilesNowLines += now.get(file) ?? 0;
    }
    report.v1 = { commit: RULEBOOK_V1_COMMIT, files: v1Files.length, lines, sameFilesNowLines };
  } catch {
    // A shallow clone or no git: the current size alone.
  }
  return report;
}

export function formatRulebookSizeReport(report: RulebookSizeReport): string {
  const now = `${report.files} rule files, ${report.lines} lines`;
  if (!report.v1) return `   now: ${now} (version 1 not in this clone's history)`;
  const { v1 } = report;
  const ratio = v1.sameFilesNowLines / v1.lines;
  return [
    `   version 1 (${v1.commit}): ${v1.files} rule files, ${v1.lines} lines`,
    `   now, the same ${v1.files} files: ${v1.sameFilesNowLines} lines (${(ratio * 100).toFixed(0)}% of version 1; target half: ${ratio <= 0.5 ? "met" : "MISSED"})`,
    `   now, all: ${now}`,
  ].join("\n");
}
