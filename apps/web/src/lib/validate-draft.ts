/**
 * @module
 * Validates the wizard's answers with the domain's AssessmentInputSchema and places each issue
 * beside the question it names (by path), in plain words of the page's language: "Wybierz
 * województwo", never zod's or the API's wording.
 */
import {
  AssessmentInputSchema,
  issuesFromZod,
  SupportFunctions,
  type AssessmentInput,
  type Issue,
  type SupportFunction,
} from "@klastry/domain";
import { labelOf, language, t } from "../i18n/index.ts";
import { draftToRaw, type LocalIssue } from "./wizard-draft.ts";
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
  /** Message per question path (a need's "who" answer: `needs.<function>.actors`). */
  fields: Record<string, string>;
  /** Issues no single question owns (e.g. a duplicate need), by step. */
  other: PlacedIssue[];
}

/** The message for an issue on a question, by what the question asks and what went wrong. */
function messageFor(issue: Issue, field: FieldDef, draft: WizardDraft): string {
  if ((draft.answers[field.path] ?? "").trim() === "") {
    return t(field.requiredKey ?? "validation.required");
  }
  switch (field.kind) {
    case "date":
      return t("validation.date");
    case "url":
      return t("validation.url");
    case "choice":
    case "month":
    case "tri":
      return t("validation.choice");
    case "integer":
    case "decimal":
      if (issue.code === "TOO_SMALL")
        return t("validation.min", { min: issue.expected?.replace(">= ", "") ?? "" });
      if (issue.code === "TOO_BIG")
        return t("validation.max", { max: issue.expected?.replace("<= ", "") ?? "" });
      return t(field.kind === "integer" ? "validation.integer" : "validation.number");
    default:
      return issue.code === "TOO_BIG" ? t("validation.tooLong") : t("validation.text");
  }
}

function localMessage(local: LocalIssue): string {
  if (local.kind === "number") return t("validation.number");
  const fn = local.path.split(".")[1] as SupportFunction;
  return t("validation.needActors", { function: labelOf(SupportFunctions.entries, fn) });
}

/** Validates the whole draft; reactive when called inside a memo (reads the store and language). */
export function validateDraft(draft: WizardDraft): DraftValidation {
  const { raw, localIssues } = draftToRaw(draft);
  const fields: Record<string, string> = {};
  const other: PlacedIssue[] = [];
  for (const local of localIssues) fields[local.path] = localMessage(local);
  const result = AssessmentInputSchema.safeParse(raw, { reportInput: true });
  if (result.success && localIssues.length === 0) return { input: result.data, fields, other };
  if (!result.success) {
    for (const issue of issuesFromZod(result.error, language())) {
      const field = fieldForPath(issue.path);
      if (field) fields[field.path] ??= messageFor(issue, field, draft);
      else other.push({ path: issue.path, step: stepOfPath(issue.path), message: issue.message });
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
  const fieldErrors = Object.entries(validation.fields).filter(
    ([path]) => paths.has(path) || (step === 3 && path.startsWith("needs.")),
  );
  return { fieldErrors, other: validation.other.filter((issue) => issue.step === step) };
}
