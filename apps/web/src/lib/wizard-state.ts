/**
 * @module
 * The shape of the wizard's answers and an empty survey, and the reading of a draft stored by an
 * earlier version of the app. Type-only imports from the domain, so the app frame (which holds
 * the store) does not pull zod into the first page.
 */
import type {
  ActorType,
  PublicTask,
  ReadinessLevel,
  SupportFunction,
  Visibility,
} from "@klastry/domain";

export type PriorityAnswer = "1" | "2" | "3";

/** The priority a checked need gets when the coordinator sets none (a medium one). */
export const DEFAULT_PRIORITY: PriorityAnswer = "2";

/** A saved assessment this browser knows the private token of. */
export interface SavedAccess {
  assessmentId: string;
  clusterId: string;
  token: string;
  savedAt: string;
}

/** One function the cluster needs support in: who in the cluster needs it and how urgently. */
export interface NeedAnswer {
  actors: ActorType[];
  /** Absent: not set; the need is sent with DEFAULT_PRIORITY. */
  priority?: PriorityAnswer;
}

/** The list questions that have an explicit "none of these" answer (absent = not answered). */
export type ListQuestion =
  "needs" | "publicTasks" | "cluster.sectors" | "cluster.smartSpecialisations";

export interface WizardDraft {
  version: 2;
  /** Answers to scalar questions by input path; "" or missing = not answered. */
  answers: Record<string, string>;
  /** The functions checked on the needs step. */
  needs: Partial<Record<SupportFunction, NeedAnswer>>;
  publicTasks: Partial<Record<PublicTask, ReadinessLevel>>;
  /** Lists answered "none of these". */
  none: Partial<Record<ListQuestion, boolean>>;
  /** The coordinator's last choice of whom the region shows the cluster to, for the next save. */
  visibility?: Visibility;
  /** Set after the first save, so later saves add to the same cluster's history. */
  clusterId?: string;
  saved: SavedAccess[];
}

export function emptyDraft(): WizardDraft {
  return { version: 2, answers: {}, needs: {}, publicTasks: {}, none: {}, saved: [] };
}

/** A draft as version 1 stored it: a priority per actor and function. */
interface DraftV1 {
  version: 1;
  answers?: Record<string, string>;
  needs?: Partial<Record<ActorType, Partial<Record<SupportFunction, PriorityAnswer>>>>;
  publicTasks?: Partial<Record<PublicTask, ReadinessLevel>>;
  clusterId?: string;
  saved?: SavedAccess[];
}

/**
 * Version 1's needs as version 2's: each function with the actors that had it and the most
 * urgent of their priorities (version 2 keeps one priority per function).
 */
function needsFromV1(needs: DraftV1["needs"]): WizardDraft["needs"] {
  const out: WizardDraft["needs"] = {};
  for (const [actor, functions] of Object.entries(needs ?? {})) {
    for (const [fn, priority] of Object.entries(functions ?? {})) {
      if (!priority) continue;
      const current = out[fn as SupportFunction] ?? { actors: [] };
      current.actors.push(actor as ActorType);
      if (!current.priority || priority < current.priority) current.priority = priority;
      out[fn as SupportFunction] = current;
    }
  }
  return out;
}

/** A stored draft of either version as version 2; an unreadable one is a fresh survey. */
export function upgradeDraft(stored: unknown): WizardDraft {
  if (typeof stored !== "object" || stored === null) return emptyDraft();
  const parsed = stored as Partial<WizardDraft> | DraftV1;
  const saved = Array.isArray(parsed.saved) ? parsed.saved : [];
  const common = {
    answers: { ...parsed.answers },
    publicTasks: { ...parsed.publicTasks },
    saved,
    ...(parsed.clusterId === undefined ? {} : { clusterId: parsed.clusterId }),
  };
  if (parsed.version === 1) {
    return { ...emptyDraft(), ...common, needs: needsFromV1(parsed.needs) };
  }
  if (parsed.version !== 2) return emptyDraft();
  return {
    ...emptyDraft(),
    ...common,
    needs: { ...parsed.needs },
    none: { ...parsed.none },
    ...(parsed.visibility === undefined ? {} : { visibility: parsed.visibility }),
  };
}
