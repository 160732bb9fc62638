/**
 * @module
 * Turns zod's issues for a rule file into rule issues. A condition is a union (all / any / not /
 * leaf); zod reports a failed union with the errors of every branch, so we keep only the branch
 * the author meant, judged by the keys present, and report its issues at their real place.
 */
import { issuesFromZod, toJsonPointer, type Language } from "@klastry/domain";
import { z } from "zod";
import type { RuleIssue } from "./errors.ts";
import { ruleIssue } from "./messages.ts";

type RawIssue = z.core.$ZodIssue;

export function schemaIssues(
  error: z.ZodError,
  input: unknown,
  file: string,
  language: Language,
): RuleIssue[] {
  const flat = error.issues.flatMap((issue) => flatten(issue, input, [], language));
  return flat.map((issue) => {
    const path = issue.path as (string | number)[];
    const pointer = toJsonPointer(path);
    // An incomplete reason is a missing reason: say so in the words of the reason check.
    const absent = issue.code === "invalid_type" && valueAt(input, path) === undefined;
    if (path[0] === "reasons" && path.length >= 3 && absent) {
      const params = { name: String(path[1]), missing: path.slice(2).join(".") };
      return ruleIssue(language, file, pointer, "MISSING_REASON", params);
    }
    const [domainIssue] = issuesFromZod(new z.ZodError([issue]), language);
    // The place is the issue's own path; the detail says only what is wrong there.
    const params = { detail: domainIssue?.message ?? issue.message };
    return ruleIssue(
      language,
      file,
      pointer,
      "RULE_SCHEMA_INVALID",
      params,
      domainIssue?.allowed?.map(String),
    );
  });
}

function flatten(
  issue: RawIssue,
  input: unknown,
  prefix: PropertyKey[],
  language: Language,
): RawIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code !== "invalid_union") return [{ ...issue, path }];
  const value = valueAt(input, path);
  const chosen = chooseBranch(path, value);
  const branch = chosen === undefined ? undefined : issue.errors[chosen];
  if (!branch)
    return [
      {
        code: "custom",
        path,
        message: UNION_MESSAGES[language][unionKind(path)],
        input: value,
      },
    ];
  return branch.flatMap((inner) => flatten(inner, input, path, language));
}

/** Which union a path is in: a condition value, the root of `conditions`, or a nested condition. */
function unionKind(path: readonly PropertyKey[]): "value" | "top" | "condition" {
  if (path.includes("value") || path.includes("params")) return "value";
  return path.length === 1 && path[0] === "conditions" ? "top" : "condition";
}

const UNION_MESSAGES: Record<Language, Record<"value" | "top" | "condition", string>> = {
  en: {
    value:
      'must be a string, number, boolean, null, an array of those, or a fact reference {"fact": ..., "path"?: ...}',
    top: 'the root of conditions must be an object with "all", "any" or "not"',
    condition: 'a condition must be an object with "all", "any", "not" or "fact"',
  },
  pl: {
    value:
      'musi być tekstem, liczbą, wartością logiczną, null, tablicą takich wartości albo odwołaniem do faktu {"fact": ..., "path"?: ...}',
    top: 'korzeń conditions musi być obiektem z "all", "any" albo "not"',
    condition: 'warunek musi być obiektem z "all", "any", "not" albo "fact"',
  },
};

/** Branches are declared as [all, any, not, leaf] and [scalar, array, fact reference] (rule-file.ts). */
function chooseBranch(path: readonly PropertyKey[], value: unknown): number | undefined {
  const kind = unionKind(path);
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  if (kind === "value") return Object.hasOwn(value, "fact") ? 2 : undefined;
  if (Object.hasOwn(value, "all")) return 0;
  if (Object.hasOwn(value, "any")) return 1;
  if (Object.hasOwn(value, "not")) return 2;
  return kind === "condition" ? 3 : undefined;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
