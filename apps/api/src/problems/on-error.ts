/**
 * @module
 * The one translation point from errors to HTTP: `onError`, `notFound` and the validation hook
 * of @hono/zod-openapi all answer with a problem document. Unknown errors are logged with their
 * stack and answered 500 without it.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { z } from "zod";
import { DbError } from "@klastry/db";
import { issuesFromZod, type Language } from "@klastry/domain";
import type { Logger } from "../logger.ts";
import { ApiError, type ApiErrorCode, type IssueLocation } from "./api-error.ts";
import { buildProblem, PROBLEM_CONTENT_TYPE } from "./problem.ts";

const TARGETS: Record<string, IssueLocation> = {
  json: "body",
  form: "body",
  query: "query",
  param: "path",
  header: "header",
};

/** The language of error messages: `?lang=` if valid, else Accept-Language, else English. */
export function problemLanguage(c: Context): Language {
  const lang = c.req.query("lang");
  if (lang === "pl" || lang === "en") return lang;
  return /^\s*pl\b/i.test(c.req.header("accept-language") ?? "") ? "pl" : "en";
}

/**
 * zod-openapi's `defaultHook`: a failed validation throws an ApiError listing every issue, so
 * `onError` answers it like any other problem.
 */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target: string; data?: unknown },
  c: Context,
): void {
  if (result.success) return;
  const location = TARGETS[result.target] ?? "body";
  // The validator parses without `reportInput`; the input it parsed says what was received.
  const issues = issuesFromZod(result.error, problemLanguage(c), [], result.data).map((issue) => ({
    ...issue,
    in: location,
  }));
  const where = location === "path" ? "path parameters" : `request ${location}`;
  throw new ApiError("VALIDATION_FAILED", `${issues.length} invalid field(s) in the ${where}`, {
    issues,
  });
}

export function problemResponse(c: Context, error: ApiError): Response {
  const body = buildProblem({
    code: error.code,
    status: error.status,
    detail: error.detail,
    issues: error.issues,
    requestId: c.get("requestId"),
  });
  const headers = new Headers(error.headers);
  headers.set("content-type", PROBLEM_CONTENT_TYPE);
  // Responses built before the error (e.g. by a handler) are replaced, so set secure defaults here.
  headers.set("cache-control", "no-store");
  const requestId = c.get("requestId") as string | undefined;
  if (requestId !== undefined) headers.set("x-request-id", requestId);
  return new Response(JSON.stringify(body), { status: error.status, headers });
}

/** Maps hono's own HTTPExceptions (malformed JSON, 415 from the media-type gate, ...) to codes. */
function fromHttpException(error: HTTPException): ApiError {
  const byStatus: Record<number, ApiErrorCode> = {
    400: /json/i.test(error.message) ? "MALFORMED_JSON" : "VALIDATION_FAILED",
    401: "UNAUTHENTICATED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
  };
  const code = byStatus[error.status];
  if (code === undefined) {
    return new ApiError("INTERNAL", "the request could not be handled", { cause: error });
  }
  const detail =
    code === "MALFORMED_JSON"
      ? "the request body is not valid JSON; send a JSON document with Content-Type: application/json"
      : code === "UNSUPPORTED_MEDIA_TYPE"
        ? "send the request body as application/json"
        : error.message || code.toLowerCase();
  return new ApiError(code, detail, { cause: error });
}

/** The db layer's bad-input errors (a request raced a change, an argument it refuses). */
function fromDbError(error: DbError): ApiError | undefined {
  if (error.code === "CLUSTER_NOT_FOUND")
    return new ApiError("NOT_FOUND", error.message, { cause: error });
  if (error.code === "STATE_CONFLICT")
    return new ApiError("CONFLICT", error.message, { cause: error });
  if (error.code === "ARGUMENT_INVALID")
    return new ApiError("VALIDATION_FAILED", error.message, { issues: error.issues, cause: error });
  return undefined;
}

/** Builds `app.onError`: every thrown thing becomes a problem document. */
export function createErrorHandler(logger: Logger) {
  return (error: Error, c: Context): Response => {
    const apiError =
      (error instanceof ApiError ? error : undefined) ??
      (error instanceof HTTPException ? fromHttpException(error) : undefined) ??
      (error instanceof DbError ? fromDbError(error) : undefined) ??
      new ApiError(
        "INTERNAL",
        "an unexpected error occurred; the request id identifies it in the logs",
        { cause: error },
      );
    if (apiError.status >= 500) {
      logger.log("error", "request failed", {
        requestId: c.get("requestId"),
        method: c.req.method,
        path: c.req.path,
        error: describeError(apiError.code === "INTERNAL" ? (apiError.cause ?? error) : error),
      });
    }
    return problemResponse(c, apiError);
  };
}

function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: String(error) };
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    ...(error.cause === undefined ? {} : { cause: describeError(error.cause) }),
  };
}

/** `app.notFound`: unknown routes answer a 404 problem. */
export function notFound(c: Context): Response {
  return problemResponse(
    c,
    new ApiError("NOT_FOUND", `no route ${c.req.method} ${c.req.path}; see /api/v1/openapi.json`),
  );
}
