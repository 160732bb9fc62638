import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../testing/harness.ts";
import { CONTENT_SECURITY_POLICIES } from "./content-security-policy.ts";

let api: TestApi;
let webDist: string;
beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), "klastry-csp-web-"));
  writeFileSync(join(webDist, "index.html"), "<!doctype html><title>Klastry</title>");
  api = await openTestApi("sqlite", { env: { WEB_DIST: webDist } });
});
afterAll(async () => {
  await api?.dispose();
  rmSync(webDist, { recursive: true, force: true });
});

describe("Content-Security-Policy", () => {
  it("is sent with the web app's index.html, its client-side routes and the API docs", async () => {
    for (const path of ["/", "/region", "/assessments/x", "/api/docs", "/api/docs/init.js"]) {
      const res = await api.app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-security-policy"), path).toBe(CONTENT_SECURITY_POLICIES.page);
    }
  });

  it("lets pages load only this origin's files, run no inline script and never be framed", () => {
    const page = CONTENT_SECURITY_POLICIES.page;
    expect(page).toContain("default-src 'self'");
    expect(page).toContain("script-src 'self'");
    expect(page).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(page).toContain("style-src 'self' 'unsafe-inline'");
    expect(page).not.toContain("unsafe-eval");
    expect(page).toContain("object-src 'none'");
    expect(page).toContain("frame-ancestors 'none'");
  });

  it("is sent with API answers, errors included, allowing them to load nothing", async () => {
    for (const path of ["/api/v1/vocabulary", "/api/v1/nothing-here", "/api/v1/regions/14/needs"]) {
      const res = await api.app.request(path);
      expect(res.headers.get("content-security-policy"), path).toBe(CONTENT_SECURITY_POLICIES.api);
    }
    expect(CONTENT_SECURITY_POLICIES.api).toContain("default-src 'none'");
  });
});
