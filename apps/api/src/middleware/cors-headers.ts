/**
 * @module
 * CORS for the API (the web app's dev server is another origin). Preflights go to Hono's `cors`;
 * on every other request the headers are added after the handler, on its answer. Hono's `cors`
 * sets them on `c.res` before the handler runs, which makes Hono rebuild the handler's answer
 * around its body afterwards; on @hono/node-server that turns every JSON answer into a web
 * stream (about 7% of a recommendation request's CPU).
 */
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";

export interface CorsOptions {
  /** Origins allowed to read answers; any other gets no Access-Control-Allow-Origin. */
  origin: string[];
  allowHeaders: string[];
  allowMethods: string[];
  exposeHeaders: string[];
  /** Seconds a browser may cache a preflight's answer. */
  maxAge: number;
}

/**
 * @example
 * app.use("/api/*", corsHeaders({ origin: ["http://localhost:5173"], allowHeaders: [...], ... }));
 */
export function corsHeaders(options: CorsOptions): MiddlewareHandler {
  const preflight = cors(options);
  const allowed = new Set(options.origin);
  const expose = options.exposeHeaders.join(",");
  return async function corsHeaders(c, next) {
    if (c.req.method === "OPTIONS") return preflight(c, next);
    await next();
    const headers = c.res.headers;
    const origin = c.req.header("origin");
    if (origin !== undefined && allowed.has(origin))
      headers.set("Access-Control-Allow-Origin", origin);
    if (expose !== "") headers.set("Access-Control-Expose-Headers", expose);
    // The answer depends on the Origin sent: caches must not give one origin's answer to another.
    const vary = headers.get("vary");
    if (vary === null) headers.set("Vary", "Origin");
    else if (!/(?:^|,)\s*origin\s*(?:,|$)/i.test(vary)) headers.set("Vary", `${vary}, Origin`);
  };
}
