/**
 * @module
 * Checks rule files before anything is compiled: the file format (zod), then meaning: facts,
 * paths, operators and value types against the fact catalogue, instruments against the
 * knowledge base, names, reasons and validity dates. Collects every issue; never throws.
 */
import { todayInPoland, type FactSpec, type Instrument, type IsoDate, type Language } from "@klastry/domain";
import type { RuleIssue, RuleIssueCode } from "./errors.ts";
import { DEFAULT_CATALOGUE, isProblem, resolveAccess, type FactCatalogue, type ResolvedAccess } from "./fact-types.ts";
import { ruleIssue } from "./messages.ts";
import { nearest } from "./nearest.ts";
import { isOperatorName, OPERATORS, type OperatorName } from "./operators.ts";
import { isFactReference, isLeaf, RuleFileSchema, type Condition, type LeafCondition, type RuleFile } from "./rule-file.ts";
import { schemaIssues } from "./schema-issues.ts";

/** A rule file's text and where it came from (relative to the rules folder, `/`-separated). */
export interface RuleSource {
  file: string;
  text: string;
}

/** The knowledge a rulebook is checked against; only instrument ids and call windows are read. */
export interface RuleKnowledge {
  instruments: readonly Instrument[];
}

export interface ValidateOptions {
  knowledge: RuleKnowledge;
  /** "Today" for the validity check; default: today in Poland. */
  today?: IsoDate;
  /** Language of issue messages; default English. */
  language?: Language;
  /** Facts rules may use; default: the catalogue of @klastry/domain. */
  catalogue?: FactCatalogue;
}

/** A rule file that passed validation, with where it came from. */
export interface ValidRuleFile {
  file: string;
  rule: RuleFile;
}

const PLACEHOLDERS = new Set(["actual", "required"]);

/** Validates one parsed rule file (JSON already read); returns its issues. */
export function validateRuleFile(file: string, input: unknown, options: ValidateOptions): { rule?: RuleFile; issues: RuleIssue[] } {
  const language = options.language ?? "en";
  const parsed = RuleFileSchema.safeParse(input);
  if (!parsed.success) return { issues: schemaIssues(parsed.error, input, file, language) };
  const rule = parsed.data;
  const issues: RuleIssue[] = [];
  const report: Report = (pointer, code, params, extra = {}) =>
    issues.push(ruleIssue(language, file, pointer, code, params, extra));
  const catalogue = options.catalogue ?? DEFAULT_CATALOGUE;
  const instrumentIds = options.knowledge.instruments.map((instrument) => instrument.id);
  const knownInstrument = new Set(instrumentIds);
  const checkInstrument = (pointer: string, instrument: string) => {
    if (knownInstrument.has(instrument)) return;
    const suggestion = nearest(instrument, instrumentIds);
    report(pointer, "UNKNOWN_INSTRUMENT", { instrument, ...(suggestion && { suggestion }) }, suggestion ? { suggestion } : {});
  };

  const base = baseName(file);
  if (base !== undefined && base !== rule.id) report("/id", "RULE_ID_MISMATCH", { id: rule.id, expected: base });
  checkInstrument("/instrument", rule.instrument);
  if (rule.event.params.instrument !== rule.instrument) {
    report("/event/params/instrument", "EVENT_INSTRUMENT_MISMATCH", { received: rule.event.params.instrument, expected: rule.instrument });
  }
  const today = options.today ?? todayInPoland();
  if (rule.validFrom && rule.validTo && rule.validFrom > rule.validTo) {
    report("/validFrom", "VALIDITY_REVERSED", { validFrom: rule.validFrom, validTo: rule.validTo });
  }
  if (rule.validTo && rule.validTo < today) report("/validTo", "VALIDITY_IN_PAST", { validTo: rule.validTo, today });

  const names = new Map<string, string>();
  const leafNames = new Set<string>();
  const walk = (condition: Condition, pointer: string) => {
    if (condition.name !== undefined) {
      const first = names.get(condition.name);
      if (first !== undefined) report(`${pointer}/name`, "DUPLICATE_CONDITION_NAME", { name: condition.name, other: first });
      else names.set(condition.name, pointer);
    }
    if (isLeaf(condition)) {
      if (condition.name === undefined) report(pointer, "UNNAMED_CONDITION", {});
      else leafNames.add(condition.name);
      checkLeaf(condition, pointer, catalogue, report, checkInstrument);
      return;
    }
    if ("not" in condition) return walk(condition.not, `${pointer}/not`);
    const group = "all" in condition ? "all" : "any";
    const children = (condition as Record<typeof group, Condition[]>)[group];
    if (children.length === 0) report(`${pointer}/${group}`, "EMPTY_GROUP", { group });
    children.forEach((child, i) => walk(child, `${pointer}/${group}/${i}`));
  };
  walk(rule.conditions, "/conditions");

  for (const name of leafNames) {
    if (!Object.hasOwn(rule.reasons, name)) {
      report(`${names.get(name)}/name`, "MISSING_REASON", { name, missing: "pass/fail" });
    }
  }
  for (const [name, reason] of Object.entries(rule.reasons)) {
    const pointer = `/reasons/${escapePointer(name)}`;
    if (!leafNames.has(name)) {
      const suggestion = nearest(name, leafNames);
      report(pointer, "REASON_FOR_UNKNOWN_CONDITION", { name, ...(suggestion && { suggestion }) }, suggestion ? { suggestion } : {});
    }
    for (const [kind, text] of Object.entries(reason)) {
      for (const lang of ["pl", "en"] as const) {
        for (const match of text[lang].matchAll(/\{([^{}]*)\}/g)) {
          const placeholder = match[1] as string;
          if (!PLACEHOLDERS.has(placeholder)) report(`${pointer}/${kind}/${lang}`, "UNKNOWN_PLACEHOLDER", { placeholder });
        }
      }
    }
  }
  return { rule, issues };
}

