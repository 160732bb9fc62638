/**
 * @module
 * Validates the wizard's answers with the domain's AssessmentInputSchema and places each issue
 * beside the question it names (by path), worded in the page's language.
 */
import {
  AssessmentInputSchema,
  issuesFromZod,
  type AssessmentInput,
  type Issue,
} from "@klastry/domain";
import { language, t } from "../i18n/index.ts";
import { draftToRaw } from "./wizard-draft.ts";
import type { WizardDraft } from "./wizard-state.ts";
import { fieldForPath, stepOfPath, type FieldDef, type StepNumber } from "./wizard-fields.ts";

export interface PlacedIssue {
  path: string;
  step: StepNumber;
  message: string;
}

export interface DraftValidation {
  /** The parsed input when every answer is valid. */
  input?: AssessmentInput;
  /** Message per question path. */
  fields: Record<string, string>;
  /** Issues no single question owns (e.g. a duplicate need), by step. */
  other: PlacedIssue[];
}

/** Our wording for an issue where the domain's generic one would confuse a person. */
function messageFor(issue: Issue, field: FieldDef | undefined): string {
  if (issue.code === "INVALID_TYPE" && issue.received === "undefined")
    return t("validation.required");
  if (!field) return issue.message;
  if (field.kind === "date") return t("validation.date");
  if (field.kind === "url") return t("validation.url");
  if (field.kind === "integer" && issue.code === "INVALID_TYPE") return t("validation.integer");
  if (issue.code === "TOO_SMALL" && (field.kind === "integer" || field.kind === "decimal")) {
    return t("validation.min", { min: issue.expected?.replace(">= ", "") ?? "" });
  }
  if (issue.code === "TOO_BIG" && (field.kind === "integer" || field.kind === "decimal")) {
    return t("validation.max", { max: issue.expected?.replace("<= ", "") ?? "" });
  }
  return issue.message;
}

/** Validates the whole draft; reactive when called inside a memo (reads the store and language). */
export function validateDraft(draft: WizardDraft): DraftValidation {
  const { raw, localIssues } = draftToRaw(draft);
  const fields: Record<string, string> = {};
  const other: PlacedIssue[] = [];
  for (const local of localIssues) fields[local.path] = t("validation.number");
  const result = AssessmentInputSchema.safeParse(raw);
  if (result.success && localIssues.length === 0) return { input: result.data, fields, other };
  if (!result.success) {
    for (const issue of issuesFromZod(result.error, language())) {
      const field = fieldForPath(issue.path);
      const message = messageFor(issue, field);
      if (field) fields[field.path] ??= message;
      else other.push({ path: issue.path, step: stepOfPath(issue.path), message });
    }
  }
  return { fields, other };
}

/** The messages of the given step only. */
export function stepIssues(
  validation: DraftValidation,
  step: StepNumber,
  fieldsOfStep: readonly FieldDef[],
) {
  const paths = new Set(fieldsOfStep.map((field) => field.path));
  const fieldErrors = Object.entries(validation.fields).filter(([path]) => paths.has(path));
  return { fieldErrors, other: validation.other.filter((issue) => issue.step === step) };
}
