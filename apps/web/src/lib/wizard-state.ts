/**
 * @module
 * The shape of the wizard's answers and an empty survey. Type-only imports from the domain, so
 * the app frame (which holds the store) does not pull zod into the first page.
 */
import type { ActorType, PublicTask, ReadinessLevel, SupportFunction } from "@klastry/domain";

export type PriorityAnswer = "1" | "2" | "3";

/** A saved assessment this browser knows the private token of. */
export interface SavedAccess {
  assessmentId: string;
  clusterId: string;
  token: string;
  savedAt: string;
}

export interface WizardDraft {
  version: 1;
  /** Answers to scalar questions by input path; "" or missing = not answered. */
  answers: Record<string, string>;
  needs: Partial<Record<ActorType, Partial<Record<SupportFunction, PriorityAnswer>>>>;
  publicTasks: Partial<Record<PublicTask, ReadinessLevel>>;
  /** Set after the first save, so later saves add to the same cluster's history. */
  clusterId?: string;
  saved: SavedAccess[];
}

export function emptyDraft(): WizardDraft {
  return { version: 1, answers: {}, needs: {}, publicTasks: {}, saved: [] };
}
