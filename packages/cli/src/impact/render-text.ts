/**
 * @module
 * The impact report for a terminal: the summary first, then rules, instruments with the
 * conditions that made the difference, regions and the clusters that change (up to `limit`).
 */
import type { Language } from "@klastry/domain";
import type { RulebookImpact } from "@klastry/rules-engine";
import {
  causeText,
  changeText,
  n,
  plusMinus,
  populationText,
  ruleChangeText,
  rulesText,
  standingText,
  summarySentence,
  WORDS,
} from "./report-words.ts";

const MARK = { added: "+", removed: "-", changed: "~" } as const;

export function renderText(report: RulebookImpact, language: Language, limit: number): string {
  const w = WORDS[language];
  const lines = [
    `${w.title}: ${report.after.label} (${report.after.version}) ${w.against} ${report.before.label} (${report.before.version})`,
    summarySentence(report, language),
    populationText(report, language),
    rulesText(report, language),
  ];
  if (!report.summary.changed) return [...lines, "", w.noChange].join("\n");

  lines.push("", `${w.rulesChanged}:`);
  for (const rule of report.rules) {
    const file = rule.file.after ?? rule.file.before ?? "";
    lines.push(
      `  ${MARK[rule.change]} ${rule.ruleId} (${file}): ${ruleChangeText(rule.change, language)}`,
    );
    for (const field of rule.fields)
      lines.push(`      ${field.field}: ${field.before} -> ${field.after}`);
    for (const c of rule.conditions)
      lines.push(
        `      ${c.condition}: ${c.change === "moved" ? `${c.before} -> ${c.after}` : changeText(c.before, c.after)}`,
      );
    for (const line of rule.conditionText) lines.push(`      ${line}`);
    if (rule.reasonsChanged) lines.push(`      (${w.reasonsChanged})`);
  }

  const [changed, idle] = [
    report.instruments.filter((i) => i.clusters > 0),
    report.instruments.filter((i) => i.clusters === 0),
  ];
  if (changed.length > 0) lines.push("", `${w.instruments}:`);
  for (const i of changed) {
    lines.push(`  ${i.instrumentId}: ${i.instrumentName[language]}`);
    lines.push(
      `    ${w.clusters}: ${n(i.clusters, language)}; ${w.eligible.toLowerCase()} ${plusMinus(i.gained, i.lost, "eligible", language)}, ${w.nearMiss.toLowerCase()} ${plusMinus(i.gained, i.lost, "nearMiss", language)}, ${w.unknown.toLowerCase()} ${plusMinus(i.gained, i.lost, "unknown", language)}`,
    );
    for (const cause of i.causes)
      lines.push(`    ${n(cause.clusters, language)} x ${causeText(cause, language)}`);
  }

  if (idle.length > 0)
    lines.push("", `${w.withoutEffect}: ${idle.map((i) => i.instrumentId).join(", ")}`);

  lines.push("", `${w.regions}:`);
  for (const r of report.regions) {
    lines.push(
      `  ${r.region} ${r.regionName[language].padEnd(20)} ${w.clusters.toLowerCase()} ${n(r.clusters, language)}, ${w.changed.toLowerCase()} ${n(r.changed, language)}: ${w.gain.toLowerCase()} ${n(r.clustersGaining, language)}, ${w.lose.toLowerCase()} ${n(r.clustersLosing, language)}`,
    );
  }

  lines.push("", `${w.clustersThatChange} (${n(report.clusters.length, language)}):`);
  for (const cluster of report.clusters.slice(0, limit)) {
    lines.push(`  ${cluster.name} (${cluster.region}, ${cluster.source})`);
    for (const change of cluster.changes) {
      lines.push(
        `    ${change.instrumentId}: ${standingText(change.standingBefore, language)} -> ${standingText(change.standingAfter, language)}`,
      );
      for (const cause of change.causes) lines.push(`      ${causeText(cause, language)}`);
    }
  }
  if (report.clusters.length > limit)
    lines.push(`  ${w.more(n(report.clusters.length - limit, language))}`);
  return lines.join("\n");
}
