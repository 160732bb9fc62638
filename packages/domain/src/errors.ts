/**
 * @module
 * Validation problems as data: every issue names the place, what is wrong and what is allowed.
 * The wording lives in `messages.ts`, keyed by code, in Polish and English.
 */
import type { z } from "zod";
import type { Language } from "./vocabulary/localized.ts";
import { renderIssueMessage } from "./messages.ts";
import { MAX_COMBINING_MARKS } from "./schemas/primitives.ts";

export const ISSUE_CODES = [
  "INVALID_TYPE",
  "INVALID_VALUE",
  "TOO_SMALL",
  "TOO_BIG",
  "UNKNOWN_KEY",
  "INVALID_FORMAT",
  "DUPLICATE_ID",
  "DANGLING_REFERENCE",
  "INVALID",
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type IssuePath = readonly (string | number)[];

export interface Issue {
  code: IssueCode;
  /** Where, as a dotted path with indexes: `needs[0].priority`. */
  path: string;
  /** Where, as an RFC 6901 JSON pointer: `/needs/0/priority`. */
  pointer: string;
  message: string;
  expected?: string;
  received?: string;
  allowed?: readonly (string | number)[];
}

/** `["needs", 0, "priority"]` -> `needs[0].priority`. */
export function formatPath(path: IssuePath): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    return out === "" ? key : `${out}.${key}`;
  }, "");
}

/** `["needs", 0, "priority"]` -> `/needs/0/priority`. */
export function toJsonPointer(path: IssuePath): string {
  return path.map((key) => `/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

/**
 * The value at `path` of what was parsed, for issues zod made without it: zod 4 keeps the
 * offending input only when parsing with `reportInput: true`, and a framework's validator (the
 * API's) may not ask for it. Undefined when nothing is there (the value is missing).
 */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * Turns zod's issues into ours, in the chosen language. `input`, when given, is what was parsed:
 * issues made without `reportInput` then still say what was received.
 */
export function issuesFromZod(
  error: z.ZodError,
  language: Language = "en",
  prefix: IssuePath = [],
  input?: unknown,
): Issue[] {
  return error.issues.map((found) => {
    const raw =
      found.input === undefined && input !== undefined
        ? { ...found, input: valueAt(input, found.path) }
        : found;
    const path = [...prefix, ...(raw.path as (string | number)[])];
    const base = { path: formatPath(path), pointer: toJsonPointer(path) };
    switch (raw.code) {
      case "invalid_type":
        return {
          ...base,
          code: "INVALID_TYPE",
          expected: raw.expected,
          received: describeReceived(raw.input),
          message: renderIssueMessage(language, "INVALID_TYPE", {
            expected: raw.expected,
            received: describeReceived(raw.input),
          }),
        };
      case "invalid_value": {
        const allowed = inDeclaredOrder(raw.values.map(String));
        const received = echoValue(raw.input);
        return {
          ...base,
          code: "INVALID_VALUE",
          received,
          allowed,
          message: renderIssueMessage(language, "INVALID_VALUE", {
            received,
            allowed: allowed.map((v) => JSON.stringify(v)).join(", "),
          }),
        };
      }
      case "too_small":
        return {
          ...base,
          code: "TOO_SMALL",
          expected: `>= ${String(raw.minimum)}`,
          message: renderIssueMessage(language, "TOO_SMALL", {
            minimum: String(raw.minimum),
            origin: raw.origin,
          }),
        };
      case "too_big":
        return {
          ...base,
          code: "TOO_BIG",
          expected: `<= ${String(raw.maximum)}`,
          message: renderIssueMessage(language, "TOO_BIG", {
            maximum: String(raw.maximum),
            origin: raw.origin,
          }),
        };
      case "unrecognized_keys":
        return {
          ...base,
          code: "UNKNOWN_KEY",
          received: raw.keys.join(", "),
          message: renderIssueMessage(language, "UNKNOWN_KEY", { keys: raw.keys.join(", ") }),
        };
      case "invalid_format":
        return {
          ...base,
          code: "INVALID_FORMAT",
          expected: raw.format,
          message: renderIssueMessage(language, "INVALID_FORMAT", {
            format: raw.format,
            detail: raw.message,
          }),
        };
      case "custom": {
        // The text rule of primitives.ts names the check that failed; its wording is ours.
        const rule = (raw.params as { textRule?: string } | undefined)?.textRule;
        if (rule === undefined) return { ...base, code: "INVALID", message: raw.message };
        return {
          ...base,
          code: "INVALID_FORMAT",
          expected: "text",
          message: renderIssueMessage(language, `TEXT_${rule.toUpperCase()}`, {
            max: String(MAX_COMBINING_MARKS),
          }),
        };
      }
      default:
        return { ...base, code: "INVALID", message: raw.message };
    }
  });
}

/**
 * zod keeps enum values in an object, where integer-like keys ("10") come before the others
 * ("02"): TERYT codes would be listed 10..32 then 02..08. Numeric codes are put back in order.
 */
function inDeclaredOrder(values: string[]): string[] {
  return values.every((v) => /^\d+$/.test(v)) ? [...values].sort() : values;
}

/** Longest text quoted back: a huge value never makes a huge message. */
const MAX_QUOTED = 120;

/**
 * A received value as a message quotes it: a scalar as JSON (a long string cut short), an object
 * or array by its kind only (stringifying a hostile, deeply nested value could overflow the stack).
 */
function echoValue(input: unknown): string {
  if (input === undefined) return "(missing)";
  if (input !== null && typeof input === "object") return describeReceived(input);
  if (typeof input === "string" && input.length > MAX_QUOTED)
    return `${JSON.stringify(input.slice(0, MAX_QUOTED))}…`;
  return typeof input === "bigint" || typeof input === "symbol" || typeof input === "function"
    ? typeof input
    : JSON.stringify(input);
}

function describeReceived(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  return typeof input;
}

/** Renders issues for a terminal or a log: one line each, place first. */
export function formatIssues(issues: readonly Issue[], prefix = ""): string {
  return issues
    .map((issue) => `${prefix}${issue.path === "" ? "(root)" : issue.path}: ${issue.message}`)
    .join("\n");
}

/** The one error class of the domain: bad input, with every issue found. */
export class DomainValidationError extends Error {
  override readonly name = "DomainValidationError";
  readonly code = "DOMAIN_VALIDATION_FAILED";
  constructor(
    readonly issues: Issue[],
    readonly subject: string,
    options?: { cause?: unknown },
  ) {
    super(`${subject} is invalid:\n${formatIssues(issues, "  ")}`, options);
  }
}

/**
 * Parses with a schema or throws a DomainValidationError listing every issue.
 *
 * @example
 * const input = parseOrThrow(AssessmentInputSchema, body, "assessment");
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  subject: string,
  language: Language = "en",
): z.infer<S> {
  // reportInput keeps the offending value in each issue, so messages can quote it.
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw new DomainValidationError(issuesFromZod(result.error, language), subject, {
    cause: result.error,
  });
}
