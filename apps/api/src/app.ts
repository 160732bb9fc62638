/**
 * @module
 * The Klastry HTTP API as one Hono app: middleware (request id, logs, secure headers, CORS,
 * rate limits, body limit), the routes under `/api/v1`, the OpenAPI 3.1 document generated from
 * the same zod schemas the handlers validate with, interactive docs, and optionally the built web
 * app. Every error leaves through one `onError` as an RFC 9457 problem document.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { swaggerUI } from "@hono/swagger-ui";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { CachedKeyVerifier } from "./auth/key-cache.ts";
import type { AppDeps, RouteDeps } from "./deps.ts";
import { requestLog } from "./middleware/request-log.ts";
import { rateLimit } from "./middleware/rate-limit.ts";
import { ApiError } from "./problems/api-error.ts";
import { createErrorHandler, notFound } from "./problems/on-error.ts";
import { assessmentRoutes } from "./routes/assessments.ts";
import { catalogueRoutes } from "./routes/catalogue.ts";
import { clusterVisibilityRoutes } from "./routes/cluster-visibility.ts";
import { healthRoutes } from "./routes/health.ts";
import { keyRoutes } from "./routes/keys.ts";
import { recommendationRoutes } from "./routes/recommendations.ts";
import { regionRoutes } from "./routes/regions/index.ts";
import { createRouter, RULEBOOK_VERSION_HEADER } from "./routes/router.ts";
import { ruleRoutes } from "./routes/rules.ts";
import { vocabularyRoutes } from "./routes/vocabulary.ts";

export const API_BASE = "/api/v1";
export const OPENAPI_PATH = `${API_BASE}/openapi.json`;

/** Every route of `/api/v1`, chained so their types reach the typed client. */
function apiRoutes(deps: RouteDeps) {
  return createRouter()
    .route("/", healthRoutes(deps))
    .route("/", vocabularyRoutes())
    .route("/", catalogueRoutes(deps))
    .route("/", recommendationRoutes(deps))
    .route("/", assessmentRoutes(deps))
    .route("/", clusterVisibilityRoutes(deps))
    .route("/", regionRoutes(deps))
    .route("/", ruleRoutes(deps))
    .route("/", keyRoutes(deps));
}

/**
 * Builds the app. Tests call it in-process with `app.request(path, init)`; `main.ts` serves it.
 *
 * @example
 * const app = createApp({ db, knowledge, rulebookStore, env: loadEnv({}), logger: createLogger() });
 * const res = await app.request("/api/v1/health");
 */
export function createApp(deps: AppDeps) {
  const { env, logger } = deps;
  const app = createRouter();
  app.onError(createErrorHandler(logger));
  app.notFound(notFound);

  app.use(requestId());
  app.use(requestLog(logger));
  app.use(secureHeaders());
  app.use(
    "/api/*",
    cors({
      origin: env.CORS_ORIGIN,
      allowHeaders: ["Authorization", "Content-Type", "X-Assessment-Token", "If-None-Match"],
      allowMethods: ["GET", "POST", "OPTIONS"],
      exposeHeaders: [
        RULEBOOK_VERSION_HEADER,
        "X-Request-Id",
        "Retry-After",
        "ETag",
        "WWW-Authenticate",
      ],
      maxAge: 600,
    }),
  );
  const limiter = rateLimit({
    perAddress: { perMinute: env.RATE_LIMIT_PER_MINUTE, burst: env.RATE_LIMIT_BURST },
    perCredential: { perMinute: env.RATE_LIMIT_KEY_PER_MINUTE, burst: env.RATE_LIMIT_BURST },
    trustProxy: env.TRUST_PROXY,
  });
  app.use("/api/*", async (c, next) => {
    // Load balancers poll health; it is cheap and never rate limited.
    if (c.req.path === `${API_BASE}/health` || c.req.path === `${API_BASE}/livez`) return next();
    return limiter(c, next);
  });
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: env.BODY_LIMIT,
      onError: () => {
        throw new ApiError("PAYLOAD_TOO_LARGE", `the request body exceeds ${env.BODY_LIMIT} bytes`);
      },
    }),
  );

  const keys = new CachedKeyVerifier(deps.db, { ttlMs: env.KEY_CACHE_MS });
  const routes = app.route(API_BASE, apiRoutes({ ...deps, keys }));

  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description:
      "An API key `kl_...` with role admin or region:<TERYT>, created with `npx klastry keys create`",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "assessmentToken", {
    type: "apiKey",
    in: "header",
    name: "X-Assessment-Token",
    description:
      "The private access token `kt_...` returned once by POST /assessments (also accepted as `Authorization: Bearer kt_...` or `?token=`)",
  });
  app.doc31(OPENAPI_PATH, {
    openapi: "3.1.0",
    info: {
      title: "Klastry API",
      version: "1.0.0",
      description:
        "Matches Polish industrial clusters with public support instruments. Errors are RFC 9457 problem documents (application/problem+json).",
    },
    servers: [{ url: "/" }],
  });
  app.get("/api/docs", swaggerUI({ url: OPENAPI_PATH }));

  if (existsSync(join(env.WEB_DIST, "index.html"))) {
    // Vite names built assets by content hash, so they never change; index.html always may.
    const files = serveStatic({
      root: env.WEB_DIST,
      onFound: (path, c) => {
        c.header(
          "Cache-Control",
          /[\\/]assets[\\/]/.test(path) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
    // SPA fallback: any other GET outside /api is a client-side route of the web app. The file is
    // read on each request; while `vite build` replaces dist it is briefly missing, which is a
    // 503 to retry, not a 500. A missing asset (a path with a file extension) is a plain 404.
    const indexHtml = serveStatic({
      path: join(env.WEB_DIST, "index.html"),
      onFound: (_path, c) => {
        c.header("Cache-Control", "no-cache");
      },
    });
    app.get("*", async (c, next) => {
      if (c.req.path === "/api" || c.req.path.startsWith("/api/")) return next();
      const found = await files(c, async () => undefined);
      if (found) return found;
      if (/\.[a-z0-9]+$/i.test(c.req.path))
        throw new ApiError("NOT_FOUND", `no file ${c.req.path} in the web app`);
      const page = await indexHtml(c, async () => undefined);
      if (page) return page;
      throw new ApiError(
        "WEB_APP_UNAVAILABLE",
        "the web app's index.html is missing; retry in a few seconds",
        { headers: { "Retry-After": "5" } },
      );
    });
  }
  return routes;
}

/** The app's type, for Hono's typed client (`hc<AppType>`). */
export type App = ReturnType<typeof createApp>;