type Report = (pointer: string, code: RuleIssueCode, params: Record<string, string>, extra?: Pick<RuleIssue, "allowed" | "suggestion">) => void;

function checkLeaf(
  leaf: LeafCondition,
  pointer: string,
  catalogue: FactCatalogue,
  report: Report,
  checkInstrument: (pointer: string, instrument: string) => void,
): void {
  const left = checkAccess(leaf, pointer, catalogue, report, checkInstrument);
  let right: ResolvedAccess | undefined;
  if (isFactReference(leaf.value)) right = checkAccess(leaf.value, `${pointer}/value`, catalogue, report, checkInstrument);
  if (!isOperatorName(leaf.operator)) {
    const suggestion = nearest(leaf.operator, OPERATORS);
    report(`${pointer}/operator`, "UNKNOWN_OPERATOR", { operator: leaf.operator, allowed: OPERATORS.join(", "), ...(suggestion && { suggestion }) }, { allowed: OPERATORS, ...(suggestion && { suggestion }) });
    return;
  }
  if (!left) return;
  const operator = leaf.operator;
  const type = left.spec.type;
  const applicable = APPLICABLE[type];
  if (!applicable.includes(operator)) {
    report(`${pointer}/operator`, "OPERATOR_NOT_APPLICABLE", { operator, fact: left.field, type, allowed: applicable.join(", ") }, { allowed: applicable });
    return;
  }
  const wrong = (expected: string, received: string) =>
    report(`${pointer}/value`, "WRONG_VALUE_TYPE", { operator, fact: left.field, type, expected, received });
  if (isFactReference(leaf.value)) {
    if (right && !compatible(operator, left.spec, right.spec)) wrong(expectedValue(operator, left.spec), `fact ${right.field} (${right.spec.type})`);
    return;
  }
  checkLiteral(leaf.value, operator, left, `${pointer}/value`, report, wrong);
}

function checkAccess(
  access: { fact: string; path?: string | undefined; params?: Record<string, unknown> | undefined },
  pointer: string,
  catalogue: FactCatalogue,
  report: Report,
  checkInstrument: (pointer: string, instrument: string) => void,
): ResolvedAccess | undefined {
  const resolved = resolveAccess(catalogue, access.fact, access.path);
  if (isProblem(resolved)) {
    const where = resolved.code === "UNKNOWN_FACT" ? "/fact" : resolved.code === "UNKNOWN_PATH" ? "/path" : "";
    report(`${pointer}${where}`, resolved.code, resolved.params, {
      ...("allowed" in resolved && resolved.allowed.length > 0 && { allowed: resolved.allowed }),
      ...(resolved.suggestion && { suggestion: resolved.suggestion }),
    });
    return undefined;
  }
  const allowedParams: readonly string[] = resolved.definition.params ?? [];
  for (const [param, value] of Object.entries(access.params ?? {})) {
    if (!allowedParams.includes(param)) {
      report(`${pointer}/params/${escapePointer(param)}`, "UNKNOWN_PARAM", { param, fact: access.fact, allowed: allowedParams.join(", ") || "none" }, { allowed: allowedParams });
    } else if (param === "instrument") {
      checkInstrument(`${pointer}/params/instrument`, String(value));
    }
  }
  return resolved;
}

