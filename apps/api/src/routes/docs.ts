/**
 * @module
 * `/api/docs`: Swagger UI served from the installed `swagger-ui-dist` package, never from a CDN
 * (issue 15 item 5): the page where admin keys are typed runs only code we installed and pinned
 * in the lock file, and it works on a server without internet. The page carries no inline script
 * or style, so the Content-Security-Policy (middleware/content-security-policy.ts) can refuse them.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Hono } from "hono";
import type { AppEnv } from "../context.ts";
import { ApiError } from "../problems/api-error.ts";

export const DOCS_PATH = "/api/docs";

const dist = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const version = (
  JSON.parse(readFileSync(join(dist, "package.json"), "utf8")) as { version: string }
).version;

/** The vendor files, under a path naming their version: a new version is a new URL. */
const VENDOR: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};
const assetsPath = `${DOCS_PATH}/assets/${version}`;

function page(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Klastry API</title>
    <link rel="stylesheet" href="${assetsPath}/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${assetsPath}/swagger-ui-bundle.js"></script>
    <script src="${DOCS_PATH}/init.js"></script>
  </body>
</html>
`;
}

/** The start-up script, a file of its own rather than inline, so that CSP needs no exception. */
function initScript(openApiPath: string): string {
  return `window.ui = SwaggerUIBundle(${JSON.stringify({
    url: openApiPath,
    dom_id: "#swagger-ui",
    deepLinking: true,
    // The default validator badge would send the document to validator.swagger.io.
    validatorUrl: null,
  })});\n`;
}

/**
 * The docs page, its start-up script and the two vendor files, read once on first use.
 *
 * @example
 * app.route(DOCS_PATH, docsRoutes("/api/v1/openapi.json"));
 */
export function docsRoutes(openApiPath: string) {
  const files = new Map<string, Buffer>();
  const read = (name: string): Buffer => {
    let content = files.get(name);
    if (content === undefined) {
      content = readFileSync(join(dist, name));
      files.set(name, content);
    }
    return content;
  };
  return new Hono<AppEnv>()
    .get("/", (c) => {
      c.header("Cache-Control", "no-cache");
      return c.html(page());
    })
    .get("/init.js", (c) => {
      c.header("Cache-Control", "no-cache");
      return c.body(initScript(openApiPath), 200, {
        "Content-Type": "text/javascript; charset=utf-8",
      });
    })
    .get("/assets/:version/:file", (c) => {
      const { version: asked, file } = c.req.param();
      const type = VENDOR[file];
      if (asked !== version || type === undefined)
        throw new ApiError("NOT_FOUND", `no file ${c.req.path} in the API docs`);
      return c.body(new Uint8Array(read(file)), 200, {
        "Content-Type": type,
        "Cache-Control": "public, max-age=31536000, immutable",
      });
    });
}
