/**
 * @module
 * The request body limit, decided from Content-Length when the client declares one (every
 * ordinary client does), as Hono's `bodyLimit` decides it, but without asking for the body as a
 * web stream first: on @hono/node-server that builds a full Request object per request, a cost
 * even GET /livez paid. Bodies without a declared length (chunked) go to Hono's `bodyLimit`,
 * which counts the bytes as they arrive.
 */
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

export interface ContentLengthLimitOptions {
  maxSize: number;
  /** Answers (usually throws) when the body is over the limit. */
  onError: (c: Context) => Response | Promise<Response>;
}

/**
 * @example
 * app.use("/api/*", contentLengthLimit({ maxSize: 262144, onError: () => { throw tooLarge; } }));
 */
export function contentLengthLimit(options: ContentLengthLimitOptions): MiddlewareHandler {
  const counting = bodyLimit(options);
  return async function contentLengthLimit(c, next) {
    // A GET or HEAD body is never read (node-server gives them none).
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const declared = c.req.header("content-length");
    if (declared !== undefined && c.req.header("transfer-encoding") === undefined)
      return Number.parseInt(declared, 10) > options.maxSize ? options.onError(c) : next();
    return counting(c, next);
  };
}
