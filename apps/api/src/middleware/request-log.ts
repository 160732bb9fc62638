/**
 * @module
 * One structured log line per request: method, path (never the query string, which may carry an
 * assessment token), status, duration and request id. Headers are never logged.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.ts";
import type { Logger } from "../logger.ts";

export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    logger.log(status >= 500 ? "error" : "info", "request", {
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
    });
  };
}
