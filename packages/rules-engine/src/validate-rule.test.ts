import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatRuleIssues, RuleFileError } from "./errors.ts";
import { loadRulebook, validateRulebook } from "./load-rulebook.ts";
import type { RuleFile } from "./rule-file.ts";
import { buildInstrument } from "@klastry/domain/testing";
import { buildRuleFile, writeRulebook } from "./testing/index.ts";
import { validateRuleSources, type ValidateOptions } from "./validate-rule.ts";

const knowledge = {
  instruments: [
    buildInstrument({ id: "test-instrument" }),
    buildInstrument({ id: "other-instrument" }),
  ],
};
const options: ValidateOptions = { knowledge, today: "2025-03-01" };

/** Validates one rule object as `<area>/<id>.rule.json` and returns its issues. */
function issuesOf(rule: unknown, file = "area/test-rule.rule.json", language: "pl" | "en" = "en") {
  return validateRuleSources([{ file, text: JSON.stringify(rule) }], { ...options, language })
    .issues;
}

function leaf(extra: Record<string, unknown>) {
  return buildRuleFile({
    conditions: {
      all: [
        { name: "c", fact: "memberCount", operator: "greaterThanInclusive", value: 15, ...extra },
      ],
    } as RuleFile["conditions"],
  });
}

describe("validateRuleSources", () => {
  it("accepts a valid rule file", () => {
    expect(issuesOf(buildRuleFile())).toEqual([]);
  });

  it("reports an unreadable file", () => {
    const [issue] = validateRuleSources(
      [{ file: "a/test-rule.rule.json", text: "{ nope" }],
      options,
    ).issues;
    expect(issue).toMatchObject({
      file: "a/test-rule.rule.json",
      pointer: "",
      code: "RULE_FILE_UNREADABLE",
    });
  });

  it("reports a schema violation at its place, inside nested conditions", () => {
    const rule = buildRuleFile({
      conditions: {
        all: [{ any: [{ name: "x", fact: "region", operator: "equal", value: "24", extra: 1 }] }],
      } as never,
    });
    const issues = issuesOf(rule);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: "RULE_SCHEMA_INVALID",
      pointer: "/conditions/all/0/any/0",
    });
    expect(issues[0]?.message).toContain("unknown field(s): extra");
  });

  it("reports a missing required field of the file", () => {
    const { weight: _weight, ...rule } = buildRuleFile();
    expect(issuesOf(rule)[0]).toMatchObject({ code: "RULE_SCHEMA_INVALID", pointer: "/weight" });
  });

  it("reports an unknown fact with the nearest known name", () => {
    const [issue] = issuesOf(leaf({ fact: "memberCnt" }));
    expect(issue).toMatchObject({
      file: "area/test-rule.rule.json",
      pointer: "/conditions/all/0/fact",
      code: "UNKNOWN_FACT",
      suggestion: "memberCount",
    });
    expect(issue?.message).toBe(
      'unknown fact "memberCnt"; did you mean "memberCount"?; known facts: see "klastry facts list"',
    );
    expect(issue?.path).toBe("conditions.all[0].fact");
    expect(formatRuleIssues(issue ? [issue] : [])).toBe(
      'area/test-rule.rule.json: conditions.all[0].fact: unknown fact "memberCnt"; did you mean "memberCount"?; known facts: see "klastry facts list"',
    );
  });

  it("reports an unknown fact in Polish", () => {
    const [issue] = issuesOf(leaf({ fact: "memberCnt" }), undefined, "pl");
    expect(issue?.message).toBe(
      "nieznany fakt „memberCnt”; czy chodziło o „memberCount”?; znane fakty: zob. „klastry facts list”",
    );
  });

  it("reports an unknown path with the allowed paths and a suggestion", () => {
    const [issue] = issuesOf(
      leaf({ fact: "cluster", path: "$.kkk.hold", operator: "equal", value: true }),
    );
    expect(issue).toMatchObject({
      pointer: "/conditions/all/0/path",
      code: "UNKNOWN_PATH",
      suggestion: "$.kkk.holds",
    });
    expect(issue?.allowed).toContain("$.supraRegionalGrowthCluster");
  });

  it("rejects a path outside the supported JSONPath subset", () => {
    const [issue] = issuesOf(
      leaf({ fact: "cluster", path: "$..region", operator: "equal", value: "24" }),
    );
    expect(issue).toMatchObject({ pointer: "/conditions/all/0/path", code: "UNKNOWN_PATH" });
  });

  it("requires a path on an object fact", () => {
    const [issue] = issuesOf(leaf({ fact: "profile", operator: "equal", value: null }));
    expect(issue).toMatchObject({ pointer: "/conditions/all/0", code: "PATH_REQUIRED" });
    expect(issue?.allowed).toContain("$.members.sme");
  });

  it("reports an unknown operator and lists the allowed ones", () => {
    const [issue] = issuesOf(leaf({ operator: "greaterThanOrEqual" }));
    expect(issue).toMatchObject({
      pointer: "/conditions/all/0/operator",
      code: "UNKNOWN_OPERATOR",
    });
    expect(issue?.allowed).toContain("greaterThanInclusive");
    expect(issue?.message).toContain("allowed: equal, notEqual");
  });

  it("reports an operator that does not apply to the fact's type", () => {
    const [issue] = issuesOf(leaf({ fact: "kkkValidOnDate", operator: "greaterThan", value: 1 }));
    expect(issue).toMatchObject({
      pointer: "/conditions/all/0/operator",
      code: "OPERATOR_NOT_APPLICABLE",
    });
  });

  it("reports a string compared with greaterThan on a number fact", () => {
    const [issue] = issuesOf(leaf({ value: "15" }));
    expect(issue).toMatchObject({ pointer: "/conditions/all/0/value", code: "WRONG_VALUE_TYPE" });
    expect(issue?.message).toBe(
      'operator "greaterThanInclusive" on number fact "memberCount" needs a number, received string "15"',
    );
  });

  it("requires an array value for in", () => {
    const [issue] = issuesOf(leaf({ fact: "region", operator: "in", value: "24" }));
    expect(issue).toMatchObject({ pointer: "/conditions/all/0/value", code: "WRONG_VALUE_TYPE" });
    expect(issue?.message).toContain("needs an array of strings");
  });

  it("reports a code that is not in the fact's vocabulary", () => {
    const [issue] = issuesOf(
      leaf({ fact: "neededFunctions", operator: "contains", value: "internationalization" }),
    );
    expect(issue).toMatchObject({ code: "UNKNOWN_VALUE", suggestion: "internationalisation" });
  });

  it("reports an unknown fact on the value side of a fact-to-fact comparison", () => {
    const [issue] = issuesOf(leaf({ value: { fact: "smeMembers" } }));
    expect(issue).toMatchObject({
      pointer: "/conditions/all/0/value/fact",
      code: "UNKNOWN_FACT",
      suggestion: "smeMemberCount",
    });
  });

  it("accepts a fact-to-fact comparison of the same type and rejects a mismatch", () => {
    expect(issuesOf(leaf({ value: { fact: "smeMemberCount" } }))).toEqual([]);
    expect(issuesOf(leaf({ value: { fact: "region" } }))[0]).toMatchObject({
      code: "WRONG_VALUE_TYPE",
    });
  });

  it("reports an unknown instrument, in the rule and in params", () => {
    const issues = issuesOf(
      buildRuleFile({
        instrument: "test-instrumnt",
        conditions: {
          all: [
            {
              name: "open",
              fact: "instrumentCallStatus",
              params: { instrument: "nope-nope" },
              operator: "equal",
              value: "open",
            },
          ],
        },
      }),
    );
    expect(issues.map((i) => [i.code, i.pointer])).toEqual([
      ["UNKNOWN_INSTRUMENT", "/instrument"],
      ["UNKNOWN_INSTRUMENT", "/conditions/all/0/params/instrument"],
    ]);
    expect(issues[0]?.suggestion).toBe("test-instrument");
  });

  it("reports params on a fact that takes none", () => {
    const [issue] = issuesOf(leaf({ params: { instrument: "test-instrument" } }));
    expect(issue).toMatchObject({
      pointer: "/conditions/all/0/params/instrument",
      code: "UNKNOWN_PARAM",
    });
  });

  it("reports an event naming another instrument", () => {
    const [issue] = issuesOf(
      buildRuleFile({ event: { type: "recommend", params: { instrument: "other-instrument" } } }),
    );
    expect(issue).toMatchObject({
      pointer: "/event/params/instrument",
      code: "EVENT_INSTRUMENT_MISMATCH",
    });
  });

  it("reports an id that differs from the file name", () => {
    const [issue] = issuesOf(buildRuleFile(), "area/another-name.rule.json");
    expect(issue).toMatchObject({
      file: "area/another-name.rule.json",
      pointer: "/id",
      code: "RULE_ID_MISMATCH",
    });
  });

  it("reports duplicate rule ids across files", () => {
    const text = JSON.stringify(buildRuleFile());
    const { issues } = validateRuleSources(
      [
        { file: "a/test-rule.rule.json", text },
        { file: "b/test-rule.rule.json", text },
      ],
      options,
    );
    expect(issues).toEqual([
      expect.objectContaining({
        file: "b/test-rule.rule.json",
        code: "DUPLICATE_RULE_ID",
        pointer: "/id",
      }),
    ]);
    expect(issues[0]?.message).toContain("a/test-rule.rule.json");
  });

  it("reports a leaf without a name", () => {
    const rule = buildRuleFile({
      conditions: { all: [{ fact: "region", operator: "equal", value: "24" }] },
    });
    const [issue] = issuesOf(rule);
    expect(issue).toMatchObject({ pointer: "/conditions/all/0", code: "UNNAMED_CONDITION" });
  });

  it("reports a condition name used twice", () => {
    const rule = buildRuleFile({
      conditions: {
        all: [
          { name: "a", fact: "region", operator: "equal", value: "24" },
          { name: "a", fact: "memberCount", operator: "greaterThan", value: 1 },
        ],
      },
    });
    expect(issuesOf(rule)[0]).toMatchObject({
      pointer: "/conditions/all/1/name",
      code: "DUPLICATE_CONDITION_NAME",
    });
  });

  it("reports an empty group", () => {
    expect(issuesOf(buildRuleFile({ conditions: { any: [] }, reasons: {} }))[0]).toMatchObject({
      pointer: "/conditions/any",
      code: "EMPTY_GROUP",
    });
  });

  it("accepts a leaf without texts (the catalogue's default), but not a text missing one language", () => {
    const rule = buildRuleFile();
    expect(issuesOf({ ...rule, reasons: {} })).toEqual([]);
    const { reasons: _reasons, ...noReasons } = rule;
    expect(issuesOf(noReasons)).toEqual([]);
    const partial = {
      ...rule,
      reasons: { "in-silesia": { pass: { pl: "tak" }, fail: { pl: "nie", en: "no" } } },
    };
    const [issue] = issuesOf(partial, undefined, "pl");
    expect(issue).toMatchObject({ pointer: "/reasons/in-silesia/pass/en", code: "MISSING_REASON" });
    expect(issue?.message).toContain("nie ma uzasadnienia pass.en");
  });

  it("reports a reason that names no condition, and an unknown placeholder", () => {
    const rule = buildRuleFile();
    const reasons = {
      ...rule.reasons,
      "in-silezia": { pass: { pl: "a", en: "a" }, fail: { pl: "b {value}", en: "b" } },
    };
    const issues = issuesOf({ ...rule, reasons });
    expect(issues.map((i) => [i.code, i.pointer])).toEqual([
      ["REASON_FOR_UNKNOWN_CONDITION", "/reasons/in-silezia"],
      ["UNKNOWN_PLACEHOLDER", "/reasons/in-silezia/fail/pl"],
    ]);
    expect(issues[0]?.suggestion).toBe("in-silesia");
  });

  it("reports validity dates in the past and reversed", () => {
    const issues = issuesOf(buildRuleFile({ validFrom: "2024-06-01", validTo: "2024-01-31" }));
    expect(issues.map((i) => [i.code, i.pointer])).toEqual([
      ["VALIDITY_REVERSED", "/validFrom"],
      ["VALIDITY_IN_PAST", "/validTo"],
    ]);
    expect(issues[1]?.message).toBe(
      "validTo 2024-01-31 is already past (today is 2025-03-01); a rule that ended must be removed or given new dates",
    );
  });
});

