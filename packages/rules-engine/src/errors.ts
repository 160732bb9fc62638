/**
 * @module
 * Rule-file problems as data. One issue per problem, all of them collected before anything
 * throws; wording lives in `messages.ts`, keyed by code, in English and Polish.
 */

export const RULE_ISSUE_CODES = [
  "RULE_FILE_UNREADABLE",
  "RULE_SCHEMA_INVALID",
  "RULE_ID_MISMATCH",
  "DUPLICATE_RULE_ID",
  "UNKNOWN_INSTRUMENT",
  "EVENT_INSTRUMENT_MISMATCH",
  "UNNAMED_CONDITION",
  "DUPLICATE_CONDITION_NAME",
  "EMPTY_GROUP",
  "UNKNOWN_FACT",
  "UNKNOWN_PATH",
  "PATH_REQUIRED",
  "UNKNOWN_PARAM",
  "UNKNOWN_OPERATOR",
  "OPERATOR_NOT_APPLICABLE",
  "WRONG_VALUE_TYPE",
  "UNKNOWN_VALUE",
  "MISSING_REASON",
  "REASON_FOR_UNKNOWN_CONDITION",
  "UNKNOWN_PLACEHOLDER",
  "VALIDITY_IN_PAST",
  "VALIDITY_REVERSED",
  "TIME_IN_RULE",
] as const;
export type RuleIssueCode = (typeof RULE_ISSUE_CODES)[number];

/** One problem in one rule file. */
export interface RuleIssue {
  /** The rule file's path as given to the loader (relative to the rules folder), or `<rule-id>`. */
  file: string;
  /** RFC 6901 pointer inside the file: `/conditions/all/2/fact`. */
  pointer: string;
  /** The same place as a dotted path: `conditions.all[2].fact` (empty for the whole file). */
  path: string;
  code: RuleIssueCode;
  /** Rendered in the language asked for (default English). */
  message: string;
  /** What is allowed instead, when the set is small enough to list. */
  allowed?: readonly string[];
  /** The nearest allowed name, for "did you mean". */
  suggestion?: string;
  /** Parameters the message was rendered from, so another surface can render it its own way. */
  params: Readonly<Record<string, string>>;
}

/**
 * Renders issues one a line, place first:
 * `finance/kpo-loan.rule.json: conditions.all[2].fact: unknown fact "member_cnt"; did you mean ...`.
 */
export function formatRuleIssues(issues: readonly RuleIssue[]): string {
  return issues
    .map((issue) => `${issue.file}: ${issue.path === "" ? "(file)" : issue.path}: ${issue.message}`)
    .join("\n");
}

/** `/conditions/all/2/fact` -> `conditions.all[2].fact`. */
export function pointerToPath(pointer: string): string {
  if (pointer === "") return "";
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce(
      (out, key) => (/^\d+$/.test(key) ? `${out}[${key}]` : out === "" ? key : `${out}.${key}`),
      "",
    );
}

/** The one error class of the rules engine: a rulebook that must not be evaluated. */
export class RuleFileError extends Error {
  override readonly name = "RuleFileError";
  readonly code = "RULEBOOK_INVALID";
  constructor(
    readonly issues: RuleIssue[],
    options?: { cause?: unknown },
  ) {
    super(`rulebook is invalid (${issues.length} issue(s)):\n${formatRuleIssues(issues)}`, options);
  }
}
