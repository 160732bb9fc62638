/**
 * @module
 * Checks rule files before anything is compiled: the file format (zod), then meaning: facts,
 * paths, operators and value types against the fact catalogue, instruments against the
 * knowledge base, names, reasons and validity dates. Collects every issue; never throws.
 */
import {
  isOperatorName,
  nearest,
  OPERATORS,
  todayInPoland,
  type Instrument,
  type IsoDate,
  type Language,
} from "@klastry/domain";
import {
  APPLICABLE_OPERATORS,
  checkLiteral,
  compatible,
  expectedValue,
} from "./check-comparison.ts";
import type { RuleIssue, RuleIssueCode } from "./errors.ts";
import {
  DEFAULT_CATALOGUE,
  isProblem,
  resolveAccess,
  type FactCatalogue,
  type ResolvedAccess,
} from "./fact-types.ts";
import { ruleIssue } from "./messages.ts";
import {
  isFactReference,
  isLeaf,
  RuleFileSchema,
  type Condition,
  type LeafCondition,
  type RuleFile,
} from "./rule-file.ts";
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
  /**
   * Accept rules whose `validTo` is past (they simply stop applying). Loading for service does,
   * so a rule ending overnight never stops a server; `klastry rules validate` does not, so
   * designers are told to remove or re-date it.
   */
  allowExpired?: boolean;
}

/** A rule file that passed validation, with where it came from. */
export interface ValidRuleFile {
  file: string;
  rule: RuleFile;
}

const PLACEHOLDERS = new Set(["label", "actual", "required"]);

/** Facts that put the rule's own instrument's time into a condition (the availability model owns it). */
const OWN_TIME_FACTS = new Set(["instrumentCallStatus", "daysUntilDeadline"]);

/** Reports one issue: place, code, message parameters (a `suggestion` among them) and what is allowed. */
type Report = (
  pointer: string,
  code: RuleIssueCode,
  params: Record<string, string>,
  allowed?: readonly string[],
) => void;

/** What checking one rule needs besides the rule. */
interface Checker {
  readonly report: Report;
  readonly catalogue: FactCatalogue;
  readonly instrumentIds: readonly string[];
  readonly knownInstruments: ReadonlySet<string>;
  /** The rule's own instrument. */
  readonly instrument: string;
}

/** Validates one parsed rule file (JSON already read); returns the rule when the format is right, and every issue. */
export function validateRuleFile(
  file: string,
  input: unknown,
  options: ValidateOptions,
): { rule?: RuleFile; issues: RuleIssue[] } {
  const language = options.language ?? "en";
  const parsed = RuleFileSchema.safeParse(input);
  if (!parsed.success) return { issues: schemaIssues(parsed.error, input, file, language) };
  const rule = parsed.data;
  const issues: RuleIssue[] = [];
  const instrumentIds = options.knowledge.instruments.map((instrument) => instrument.id);
  const checker: Checker = {
    report: (pointer, code, params, allowed) =>
      issues.push(ruleIssue(language, file, pointer, code, params, allowed)),
    catalogue: options.catalogue ?? DEFAULT_CATALOGUE,
    instrumentIds,
    knownInstruments: new Set(instrumentIds),
    instrument: rule.instrument,
  };
  checkMetadata(
    rule,
    file,
    options.today ?? todayInPoland(),
    options.allowExpired ?? false,
    checker,
  );
  const leafNames = checkConditions(rule.conditions, checker);
  checkReasons(rule, leafNames, checker);
  return { rule, issues };
}

function checkMetadata(
  rule: RuleFile,
  file: string,
  today: IsoDate,
  allowExpired: boolean,
  checker: Checker,
): void {
  const { report } = checker;
  const base = baseName(file);
  if (base !== undefined && base !== rule.id)
    report("/id", "RULE_ID_MISMATCH", { id: rule.id, expected: base });
  checkInstrument("/instrument", rule.instrument, checker);
  const eventInstrument = rule.event.params.instrument;
  if (eventInstrument !== rule.instrument) {
    report("/event/params/instrument", "EVENT_INSTRUMENT_MISMATCH", {
      received: eventInstrument,
      expected: rule.instrument,
    });
  }
  if (rule.validFrom && rule.validTo && rule.validFrom > rule.validTo) {
    report("/validFrom", "VALIDITY_REVERSED", { validFrom: rule.validFrom, validTo: rule.validTo });
  }
  if (!allowExpired && rule.validTo && rule.validTo < today)
    report("/validTo", "VALIDITY_IN_PAST", { validTo: rule.validTo, today });
}

function checkInstrument(pointer: string, instrument: string, checker: Checker): void {
  if (checker.knownInstruments.has(instrument)) return;
  const suggestion = nearest(instrument, checker.instrumentIds);
  checker.report(pointer, "UNKNOWN_INSTRUMENT", { instrument, ...(suggestion && { suggestion }) });
}

