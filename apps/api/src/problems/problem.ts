/**
 * @module
 * RFC 9457 problem documents: the body of every error response, and its OpenAPI schema.
 */
import { z } from "@hono/zod-openapi";
import { PROBLEM_TITLES, type ApiErrorCode, type ApiIssue } from "./api-error.ts";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export const ProblemIssueSchema = z
  .object({
    /** An issue code of @klastry/domain (INVALID_VALUE, ...) or of the rules engine (UNKNOWN_FACT, ...). */
    code: z.string(),
    in: z.enum(["body", "query", "path", "header"]).optional(),
    path: z.string().openapi({ example: "needs[0].priority" }),
    pointer: z.string().openapi({ example: "/needs/0/priority" }),
    message: z.string(),
    expected: z.string().optional(),
    received: z.string().optional(),
    allowed: z.array(z.union([z.string(), z.number()])).optional(),
    file: z
      .string()
      .optional()
      .openapi({ description: "Rule file the issue is in (rules routes)" }),
    suggestion: z.string().optional(),
  })
  .openapi("ProblemIssue");

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "urn:klastry:problem:validation-failed" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({ example: "VALIDATION_FAILED" }),
    issues: z.array(ProblemIssueSchema),
    requestId: z.string().optional(),
  })
  .openapi("Problem");
export type Problem = z.infer<typeof ProblemSchema>;

/** Received values are echoed back shortened, so a huge input never makes a huge error. */
const MAX_ECHO = 120;

function toProblemIssue(issue: ApiIssue): Problem["issues"][number] {
  const { allowed, received, ...rest } = issue;
  return {
    ...rest,
    ...(allowed === undefined ? {} : { allowed: [...allowed] }),
    ...(received === undefined
      ? {}
      : { received: received.length <= MAX_ECHO ? received : `${received.slice(0, MAX_ECHO)}…` }),
  };
}

export function buildProblem(input: {
  code: ApiErrorCode;
  status: number;
  detail: string;
  issues?: ApiIssue[];
  requestId?: string;
}): Problem {
  return {
    type: `urn:klastry:problem:${input.code.toLowerCase().replaceAll("_", "-")}`,
    title: PROBLEM_TITLES[input.code],
    status: input.status,
    detail: input.detail,
    code: input.code,
    issues: (input.issues ?? []).map(toProblemIssue),
    ...(input.requestId === undefined ? {} : { requestId: input.requestId }),
  };
}

/** OpenAPI response entries for the error statuses a route can answer. */
export function problemResponses<const S extends number>(...statuses: S[]) {
  const content = { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } };
  return Object.fromEntries(
    statuses.map((status) => [status, { description: describeStatus(status), content }]),
  ) as Record<S, { description: string; content: typeof content }>;
}

function describeStatus(status: number): string {
  const known: Record<number, string> = {
    400: "Invalid request: every invalid field is listed in `issues`",
    401: "No valid API key or access token",
    403: "The key is not allowed to access this resource",
    404: "Not found",
    406: "The requested media type is not available",
    409: "The resource is not in a state that allows this (e.g. the round is closed)",
    413: "Request body too large",
    415: "Unsupported media type",
    422: "The rulebook is invalid; the last good one is still served",
    429: "Rate limit exceeded; see Retry-After",
    503: "A dependency is unavailable",
  };
  return known[status] ?? "Problem";
}
