/**
 * @module
 * The API's one error class. Handlers and middleware throw it; `app.onError` turns it into an
 * RFC 9457 problem document (see `problem.ts`).
 */
import type { Issue } from "@klastry/domain";

/** Where in the request an issue was found. */
export type IssueLocation = "body" | "query" | "path" | "header";

/**
 * A domain issue (`Issue` of @klastry/domain) or a rule-file issue of the rules engine, plus the
 * part of the request it is about; path and pointer are relative to that part (or to `file`).
 * The code is widened to a string: rule-file and HTTP issues bring codes of their own.
 */
export interface ApiIssue extends Omit<Issue, "code"> {
  code: string;
  in?: IssueLocation;
  /** The rule file an issue is in (rules routes). */
  file?: string;
  /** The nearest allowed name, for "did you mean". */
  suggestion?: string;
}

export const API_ERROR_CODES = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RULEBOOK_INVALID: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  RULEBOOK_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  WEB_APP_UNAVAILABLE: 503,
} as const;
export type ApiErrorCode = keyof typeof API_ERROR_CODES;
export type ApiErrorStatus = (typeof API_ERROR_CODES)[ApiErrorCode];

export const PROBLEM_TITLES: Record<ApiErrorCode, string> = {
  VALIDATION_FAILED: "The request is invalid",
  MALFORMED_JSON: "The request body is not valid JSON",
  UNAUTHENTICATED: "A valid API key or access token is required",
  FORBIDDEN: "This key may not access this resource",
  NOT_FOUND: "Not found",
  METHOD_NOT_ALLOWED: "Method not allowed",
  NOT_ACCEPTABLE: "No acceptable representation",
  CONFLICT: "The resource is not in a state that allows this",
  PAYLOAD_TOO_LARGE: "The request body is too large",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported media type",
  RULEBOOK_INVALID: "The rulebook is invalid",
  RATE_LIMITED: "Too many requests",
  INTERNAL: "Internal server error",
  RULEBOOK_UNAVAILABLE: "No rulebook is loaded",
  DATABASE_UNAVAILABLE: "The database is unavailable",
  WEB_APP_UNAVAILABLE: "The web app is being rebuilt",
};

export interface ApiErrorOptions {
  issues?: ApiIssue[];
  /** Extra response headers, e.g. WWW-Authenticate or Retry-After. */
  headers?: Record<string, string>;
  cause?: unknown;
}

/**
 * An error with an HTTP meaning.
 *
 * @example
 * throw new ApiError("FORBIDDEN", "this key is scoped to region 14, not 24");
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: ApiErrorStatus;
  readonly issues: ApiIssue[];
  readonly headers: Record<string, string>;

  constructor(
    readonly code: ApiErrorCode,
    readonly detail: string,
    options: ApiErrorOptions = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = API_ERROR_CODES[code];
    this.issues = options.issues ?? [];
    this.headers = options.headers ?? {};
  }
}
