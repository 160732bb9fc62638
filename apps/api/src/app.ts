/**
 * @module
 * The Klastry HTTP API as one Hono app: middleware (request id, logs, compression, secure
 * headers, CORS, rate limits, body limit), the routes under `/api/v1`, the OpenAPI 3.1 document
 * generated from the same zod schemas the handlers validate with, interactive docs, and
 * optionally the built web app (`web-app.ts`). Every error leaves through one `onError` as an
 * RFC 9457 problem document.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { MiddlewareHandler } from "hono";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { CachedKeyVerifier } from "./auth/key-cache.ts";
import type { AppDeps, RouteDeps } from "./deps.ts";
import { bodyLimit } from "./middleware/body-limit.ts";
import { compress } from "./middleware/compress.ts";
import { contentSecurityPolicy } from "./middleware/content-security-policy.ts";
import { corsHeaders } from "./middleware/cors-headers.ts";
import { noCredentialsInUrl } from "./middleware/no-credentials-in-url.ts";
import { requestLog } from "./middleware/request-log.ts";
import { rateLimitsOf } from "./middleware/open-rate-limits.ts";
import { MemoryRateLimits, rateLimit } from "./middleware/rate-limit.ts";
import { completeDocument } from "./openapi-document.ts";
import { createErrorHandler, notFound } from "./problems/on-error.ts";
import { assessmentRoutes } from "./routes/assessments.ts";
import { catalogueRoutes } from "./routes/catalogue.ts";
import { DOCS_PATH, docsRoutes } from "./routes/docs.ts";
import { clusterVisibilityRoutes } from "./routes/cluster-visibility.ts";
import { healthRoutes } from "./routes/health.ts";
import { keyRoutes } from "./routes/keys.ts";
import { recommendationRoutes } from "./routes/recommendations.ts";
import { regionRoutes } from "./routes/regions/index.ts";
import { createRouter, RULEBOOK_VERSION_HEADER } from "./routes/router.ts";
import { ruleRoutes } from "./routes/rules.ts";
import { surveyRoutes } from "./routes/survey/index.ts";
import { vocabularyRoutes } from "./routes/vocabulary.ts";
import { serveWebApp } from "./web-app.ts";

export const API_BASE = "/api/v1";
export const OPENAPI_PATH = `${API_BASE}/openapi.json`;
/**
 * The repository names no licence, so the API is all rights reserved; an SPDX `LicenseRef-`
 * says so in the document. Change both together when a licence is chosen.
 */
const API_LICENSE = {
  name: "Proprietary, all rights reserved",
  identifier: "LicenseRef-Klastry-Proprietary",
};
/** Paths no rate limit applies to: load balancers and probes poll them. */
const UNLIMITED_PATHS = [`${API_BASE}/health`, `${API_BASE}/livez`];

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
    .route("/", surveyRoutes(deps))
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
  app.use(compress());
  app.use(secureHeaders());
  app.use(contentSecurityPolicy());
  app.use(
    "/api/*",
    corsHeaders({
      origin: env.CORS_ORIGIN,
      allowHeaders: [
        "Authorization",
        "Content-Type",
        "X-Assessment-Token",
        "X-Invitation-Token",
        "If-None-Match",
      ],
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
    store: deps.rateLimits ?? new MemoryRateLimits(rateLimitsOf(env)),
    trustProxy: env.TRUST_PROXY,
  });
  // Load balancers poll health; it is cheap and never rate limited.
  const limitedApi: MiddlewareHandler = (c, next) =>
    UNLIMITED_PATHS.includes(c.req.path) ? next() : limiter(c, next);
  app.use("/api/*", limitedApi);
  app.use("/api/*", noCredentialsInUrl());
  app.use("/api/*", bodyLimit({ maxBytes: env.BODY_LIMIT }));

  const keys = new CachedKeyVerifier(deps.db, { ttlMs: env.KEY_CACHE_MS });
  const routes = app.route(API_BASE, apiRoutes({ ...deps, keys }));

  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description:
      "An API key `kl_...` with role admin, national or region:<TERYT>, created with `npx klastry keys create`",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "invitationToken", {
    type: "apiKey",
    in: "header",
    name: "X-Invitation-Token",
    description:
      "A survey round's invitation token `ki_...`, shown once when the round's owner imports the list (never in the URL)",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "assessmentToken", {
    type: "apiKey",
    in: "header",
    name: "X-Assessment-Token",
    description:
      "The private access token `kt_...` returned once by POST /assessments (also accepted as `Authorization: Bearer kt_...`; never in the URL)",
  });
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  app.get(OPENAPI_PATH, (c) => {
    document ??= completeDocument(
      app.getOpenAPI31Document({
        openapi: "3.1.0",
        info: {
          title: "Klastry API",
          version: "1.0.0",
          description:
            "Matches Polish industrial clusters with public support instruments. Errors are RFC 9457 problem documents (application/problem+json).",
          license: API_LICENSE,
        },
        servers: [{ url: "/" }],
      }),
      { unlimited: UNLIMITED_PATHS },
    );
    return c.json(document);
  });
  app.route(DOCS_PATH, docsRoutes(OPENAPI_PATH));

  if (existsSync(join(env.WEB_DIST, "index.html"))) serveWebApp(app, env.WEB_DIST);
  return routes;
}

/** The app's type, for Hono's typed client (`hc<AppType>`). */
export type App = ReturnType<typeof createApp>;