describe("loadRulebook and validateRulebook", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("throws RuleFileError with every issue of every file, and validateRulebook returns them", () => {
    dir = mkdtempSync(join(tmpdir(), "klastry-rules-"));
    writeRulebook(dir, {
      "finance/test-rule.rule.json": leaf({ fact: "memberCnt" }),
      "clusters/broken.rule.json": "{",
      "clusters/nested/ok-rule.rule.json": buildRuleFile({ id: "ok-rule" }),
      "clusters/notes.txt": "ignored",
    });
    const issues = validateRulebook({ dir, knowledge, today: "2025-03-01" });
    expect(issues.map((i) => [i.file, i.code])).toEqual([
      ["clusters/broken.rule.json", "RULE_FILE_UNREADABLE"],
      ["finance/test-rule.rule.json", "UNKNOWN_FACT"],
    ]);
    expect(() => loadRulebook({ dir: dir as string, knowledge, today: "2025-03-01" })).toThrowError(
      RuleFileError,
    );
    try {
      loadRulebook({ dir, knowledge, today: "2025-03-01" });
    } catch (error) {
      expect((error as RuleFileError).code).toBe("RULEBOOK_INVALID");
      expect((error as RuleFileError).issues).toHaveLength(2);
    }
  });

  it("loads a rule whose validTo has passed (it stops applying) while validate still reports it", () => {
    dir = mkdtempSync(join(tmpdir(), "klastry-rules-"));
    writeRulebook(dir, { "b/test-rule.rule.json": buildRuleFile({ validTo: "2025-01-31" }) });
    // A server restarting the day after a rule ended must still start.
    const rulebook = loadRulebook({ dir, knowledge, today: "2025-03-01" });
    expect(rulebook.rules.map((r) => r.id)).toEqual(["test-rule"]);
    // The designer's check still asks for the rule to be removed or re-dated.
    expect(validateRulebook({ dir, knowledge, today: "2025-03-01" }).map((i) => i.code)).toEqual([
      "VALIDITY_IN_PAST",
    ]);
  });

  it("loads valid files recursively with a content-hash version that ignores load order", () => {
    dir = mkdtempSync(join(tmpdir(), "klastry-rules-"));
    writeRulebook(dir, {
      "b/test-rule.rule.json": buildRuleFile(),
      "a/deep/ok-rule.rule.json": buildRuleFile({ id: "ok-rule" }),
    });
    const rulebook = loadRulebook({ dir, knowledge, today: "2025-03-01" });
    expect(rulebook.files).toEqual(["a/deep/ok-rule.rule.json", "b/test-rule.rule.json"]);
    expect(rulebook.rules.map((r) => r.id)).toEqual(["ok-rule", "test-rule"]);
    expect(rulebook.version).toMatch(/^[0-9a-f]{12}$/);
    writeRulebook(dir, { "b/test-rule.rule.json": buildRuleFile({ weight: 11 }) });
    expect(loadRulebook({ dir, knowledge, today: "2025-03-01" }).version).not.toBe(
      rulebook.version,
    );
  });
});

