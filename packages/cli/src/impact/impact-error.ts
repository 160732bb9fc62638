/**
 * @module
 * What stops `klastry rules impact` before it compares anything, as data: a code and a message
 * naming the place (revision, folder, file) and what is allowed. The command prints the message
 * and exits 2.
 */
export const IMPACT_ERROR_CODES = [
  "NOT_A_GIT_REPOSITORY",
  "BAD_REVISION",
  "NO_RULE_FILES",
  "RULEBOOK_INVALID",
  "ASSESSMENTS_INVALID",
  "DATABASE_UNAVAILABLE",
] as const;
export type ImpactErrorCode = (typeof IMPACT_ERROR_CODES)[number];

export class ImpactError extends Error {
  override readonly name = "ImpactError";
  constructor(
    readonly code: ImpactErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