const COMPARE: readonly OperatorName[] = ["equal", "notEqual", "lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "in", "notIn"];
const APPLICABLE: Record<FactSpec["type"], readonly OperatorName[]> = {
  number: COMPARE,
  date: COMPARE,
  string: ["equal", "notEqual", "in", "notIn"],
  boolean: ["equal", "notEqual"],
  "string[]": ["contains", "doesNotContain", "equal", "notEqual"],
  object: ["equal", "notEqual"],
};

const SCALAR_NAME: Record<string, string> = { number: "a number", date: "a date YYYY-MM-DD", string: "a string", boolean: "true or false" };

function expectedValue(operator: OperatorName, spec: FactSpec): string {
  const scalar = SCALAR_NAME[spec.type] ?? "null";
  if (spec.type === "string[]") return operator === "contains" || operator === "doesNotContain" ? "a string" : "null";
  if (spec.type === "object") return "null";
  if (operator === "in" || operator === "notIn") return `an array of ${spec.type === "date" ? "dates" : `${spec.type}s`}`;
  if (operator === "equal" || operator === "notEqual") return `${scalar} or null`;
  return scalar;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array (${JSON.stringify(value)})`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

function scalarMatches(spec: FactSpec, value: unknown): boolean {
  switch (spec.type) {
    case "number":
      return typeof value === "number";
    case "date":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    default:
      return false;
  }
}

function checkLiteral(
  value: unknown,
  operator: OperatorName,
  left: ResolvedAccess,
  pointer: string,
  report: Report,
  wrong: (expected: string, received: string) => void,
): void {
  const spec = left.spec;
  const expected = expectedValue(operator, spec);
  const checkCode = (code: unknown, at: string) => {
    if (typeof code !== "string" || !spec.values || spec.values.includes(code)) return;
    const suggestion = nearest(code, spec.values);
    report(at, "UNKNOWN_VALUE", { value: code, fact: left.field, allowed: spec.values.join(", "), ...(suggestion && { suggestion }) }, { allowed: spec.values, ...(suggestion && { suggestion }) });
  };
  if (spec.type === "string[]") {
    if (operator === "contains" || operator === "doesNotContain") {
      if (typeof value !== "string") return wrong(expected, describe(value));
      return checkCode(value, pointer);
    }
    if (value !== null) wrong(expected, describe(value));
    return;
  }
  if (spec.type === "object") {
    if (value !== null) wrong(expected, describe(value));
    return;
  }
  if (operator === "in" || operator === "notIn") {
    if (!Array.isArray(value) || !value.every((item) => scalarMatches(spec, item))) return wrong(expected, describe(value));
    value.forEach((item, i) => checkCode(item, `${pointer}/${i}`));
    return;
  }
  if (operator === "equal" || operator === "notEqual") {
    if (value !== null && !scalarMatches(spec, value)) return wrong(expected, describe(value));
    return checkCode(value, pointer);
  }
  if (!scalarMatches(spec, value)) wrong(expected, describe(value));
}

function compatible(operator: OperatorName, left: FactSpec, right: FactSpec): boolean {
  // json-rules-engine throws when `in` meets a null list, so a nullable list cannot be the value.
  if (operator === "in" || operator === "notIn") return left.type === "string" && right.type === "string[]" && !right.nullable;
  if (operator === "contains" || operator === "doesNotContain") return left.type === "string[]" && right.type === "string";
  if (left.type === "string[]" || left.type === "object") return false;
  return left.type === right.type;
}

/** `finance/kpo-loan.rule.json` -> `kpo-loan`; undefined for a name without the suffix. */
function baseName(file: string): string | undefined {
  const name = file.split("/").pop() ?? file;
  return name.endsWith(".rule.json") ? name.slice(0, -".rule.json".length) : undefined;
}

function escapePointer(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

/**
 * Validates rule sources together: each file, then ids across files. Sources are processed in
 * path order so issues come out in a stable order.
 */
export function validateRuleSources(
  sources: readonly RuleSource[],
  options: ValidateOptions,
): { rules: ValidRuleFile[]; issues: RuleIssue[] } {
  const language = options.language ?? "en";
  const issues: RuleIssue[] = [];
  const rules: ValidRuleFile[] = [];
  const seen = new Map<string, string>();
  for (const source of [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    let input: unknown;
    try {
      input = JSON.parse(source.text);
    } catch (error) {
      const params = { detail: (error as Error).message };
      issues.push(ruleIssue(language, source.file, "", "RULE_FILE_UNREADABLE", params));
      continue;
    }
    const result = validateRuleFile(source.file, input, options);
    issues.push(...result.issues);
    if (!result.rule) continue;
    const other = seen.get(result.rule.id);
    if (other !== undefined) {
      const params = { id: result.rule.id, other };
      issues.push(ruleIssue(language, source.file, "/id", "DUPLICATE_RULE_ID", params));
    } else {
      seen.set(result.rule.id, source.file);
    }
    if (result.issues.length === 0) rules.push({ file: source.file, rule: result.rule });
  }
  return { rules, issues };
}