/** Walks the tree: names, empty groups, every leaf. Returns leaf names with their pointers. */
function checkConditions(root: Condition, checker: Checker): Map<string, string> {
  const names = new Map<string, string>();
  const leafNames = new Map<string, string>();
  const walk = (condition: Condition, pointer: string) => {
    if (condition.name !== undefined) {
      const first = names.get(condition.name);
      if (first !== undefined) {
        checker.report(`${pointer}/name`, "DUPLICATE_CONDITION_NAME", {
          name: condition.name,
          other: first,
        });
      } else {
        names.set(condition.name, pointer);
      }
    }
    if (isLeaf(condition)) {
      if (condition.name === undefined) checker.report(pointer, "UNNAMED_CONDITION", {});
      else if (!leafNames.has(condition.name)) leafNames.set(condition.name, pointer);
      checkLeaf(condition, pointer, checker);
      return;
    }
    if ("not" in condition) return walk(condition.not, `${pointer}/not`);
    const group = "all" in condition ? "all" : "any";
    const children = "all" in condition ? condition.all : condition.any;
    if (children.length === 0) checker.report(`${pointer}/${group}`, "EMPTY_GROUP", { group });
    children.forEach((child, i) => walk(child, `${pointer}/${group}/${i}`));
  };
  walk(root, "/conditions");
  return leafNames;
}

function checkLeaf(leaf: LeafCondition, pointer: string, checker: Checker): void {
  const { report } = checker;
  const otherInstrument = leaf.params?.instrument;
  if (
    leaf.fact === "evaluationDate" ||
    (OWN_TIME_FACTS.has(leaf.fact) &&
      (otherInstrument === undefined || otherInstrument === checker.instrument))
  ) {
    report(`${pointer}/fact`, "TIME_IN_RULE", { fact: leaf.fact });
  }
  const left = checkAccess(leaf, pointer, checker);
  const right = isFactReference(leaf.value)
    ? checkAccess(leaf.value, `${pointer}/value`, checker)
    : undefined;
  if (!isOperatorName(leaf.operator)) {
    const suggestion = nearest(leaf.operator, OPERATORS);
    const params = {
      operator: leaf.operator,
      allowed: OPERATORS.join(", "),
      ...(suggestion && { suggestion }),
    };
    report(`${pointer}/operator`, "UNKNOWN_OPERATOR", params, OPERATORS);
    return;
  }
  if (!left) return;
  const operator = leaf.operator;
  const { type } = left.spec;
  const applicable = APPLICABLE_OPERATORS[type];
  const about = { operator, fact: left.field, type };
  if (!applicable.includes(operator)) {
    report(
      `${pointer}/operator`,
      "OPERATOR_NOT_APPLICABLE",
      { ...about, allowed: applicable.join(", ") },
      applicable,
    );
    return;
  }
  if (isFactReference(leaf.value)) {
    if (right && !compatible(operator, left.spec, right.spec)) {
      const received = `fact ${right.field} (${right.spec.type})`;
      report(`${pointer}/value`, "WRONG_VALUE_TYPE", {
        ...about,
        expected: expectedValue(operator, left.spec),
        received,
      });
    }
    return;
  }
  for (const problem of checkLiteral(leaf.value, operator, left, `${pointer}/value`)) {
    if (problem.code === "WRONG_VALUE_TYPE") {
      report(problem.pointer, problem.code, {
        ...about,
        expected: problem.expected,
        received: problem.received,
      });
    } else {
      const params = {
        value: problem.value,
        fact: left.field,
        allowed: problem.allowed.join(", "),
      };
      report(
        problem.pointer,
        problem.code,
        { ...params, ...(problem.suggestion && { suggestion: problem.suggestion }) },
        problem.allowed,
      );
    }
  }
}

/** Resolves one side of a comparison in the catalogue and checks its params. */
function checkAccess(
  access: { fact: string; path?: string | undefined; params?: Record<string, unknown> | undefined },
  pointer: string,
  checker: Checker,
): ResolvedAccess | undefined {
  const resolved = resolveAccess(checker.catalogue, access.fact, access.path);
  if (isProblem(resolved)) {
    const where =
      resolved.code === "UNKNOWN_FACT" ? "/fact" : resolved.code === "UNKNOWN_PATH" ? "/path" : "";
    checker.report(`${pointer}${where}`, resolved.code, resolved.params, resolved.allowed);
    return undefined;
  }
  const allowedParams: readonly string[] = resolved.definition.params ?? [];
  for (const [param, value] of Object.entries(access.params ?? {})) {
    const at = `${pointer}/params/${escapePointer(param)}`;
    if (param === "instrument" && allowedParams.includes(param)) {
      checkInstrument(at, String(value), checker);
    } else if (!allowedParams.includes(param)) {
      const params = { param, fact: access.fact, allowed: allowedParams.join(", ") || "none" };
      checker.report(at, "UNKNOWN_PARAM", params, allowedParams);
    }
  }
  return resolved;
}

/** Every text names a leaf and uses known placeholders; leaves without texts use the defaults. */
function checkReasons(
  rule: RuleFile,
  leafNames: ReadonlyMap<string, string>,
  checker: Checker,
): void {
  for (const [name, reason] of Object.entries(rule.reasons)) {
    const pointer = `/reasons/${escapePointer(name)}`;
    if (!leafNames.has(name)) {
      const suggestion = nearest(name, leafNames.keys());
      checker.report(pointer, "REASON_FOR_UNKNOWN_CONDITION", {
        name,
        ...(suggestion && { suggestion }),
      });
    }
    for (const [kind, text] of Object.entries(reason)) {
      if (text === undefined) continue;
      for (const lang of ["pl", "en"] as const) {
        for (const match of text[lang].matchAll(/\{([^{}]*)\}/g)) {
          const placeholder = match[1] as string;
          if (PLACEHOLDERS.has(placeholder)) continue;
          checker.report(`${pointer}/${kind}/${lang}`, "UNKNOWN_PLACEHOLDER", { placeholder });
        }
      }
    }
  }
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
  for (const source of [...sources].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
  )) {
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
