/**
 * @module
 * Serves the built web app (`apps/web/dist`) beside the API on one origin: the brotli or gzip
 * file written at build time when the client accepts it, long immutable caching for assets whose
 * names carry a content hash, revalidation for index.html, and index.html for every other path
 * (a client-side route of the app).
 */
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "./context.ts";
import { ApiError } from "./problems/api-error.ts";

/** Vite names built assets by content hash: a name never changes its content. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** index.html names the current assets: always ask whether it changed. */
export const REVALIDATE = "no-cache";
/** Unhashed files beside index.html (the favicons): a day is fresh enough. */
export const ONE_DAY = "public, max-age=86400";

/** The Cache-Control of a file of the build, by its path. */
export function cacheControlFor(path: string): string {
  if (/[\\/]assets[\\/]/.test(path)) return IMMUTABLE;
  if (/\.html(?:\.(?:br|gz))?$/.test(path)) return REVALIDATE;
  return ONE_DAY;
}

/**
 * Adds the web app's routes to `app` (after the API's, so `/api` paths never reach them).
 *
 * @example
 * serveWebApp(app, env.WEB_DIST);
 */
export function serveWebApp(app: OpenAPIHono<AppEnv>, distDir: string): void {
  // serve-static reports the file it chose (`/` is index.html, `x.js` may be `x.js.br`) only
  // after it made the response, too late for `c.header`; the header goes on the response itself.
  const chosen = new WeakMap<Context, string>();
  const onFound = (path: string, c: Context) => {
    chosen.set(c, path);
  };
  const withCaching = (c: Context, response: Response) => {
    response.headers.set("Cache-Control", cacheControlFor(chosen.get(c) ?? "index.html"));
    return response;
  };
  // `precompressed` serves `<file>.br` or `<file>.gz` when the client lists that coding; the
  // compress middleware adds Vary and handles the Accept-Encoding forms serve-static does not read.
  const files = serveStatic({ root: distDir, precompressed: true, onFound });
  // The file is read on each request; while `vite build` replaces dist it is briefly missing,
  // which is a 503 to retry, not a 500. A missing asset (a path with a file extension) is a 404.
  const indexHtml = serveStatic({
    path: join(distDir, "index.html"),
    precompressed: true,
    onFound,
  });
  app.get("*", async (c, next) => {
    if (c.req.path === "/api" || c.req.path.startsWith("/api/")) return next();
    const found = await files(c, () => Promise.resolve());
    if (found) return withCaching(c, found);
    if (/\.[a-z0-9]+$/i.test(c.req.path))
      throw new ApiError("NOT_FOUND", `no file ${c.req.path} in the web app`);
    const page = await indexHtml(c, () => Promise.resolve());
    if (page) return withCaching(c, page);
    throw new ApiError(
      "WEB_APP_UNAVAILABLE",
      "the web app's index.html is missing; retry in a few seconds",
      { headers: { "Retry-After": "5" } },
    );
  });
}
