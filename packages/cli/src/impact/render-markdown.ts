/**
 * @module
 * The impact report for a pull request: the summary sentence first, then the instruments and
 * rules as tables, with regions, clusters and full rule texts collapsed in `<details>`. Rows of
 * clusters stop at `limit`, so the comment stays within what a code host accepts.
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

/** Inline code that survives any text: backticks inside are doubled around, pipes escaped. */
const code = (text: string) => {
  const fence = text.includes("`") ? "``" : "`";
  return `${fence}${text.replaceAll("|", "\\|")}${fence}`;
};
const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
const row = (cells: string[]) => `| ${cells.join(" | ")} |`;

function details(summary: string, body: string[]): string[] {
  return ["<details>", `<summary>${summary}</summary>`, "", ...body, "", "</details>"];
}

export function renderMarkdown(report: RulebookImpact, language: Language, limit: number): string {
  const w = WORDS[language];
  const lines = [
    `### ${w.title}: ${report.after.label} ${w.against} ${report.before.label}`,
    "",
    `**${summarySentence(report, language)}.**`,
    "",
    `${populationText(report, language)}; ${rulesText(report, language)}. Rulebook ${code(report.before.version)} -> ${code(report.after.version)}.`,
  ];
  if (!report.summary.changed) return [...lines, "", w.noChange, ""].join("\n");

  const changed = report.instruments.filter((i) => i.clusters > 0);
  const idle = report.instruments.filter((i) => i.clusters === 0);
  if (changed.length > 0) {
    lines.push(
      "",
      row([w.instrument, w.clusters, w.eligible, w.nearMiss, w.unknown, w.cause]),
      "|---|--:|--:|--:|--:|---|",
    );
    for (const i of changed) {
      const causes = i.causes
        .slice(0, 3)
        .map((c) => `${causeText(c, language, code)} (${n(c.clusters, language)})`)
        .join("<br>");
      lines.push(
        row([
          `${cell(i.instrumentName[language])} ${code(i.instrumentId)}`,
          n(i.clusters, language),
          plusMinus(i.gained, i.lost, "eligible", language),
          plusMinus(i.gained, i.lost, "nearMiss", language),
          plusMinus(i.gained, i.lost, "unknown", language),
          causes || "—",
        ]),
      );
    }
  }

  if (idle.length > 0)
    lines.push("", `${w.withoutEffect}: ${idle.map((i) => code(i.instrumentId)).join(", ")}.`);

  lines.push("", row([w.rule, w.change, w.conditions]), "|---|---|---|");
  for (const rule of report.rules) {
    const parts = [
      ...rule.fields.map((f) => `${f.field}: ${code(f.before)} -> ${code(f.after)}`),
      ...rule.conditions.map(
        (c) =>
          `${code(c.condition)}: ${
            c.change === "moved" ? `${c.before} -> ${c.after}` : changeText(c.before, c.after, code)
          }`,
      ),
      ...(rule.reasonsChanged ? [w.reasonsChanged] : []),
    ];
    lines.push(
      row([
        `${code(rule.ruleId)}<br>${cell(rule.file.after ?? rule.file.before ?? "")}`,
        ruleChangeText(rule.change, language),
        parts.join("<br>") || "—",
      ]),
    );
  }

  const regions = [
    row([w.region, w.clusters, w.changed, w.gain, w.lose]),
    "|---|--:|--:|--:|--:|",
    ...report.regions.map((r) =>
      row([
        `${r.region} ${r.regionName[language]}`,
        n(r.clusters, language),
        n(r.changed, language),
        n(r.clustersGaining, language),
        n(r.clustersLosing, language),
      ]),
    ),
  ];
  lines.push("", ...details(w.regions, regions));

  const clusters = [
    row([w.cluster, w.region, w.instrument, w.before, w.after, w.cause]),
    "|---|---|---|---|---|---|",
  ];
  for (const cluster of report.clusters.slice(0, limit)) {
    for (const change of cluster.changes) {
      clusters.push(
        row([
          cell(cluster.name),
          cluster.region,
          code(change.instrumentId),
          standingText(change.standingBefore, language),
          standingText(change.standingAfter, language),
          change.causes.map((c) => causeText(c, language, code)).join("<br>") || "—",
        ]),
      );
    }
  }
  if (report.clusters.length > limit)
    clusters.push("", w.more(n(report.clusters.length - limit, language)));
  lines.push(
    "",
    ...details(`${w.clustersThatChange} (${n(report.clusters.length, language)})`, clusters),
  );

  const added = report.rules.filter((r) => r.conditionText.length > 0);
  if (added.length > 0) {
    const body = added.flatMap((rule) => [
      `${code(rule.ruleId)} (${ruleChangeText(rule.change, language)})`,
      "",
      "```",
      ...rule.conditionText,
      "```",
      "",
    ]);
    lines.push("", ...details(w.rulesChanged, body));
  }
  return `${lines.join("\n")}\n`;
}
