import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../testing/harness.ts";

const dist = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

let api: TestApi;
beforeAll(async () => {
  api = await openTestApi("sqlite");
});
afterAll(async () => api?.dispose());

/** Every `src` and `href` of a page. */
function references(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);
}

describe("/api/docs", () => {
  it("loads Swagger UI only from this server, with no inline script", async () => {
    const res = await api.app.request("/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    const refs = references(html);
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const ref of refs) expect(ref, "a same-origin path").toMatch(/^\/api\/docs\//);
    expect(html).not.toMatch(/cdn|unpkg|jsdelivr|https?:\/\//i);
    // Every script is a file: an inline one would need 'unsafe-inline' in the policy.
    for (const script of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(script[1]).toMatch(/\bsrc="/);
      expect(script[2]!.trim()).toBe("");
    }
  });

  it("serves the installed package's files byte for byte, cached for good under a versioned path", async () => {
    const html = await (await api.app.request("/api/docs")).text();
    const bundle = references(html).find((ref) => ref.endsWith("/swagger-ui-bundle.js"))!;
    const version = (
      JSON.parse(readFileSync(join(dist, "package.json"), "utf8")) as { version: string }
    ).version;
    expect(bundle).toBe(`/api/docs/assets/${version}/swagger-ui-bundle.js`);
    const res = await api.app.request(bundle);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/javascript");
    expect(res.headers.get("cache-control")).toContain("immutable");
    expect(
      Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(dist, "swagger-ui-bundle.js"))),
    ).toBe(true);
    const css = await api.app.request(`/api/docs/assets/${version}/swagger-ui.css`);
    expect(css.headers.get("content-type")).toContain("text/css");
  });

  it("starts Swagger UI on this API's document, with no outside validator", async () => {
    const script = await (await api.app.request("/api/docs/init.js")).text();
    expect(script).toContain('"url":"/api/v1/openapi.json"');
    expect(script).toContain('"validatorUrl":null');
  });

  it("answers other files, and other versions, with a 404 problem", async () => {
    for (const path of [
      "/api/docs/assets/0.0.0/swagger-ui-bundle.js",
      "/api/docs/assets/5.0.0/package.json",
      "/api/docs/assets/5.0.0/..%2F..%2Fpackage.json",
    ]) {
      const res = await api.app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });
});
