/**
 * @module
 * Runs axe-core inside the page (its source evaluated in the page) against WCAG 2.1 A and AA,
 * and keeps the serious and critical violations, written out so a failure names each one.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** The serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, not added as an inline <script>: the server's
  // Content-Security-Policy refuses inline scripts, as it should.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    type AxeNode = { target: unknown[]; failureSummary?: string };
    type AxeViolation = { id: string; impact?: string | null; help: string; nodes: AxeNode[] };
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? "unknown",
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target.join(" "),
        summary: node.failureSummary ?? "",
      })),
    }));
  }, WCAG_21_AA);
  return violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
}

/** One readable block per page: rule, impact, help, and each offending element. */
export function describeViolations(where: string, violations: readonly Violation[]): string {
  if (violations.length === 0) return `${where}: none`;
  return [
    `${where}:`,
    ...violations.flatMap((violation) => [
      `  ${violation.id} (${violation.impact}): ${violation.help}`,
      ...violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target}\n      ${node.summary.replace(/\n/g, "\n      ")}`),
      ...(violation.nodes.length > 5 ? [`    … and ${violation.nodes.length - 5} more`] : []),
    ]),
  ].join("\n");
}

/** Scans the page and records the outcome under `where` in `report`. */
export async function scanInto(
  report: Map<string, Violation[]>,
  where: string,
  page: Page,
): Promise<void> {
  report.set(where, await seriousViolations(page));
}

/** The failure message for a report: every page with its violations, or "" when all are clean. */
export function failures(report: Map<string, Violation[]>): string {
  const bad = [...report].filter(([, violations]) => violations.length > 0);
  return bad.map(([where, violations]) => describeViolations(where, violations)).join("\n\n");
}
