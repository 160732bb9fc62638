/**
 * @module
 * The wizard's answers as typed (strings, so "12a" can be shown back with its error), and their
 * conversion to an AssessmentInput. An unanswered question is left out, never turned into 0, false
 * or an empty list: the engine reads absent as "can't tell yet". A list answered "none of these"
 * is sent as [].
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
import { isVisible, needGroups, WIZARD_FIELDS, type FieldDef } from "./wizard-fields.ts";
import {
  DEFAULT_PRIORITY,
  emptyDraft,
  type ListQuestion,
  type PriorityAnswer,
  type WizardDraft,
} from "./wizard-state.ts";

/** A problem found before zod sees the value: text that is not a number, a need with nobody. */
export interface LocalIssue {
  path: string;
  kind: "number" | "needActors";
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
    case "month":
      return Number(trimmed);
    default:
      return trimmed;
  }
}

/** The DOM-free path of a checked function's "who needs it" answer, for its issue. */
export function needActorsPath(fn: SupportFunction): string {
  return `needs.${fn}.actors`;
}

/**
 * The needs as the assessment carries them, in vocabulary order (the same answers always give
 * the same input): one entry per checked function and group the cluster has, each with the
 * function's priority (medium when none was set). Undefined when the step was not answered.
 */
function needsOf(draft: WizardDraft, localIssues: LocalIssue[]): unknown[] | undefined {
  if (draft.none.needs) return [];
  const groups = needGroups(draft.answers);
  const onlyCoordinator = groups.length === 1;
  const needs = SupportFunctions.codes.flatMap((fn) => {
    const answer = draft.needs[fn];
    if (!answer) return [];
    // A cluster with no member groups: the coordinator is the only one who can need support.
    const actors = onlyCoordinator
      ? (["coordinator"] as ActorType[])
      : ActorTypes.codes.filter((actor) => answer.actors.includes(actor) && groups.includes(actor));
    if (actors.length === 0) {
      localIssues.push({ path: needActorsPath(fn), kind: "needActors" });
      return [];
    }
    const priority = Number(answer.priority ?? DEFAULT_PRIORITY);
    return actors.map((actor) => ({ actor, function: fn, priority }));
  });
  return needs.length > 0 ? needs : undefined;
}

/** Turns the draft into the raw assessment input, collecting answers that do not convert. */
export function draftToRaw(draft: WizardDraft): DraftConversion {
  const raw: Record<string, unknown> = { cluster: {} };
  const localIssues: LocalIssue[] = [];
  for (const field of WIZARD_FIELDS) {
    if (!isVisible(field, draft.answers)) continue;
    if (field.kind === "lines" && draft.none[field.path as ListQuestion]) {
      setAt(raw, field.path, []);
      continue;
    }
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
  const needs = needsOf(draft, localIssues);
  if (needs !== undefined) raw.needs = needs;
  if (draft.none.publicTasks) raw.publicTasks = [];
  else {
    const publicTasks = PublicTasks.codes.flatMap((task) => {
      const readiness = draft.publicTasks[task];
      return readiness ? [{ task, readiness }] : [];
    });
    if (publicTasks.length > 0) raw.publicTasks = publicTasks;
  }
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
    else if (Array.isArray(value)) {
      if (value.length === 0) draft.none[field.path as ListQuestion] = true;
      else draft.answers[field.path] = value.join("\n");
    } else draft.answers[field.path] = typeof value === "string" ? value : JSON.stringify(value);
  }
  if (input.needs?.length === 0) draft.none.needs = true;
  for (const need of input.needs ?? []) {
    const priority = String(need.priority) as PriorityAnswer;
    const current = draft.needs[need.function] ?? { actors: [] };
    current.actors = [...current.actors, need.actor];
    // One priority per function: the most urgent of its needs.
    if (!current.priority || priority < current.priority) current.priority = priority;
    draft.needs[need.function] = current;
  }
  if (input.publicTasks?.length === 0) draft.none.publicTasks = true;
  for (const entry of input.publicTasks ?? []) draft.publicTasks[entry.task] = entry.readiness;
  if (input.clusterId) draft.clusterId = input.clusterId;
  return draft;
}
