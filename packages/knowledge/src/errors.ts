/**
 * @module
 * The one error class of the knowledge package: a knowledge tree that does not load, with every
 * issue found in every file (not only the first).
 */
import type { Issue } from "@klastry/domain";

/** An issue of the knowledge base: a domain issue plus the file it was found in. */
export interface KnowledgeIssue extends Issue {
  /** Path of the file relative to the knowledge directory, with forward slashes. */
  file: string;
}

export const KNOWLEDGE_ERROR_CODES = ["KNOWLEDGE_BASE_INVALID"] as const;
export type KnowledgeErrorCode = (typeof KNOWLEDGE_ERROR_CODES)[number];

/** Renders issues one per line as `file: path: message` (path `(root)` for a whole-file issue). */
export function formatKnowledgeIssues(issues: readonly KnowledgeIssue[]): string {
  return issues
    .map((issue) => `${issue.file}: ${issue.path === "" ? "(root)" : issue.path}: ${issue.message}`)
    .join("\n");
}

/** Thrown by `loadKnowledgeBase` when any file is unreadable, invalid or inconsistent. */
export class KnowledgeBaseError extends Error {
  override readonly name = "KnowledgeBaseError";
  readonly code: KnowledgeErrorCode = "KNOWLEDGE_BASE_INVALID";
  constructor(
    readonly issues: KnowledgeIssue[],
    readonly dir: string,
    options?: { cause?: unknown },
  ) {
    super(
      `knowledge base in ${dir} is invalid (${issues.length} issue(s)):\n${formatKnowledgeIssues(issues)}`,
      options,
    );
  }
}
