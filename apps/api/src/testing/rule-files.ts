/**
 * @module
 * Tiny rule files over the db package's fictional test knowledge base (`buildKnowledgeBase`),
 * written to a temp folder, so API tests do not depend on the real rulebook's contents.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const text = (pl: string, en: string) => ({ pl, en });

/** A rule recommending `instrument` to clusters seated in one of `regions`. */
export function regionRule(
  id: string,
  instrument: string,
  regions: string[],
): Record<string, unknown> {
  return {
    id,
    instrument,
    weight: 50,
    source: "https://example.org/klastry-test-rule",
    conditions: {
      all: [{ name: "seat-in-region", fact: "region", operator: "in", value: regions }],
    },
    event: { type: "recommend", params: { instrument } },
    reasons: {
      "seat-in-region": {
        pass: text(
          "Siedziba klastra w obsługiwanym województwie",
          "The cluster's seat is in a served region",
        ),
        fail: text(
          "Siedziba klastra poza obsługiwanymi województwami",
          "The cluster's seat is outside the served regions",
        ),
      },
    },
  };
}

/** The default test rulebook: the Łódź grant for region 10, the export loan for 02, 10 and 14. */
export function defaultRules(): Record<string, Record<string, unknown>> {
  return {
    "grants/test-cluster-grant-lodz.rule.json": regionRule(
      "test-cluster-grant-lodz",
      "test-cluster-grant",
      ["10"],
    ),
    "finance/test-export-loan-regions.rule.json": regionRule(
      "test-export-loan-regions",
      "test-export-loan",
      ["02", "10", "14"],
    ),
  };
}

export function writeRuleFile(dir: string, file: string, content: unknown): void {
  const full = join(dir, file);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(
    full,
    typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`,
  );
}

/** A fresh rules folder with `rules` (default: `defaultRules()`); remove it with `dispose`. */
export function makeRulesDir(rules: Record<string, unknown> = defaultRules()): {
  dir: string;
  dispose: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), "klastry-api-rules-"));
  for (const [file, content] of Object.entries(rules)) writeRuleFile(dir, file, content);
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
