/**
 * @module
 * The OpenAPI document as served: generated from the routes' zod schemas, then completed with the
 * answers that middleware and Node's HTTP parser give on any route, which no route definition
 * states (issue 15 item 7): 429 where the rate limit applies, 413 where a body is accepted, 431
 * everywhere. `@redocly/cli lint` (recommended rules) checks the result in openapi-lint.test.ts.
 */
import { PROBLEM_CONTENT_TYPE } from "./problems/problem.ts";

interface ResponseObject {
  description: string;
  headers?: Record<string, unknown>;
  content?: Record<string, unknown>;
}

interface OperationObject {
  requestBody?: unknown;
  responses?: Record<string, ResponseObject>;
}

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

function problem(description: string, headers?: Record<string, unknown>): ResponseObject {
  return {
    description,
    ...(headers === undefined ? {} : { headers }),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: "#/components/schemas/Problem" } } },
  };
}

const TOO_MANY_REQUESTS = problem("Rate limit exceeded (per address and per credential)", {
  "Retry-After": {
    description: "Seconds to wait before the next request",
    schema: { type: "integer", minimum: 1 },
  },
});
const PAYLOAD_TOO_LARGE = problem(
  "The request body exceeds BODY_LIMIT bytes; the connection is closed after the answer",
);
const HEADERS_TOO_LARGE = problem("The request headers are too large");

/**
 * Adds the middleware answers to every operation of `document` (in place) and returns it.
 *
 * @example
 * completeDocument(app.getOpenAPI31Document(config), { unlimited: ["/api/v1/health"] });
 */
export function completeDocument<D extends { paths?: object }>(
  document: D,
  options: { unlimited: readonly string[] },
): D {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, value] of Object.entries(item as Record<string, unknown>)) {
      if (!METHODS.has(method)) continue;
      const operation = value as OperationObject;
      const responses = (operation.responses ??= {});
      if (!options.unlimited.includes(path)) responses["429"] ??= TOO_MANY_REQUESTS;
      if (operation.requestBody !== undefined) responses["413"] ??= PAYLOAD_TOO_LARGE;
      responses["431"] ??= HEADERS_TOO_LARGE;
    }
  }
  return document;
}
