/**
 * @module
 * The one error class of @klastry/db. Bad input (a malformed seed record, an unknown cluster id,
 * an unsupported database url) carries a code and, where records were checked, every issue found.
 */
import { formatIssues, type Issue } from "@klastry/domain";

export const DB_ERROR_CODES = [
  "CONFIG_INVALID",
  "SEED_INVALID",
  "CLUSTER_NOT_FOUND",
  "ARGUMENT_INVALID",
  "STATE_CONFLICT",
] as const;
export type DbErrorCode = (typeof DB_ERROR_CODES)[number];

/** Raised for bad input to the database layer; `issues` lists every problem found, place first. */
export class DbError extends Error {
  override readonly name = "DbError";
  constructor(
    readonly code: DbErrorCode,
    message: string,
    readonly issues: Issue[] = [],
    options?: { cause?: unknown },
  ) {
    super(issues.length === 0 ? message : `${message}\n${formatIssues(issues, "  ")}`, options);
  }
}
