/**
 * @module
 * Builders with defaults for tests of rules and of code that uses the rules engine:
 * `buildRuleFile({ conditions })`, `writeRulebook(dir, files)`. Instruments and
 * assessments come from `@klastry/domain/testing`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isLeaf, type Condition, type ConditionReason, type RuleFile } from "../rule-file.ts";

/** Reasons for every named leaf of a condition tree, "<name> ok ({actual})" / "<name> missing". */
function defaultReasons(conditions: Condition): Record<string, ConditionReason> {
  const out: Record<string, ConditionReason> = {};
  const walk = (c: Condition) => {
    // Tolerates malformed trees, so tests can build invalid rules to check validation.
    if (c === null || typeof c !== "object") return;
    if (isLeaf(c)) {
      if (c.name !== undefined) {
        out[c.name] = {
          pass: { pl: `${c.name}: spełnione ({actual})`, en: `${c.name}: met ({actual})` },
          fail: {
            pl: `${c.name}: wymagane {required}, jest {actual}`,
            en: `${c.name}: requires {required}, you have {actual}`,
          },
        };
      }
      return;
    }
    if ("not" in c) return walk(c.not);
    const children: unknown = "all" in c ? c.all : "any" in c ? c.any : [];
    if (Array.isArray(children)) children.forEach(walk);
  };
  walk(conditions);
  return out;
}

/**
 * A rule file with defaults: id "test-rule", instrument "test-instrument", weight 10, a single
 * always-known condition, reasons generated for every named leaf unless given.
 */
export function buildRuleFile(overrides: Partial<RuleFile> = {}): RuleFile {
  const instrument = overrides.instrument ?? "test-instrument";
  const conditions = overrides.conditions ?? {
    all: [{ name: "in-silesia", fact: "region", operator: "equal", value: "24" }],
  };
  return {
    id: "test-rule",
    weight: 10,
    source: "https://example.org/rule-source",
    event: { type: "recommend", params: { instrument } },
    ...overrides,
    instrument,
    conditions,
    reasons: overrides.reasons ?? defaultReasons(conditions),
  };
}

/**
 * Writes rule files under `dir`: keys are paths relative to it (`finance/a.rule.json`), values a
 * rule object or raw text (to test unreadable files).
 */
export function writeRulebook(
  dir: string,
  files: Record<string, RuleFile | string | Record<string, unknown>>,
): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(
      full,
      typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`,
    );
  }
}

export { fixtureKnowledge, FIXTURE_RULES_DIR } from "./fixture-knowledge.ts";
