/**
 * @module
 * A Content-Security-Policy on every answer (issue 15 item 5), kept in this one file. Pages (the
 * web app, the API docs) may load scripts, styles, images and fonts only from this origin, run no
 * inline script, and call only this origin; API answers are data and load nothing. Inline styles
 * are allowed: the rules editor (CodeMirror) writes its theme into a `<style>` element it creates
 * at run time. Every text on our pages is escaped by Solid, so no visitor's text becomes a style;
 * a per-response nonce handed to CodeMirror (`EditorView.cspNonce`) would close even that.
 * No page may be framed (clickjacking), and no `<base>` may redirect relative URLs.
 */
import type { MiddlewareHandler } from "hono";

function policy(directives: Record<string, string>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join("; ");
}

const PAGE = {
  "default-src": "'self'",
  "script-src": "'self'",
  "style-src": "'self' 'unsafe-inline'",
  "img-src": "'self' data:",
  "font-src": "'self'",
  "connect-src": "'self'",
  "manifest-src": "'self'",
  "object-src": "'none'",
  "base-uri": "'none'",
  "form-action": "'self'",
  "frame-ancestors": "'none'",
};

export const CONTENT_SECURITY_POLICIES = {
  /** The web app and the API docs (Swagger UI runs under it unchanged: no inline code). */
  page: policy(PAGE),
  /** JSON and CSV answers of /api/v1: nothing to load, nothing to frame. */
  api: policy({
    "default-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'none'",
    "frame-ancestors": "'none'",
  }),
};

/** The policy for a request path: the API's data, or a page. */
export function policyFor(path: string): string {
  if (path === "/api/docs" || path.startsWith("/api/docs/")) return CONTENT_SECURITY_POLICIES.page;
  if (path === "/api" || path.startsWith("/api/")) return CONTENT_SECURITY_POLICIES.api;
  return CONTENT_SECURITY_POLICIES.page;
}

/** Sets the policy on every answer, errors included. */
export function contentSecurityPolicy(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set("Content-Security-Policy", policyFor(c.req.path));
  };
}
