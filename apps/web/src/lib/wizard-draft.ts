/**
 * @module
 * The wizard's answers as typed (strings, so "12a" can be shown back with its error), and their
 * conversion to an AssessmentInput. An unanswered question is left out, never turned into 0 or
 * false: the engine reads absent as "can't tell yet".
 */
import {
  ActorTypes,
  PublicTasks,
  SupportFunctions,
  type ActorType,
  type PublicTask,
  type ReadinessLevel,
  type SupportFunction,
} from "@klastry/domain";
import { isVisible, WIZARD_FIELDS, type FieldDef } from "./wizard-fields.ts";
import { emptyDraft, type PriorityAnswer, type WizardDraft } from "./wizard-state.ts";

/** A problem found before zod sees the value: text that is not a number. */
export interface LocalIssue {
  path: string;
  kind: "number";
}

export interface DraftConversion {
  /** The raw input for AssessmentInputSchema (not yet validated). */
  raw: Record<string, unknown>;
  localIssues: LocalIssue[];
}

/** "1 200,5" -> 1200.5; undefined when the text is not a number. */
export function parseNumber(text: string): number | undefined {
  const normalised = text.replace(/[\s\u00a0]/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return undefined;
  return Number(normalised);
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = target;
  keys.slice(0, -1).forEach((key) => {
    const next = node[key];
    if (typeof next === "object" && next !== null) node = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      node[key] = created;
      node = created;
    }
  });
  node[keys[keys.length - 1] as string] = value;
}

/** The typed value of one answer, or undefined when it is unanswered or not parseable. */
export function answerValue(field: FieldDef, text: string | undefined): unknown {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") return undefined;
  switch (field.kind) {
    case "tri":
      return trimmed === "yes" ? true : trimmed === "no" ? false : undefined;
    case "integer":
    case "decimal":
      return parseNumber(trimmed);
    case "lines": {
      const items = trimmed
        .split(/[\n;]/)
        .map((item) => item.trim())
        .filter((item) => item !== "");
      return items.length > 0 ? items : undefined;
    }
    default:
      return trimmed;
  }
}

/** Turns the draft into the raw assessment input, collecting numbers that do not parse. */
export function draftToRaw(draft: WizardDraft): DraftConversion {
  const raw: Record<string, unknown> = { cluster: {} };
  const localIssues: LocalIssue[] = [];
  for (const field of WIZARD_FIELDS) {
    if (!isVisible(field, draft.answers)) continue;
    const text = draft.answers[field.path];
    const value = answerValue(field, text);
    if (value === undefined) {
      if ((field.kind === "integer" || field.kind === "decimal") && (text ?? "").trim() !== "") {
        localIssues.push({ path: field.path, kind: "number" });
      }
      continue;
    }
    setAt(raw, field.path, value);
  }
  if (draft.clusterId) raw.clusterId = draft.clusterId;
  // Needs and tasks in vocabulary order, so the same answers always give the same input.
  const needs = ActorTypes.codes.flatMap((actor) =>
    SupportFunctions.codes.flatMap((fn) => {
      const priority = draft.needs[actor]?.[fn];
      return priority ? [{ actor, function: fn, priority: Number(priority) }] : [];
    }),
  );
  if (needs.length > 0) raw.needs = needs;
  const publicTasks = PublicTasks.codes.flatMap((task) => {
    const readiness = draft.publicTasks[task];
    return readiness ? [{ task, readiness }] : [];
  });
  if (publicTasks.length > 0) raw.publicTasks = publicTasks;
  return { raw, localIssues };
}

/** Writes a stored assessment's answers into a fresh draft (to continue from a saved one). */
export function draftFromInput(input: {
  cluster: object;
  profile?: object;
  needs?: readonly { actor: ActorType; function: SupportFunction; priority: number }[];
  publicTasks?: readonly { task: PublicTask; readiness: ReadinessLevel }[];
  ownContribution?: object;
  clusterId?: string;
}): WizardDraft {
  const draft = emptyDraft();
  const source = input as unknown as Record<string, unknown>;
  for (const field of WIZARD_FIELDS) {
    const value = field.path
      .split(".")
      .reduce<unknown>(
        (node, key) =>
          typeof node === "object" && node !== null
            ? (node as Record<string, unknown>)[key]
            : undefined,
        source,
      );
    if (value === undefined || value === null) continue;
    if (typeof value === "boolean") draft.answers[field.path] = value ? "yes" : "no";
    else if (Array.isArray(value)) draft.answers[field.path] = value.join("\n");
    else draft.answers[field.path] = String(value);
  }
  for (const need of input.needs ?? []) {
    const priority = String(need.priority) as PriorityAnswer;
    draft.needs[need.actor] = { ...draft.needs[need.actor], [need.function]: priority };
  }
  for (const entry of input.publicTasks ?? []) draft.publicTasks[entry.task] = entry.readiness;
  if (input.clusterId) draft.clusterId = input.clusterId;
  return draft;
}
