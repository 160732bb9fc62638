/**
 * How the real build reaches a real browser: the first page's HTML, scripts and styles arrive
 * brotli-compressed (written at build time), hashed assets are cached for a year as immutable,
 * index.html is revalidated, the favicon is there, and API answers are compressed too.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import type { Response } from "playwright-core";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/index.ts";
import { browserPlan, suiteTitle } from "./helpers/browser-plan.ts";
import { useE2eSuite } from "./helpers/e2e-suite.ts";

describe.runIf(browserPlan().run)(suiteTitle("serving"), () => {
  const e2e = useE2eSuite();

  it("sends the first page's HTML, scripts and styles compressed, hashed assets as immutable", async () => {
    const page = await e2e.newPage();
    const responses: Response[] = [];
    page.on("response", (response) => responses.push(response));
    const document = await page.goto("/");
    await page.locator("h1").waitFor();

    const html = await document!.allHeaders();
    expect(html["content-encoding"]).toBe("br");
    expect(html["cache-control"]).toBe("no-cache");
    expect(html["vary"]).toMatch(/accept-encoding/i);

    const assets = responses.filter((r) => /\/assets\/[^/]+\.(js|css)$/.test(r.url()));
    expect(assets.map((r) => r.url()).some((url) => url.endsWith(".js"))).toBe(true);
    expect(assets.map((r) => r.url()).some((url) => url.endsWith(".css"))).toBe(true);
    for (const asset of assets) {
      const headers = await asset.allHeaders();
      expect(headers["content-encoding"], asset.url()).toBe("br");
      expect(headers["cache-control"], asset.url()).toBe("public, max-age=31536000, immutable");
      // The bytes of the .br file the build wrote, not a compression made per request.
      const built = join(repoRoot, "apps/web/dist", new URL(asset.url()).pathname);
      expect(Number(headers["content-length"]), asset.url()).toBe(statSync(`${built}.br`).size);
    }
  });

  it("links an SVG favicon from every page and answers /favicon.ico with an icon", async () => {
    const page = await e2e.newPage();
    await page.goto("/instruments");
    const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
    expect(href).toBe("/favicon.svg");
    const svg = await page.request.get(href!);
    expect(svg.status()).toBe(200);
    expect(svg.headers()["content-type"]).toContain("image/svg+xml");
    const ico = await page.request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect(ico.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  });

  it("receives the catalogue's API answer compressed", async () => {
    const page = await e2e.newPage();
    const answer = page.waitForResponse((r) => r.url().includes("/api/v1/instruments?"));
    await page.goto("/instruments");
    const headers = await (await answer).allHeaders();
    expect(headers["content-encoding"]).toMatch(/^(br|gzip)$/);
    expect(headers["vary"]).toMatch(/accept-encoding/i);
  });
});
