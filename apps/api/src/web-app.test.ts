/**
 * The built web app as the API serves it, from a dist folder laid out as `vite build` and its
 * precompression step leave it: each text file with `.br` and `.gz` siblings.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "./testing/harness.ts";
import { cacheControlFor, IMMUTABLE, ONE_DAY, REVALIDATE } from "./web-app.ts";

const INDEX = `<!doctype html><title>Klastry</title>${"<!-- padding -->".repeat(100)}`;
const SCRIPT = `console.log(${JSON.stringify("klastry ".repeat(400))});`;
/** A 1x1 icon: the bytes matter less than that they arrive whole. */
const ICO = Buffer.from(
  "AAABAAEAAQEAAAEAIAAwAAAAFgAAACgAAAABAAAAAgAAAAEAIAAAAAAABAAAAAAAAAAAAAAAAAAAAAAAAACKTwv/AAAAAA==",
  "base64",
);

let api: TestApi;
let dist: string;

function writeWithSiblings(path: string, text: string): void {
  writeFileSync(path, text);
  writeFileSync(`${path}.br`, brotliCompressSync(text));
  writeFileSync(`${path}.gz`, gzipSync(text));
}

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "klastry-web-app-"));
  mkdirSync(join(dist, "assets"));
  writeWithSiblings(join(dist, "index.html"), INDEX);
  writeWithSiblings(join(dist, "assets/index-Ab12Cd34.js"), SCRIPT);
  writeFileSync(join(dist, "favicon.ico"), ICO);
  writeWithSiblings(join(dist, "favicon.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  api = await openTestApi("sqlite", { env: { WEB_DIST: dist } });
});
afterAll(async () => {
  await api?.dispose();
  rmSync(dist, { recursive: true, force: true });
});

const get = (path: string, acceptEncoding?: string) =>
  api.app.request(path, {
    headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding },
  });

describe("the web app's files", () => {
  it("serves the brotli file written at build time to a browser that accepts br", async () => {
    const res = await get("/assets/index-Ab12Cd34.js", "gzip, deflate, br, zstd");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("content-type")).toContain("javascript");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(brotliCompressSync(SCRIPT));
  });

  it("serves the gzip file to a client that accepts only gzip", async () => {
    const res = await get("/assets/index-Ab12Cd34.js", "gzip");
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString("utf8")).toBe(SCRIPT);
  });

  it("compresses on the fly for Accept-Encoding forms the file lookup does not read", async () => {
    const res = await get("/assets/index-Ab12Cd34.js", "br;q=0.1, gzip;q=0.9");
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString("utf8")).toBe(SCRIPT);
  });

  it("serves the plain file, marked Vary, to a client that accepts no coding", async () => {
    const res = await get("/assets/index-Ab12Cd34.js");
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect(await res.text()).toBe(SCRIPT);
  });

  it("caches hashed assets for a year as immutable, compressed or not", async () => {
    for (const coding of [undefined, "br", "gzip"]) {
      const res = await get("/assets/index-Ab12Cd34.js", coding);
      expect(res.headers.get("cache-control"), String(coding)).toBe(
        "public, max-age=31536000, immutable",
      );
    }
  });

  it("asks browsers to revalidate index.html, at / and for client routes, compressed", async () => {
    for (const path of ["/", "/index.html", "/assessment/1", "/instruments/abc"]) {
      const res = await get(path, "br");
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control"), path).toBe("no-cache");
      expect(res.headers.get("content-encoding"), path).toBe("br");
      expect(res.headers.get("content-type"), path).toContain("text/html");
    }
  });

  it("answers /favicon.ico and /favicon.svg with 200", async () => {
    const ico = await get("/favicon.ico", "br");
    expect(ico.status).toBe(200);
    expect(ico.headers.get("content-type")).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    expect(Buffer.from(await ico.arrayBuffer())).toEqual(ICO);
    const svg = await get("/favicon.svg", "br");
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    expect(svg.headers.get("cache-control")).toBe(ONE_DAY);
  });

  it("answers 404 for a missing asset instead of index.html", async () => {
    const res = await get("/assets/missing-0000.js", "br");
    expect(res.status).toBe(404);
  });
});

describe("cacheControlFor", () => {
  it("tells hashed assets, HTML pages and other files apart, with or without a coding suffix", () => {
    expect(cacheControlFor("/dist/assets/index-Ab12Cd34.js.br")).toBe(IMMUTABLE);
    expect(cacheControlFor("/dist/index.html")).toBe(REVALIDATE);
    expect(cacheControlFor("/dist/index.html.gz")).toBe(REVALIDATE);
    expect(cacheControlFor("/dist/favicon.ico")).toBe(ONE_DAY);
  });
});