describe("schema issues", () => {
  it("explains a condition that is neither a group nor a leaf, in Polish", () => {
    const rule = buildRuleFile({ conditions: { all: ["memberCount >= 15"] } as never });
    const [issue] = issuesOf(rule, undefined, "pl");
    expect(issue).toMatchObject({
      code: "RULE_SCHEMA_INVALID",
      pointer: "/conditions/all/0",
      path: "conditions.all[0]",
    });
    expect(issue?.message).toBe(
      'niezgodny z formatem pliku reguły: warunek musi być obiektem z "all", "any", "not" albo "fact"',
    );
  });

  it("reads an object without all/any/not as a leaf and names its missing fields", () => {
    const issues = issuesOf(buildRuleFile({ conditions: { all: [{ name: "x" }] } as never }));
    expect(issues.map((i) => i.pointer)).toEqual([
      "/conditions/all/0/fact",
      "/conditions/all/0/operator",
      "/conditions/all/0/value",
    ]);
  });

  it("explains a value that is an object but not a fact reference", () => {
    const [issue] = issuesOf(leaf({ value: { min: 15 } }));
    expect(issue).toMatchObject({
      code: "RULE_SCHEMA_INVALID",
      pointer: "/conditions/all/0/value",
    });
    expect(issue?.message).toContain("or a fact reference");
  });
});

describe("time in rules", () => {
  it("refuses a condition on the evaluation date or on its own instrument's call: availability says when", () => {
    const own = (fact: string, extra: Record<string, unknown> = {}) =>
      issuesOf(
        buildRuleFile({
          conditions: {
            all: [{ name: "when", fact, operator: "equal", value: "open", ...extra }],
          } as RuleFile["conditions"],
        }),
      ).map((i) => [i.code, i.pointer]);
    expect(own("instrumentCallStatus")).toContainEqual(["TIME_IN_RULE", "/conditions/all/0/fact"]);
    expect(
      own("instrumentCallStatus", { params: { instrument: "test-instrument" } }),
    ).toContainEqual(["TIME_IN_RULE", "/conditions/all/0/fact"]);
    expect(own("evaluationDate", { operator: "lessThan", value: "2026-01-01" })).toContainEqual([
      "TIME_IN_RULE",
      "/conditions/all/0/fact",
    ]);
    // Another instrument's availability is a fact about the world a rule may depend on.
    expect(own("instrumentCallStatus", { params: { instrument: "other-instrument" } })).toEqual([]);
  });
});
