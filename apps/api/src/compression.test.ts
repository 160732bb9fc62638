/**
 * Compression through the whole app, with the real catalogue and rulebook (a recommendation set
 * of tens of kilobytes): the same answer, smaller, in the coding the client asked for; entity
 * tags and 304s still work on compressed lists.
 */
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { buildAssessment } from "@klastry/domain/testing";
import { loadKnowledgeBase } from "@klastry/knowledge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "./env.ts";
import { jsonBody, openTestApi, type TestApi } from "./testing/harness.ts";

let api: TestApi;
beforeAll(async () => {
  api = await openTestApi("sqlite", {
    knowledge: loadKnowledgeBase(),
    rulesDir: join(REPO_ROOT, "rules"),
  });
});
afterAll(async () => api?.dispose());

const RECOMMENDATIONS = "/api/v1/recommendations?date=2026-11-29";

describe("compressed answers", () => {
  it("sends a recommendation set brotli- or gzip-compressed, the same JSON as the plain one", async () => {
    const body = buildAssessment();
    const plain = await api.app.request(RECOMMENDATIONS, jsonBody(body));
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toContain("Accept-Encoding");
    const plainText = await plain.text();

    const br = await api.app.request(RECOMMENDATIONS, jsonBody(body, { "accept-encoding": "br" }));
    expect(br.headers.get("content-encoding")).toBe("br");
    const brBytes = new Uint8Array(await br.arrayBuffer());
    expect(brotliDecompressSync(brBytes).toString("utf8")).toBe(plainText);
    // JSON this repetitive shrinks several times over; less would mean compression is broken.
    expect(plainText.length / brBytes.byteLength).toBeGreaterThan(3);

    const gz = await api.app.request(
      RECOMMENDATIONS,
      jsonBody(body, { "accept-encoding": "gzip, deflate" }),
    );
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString("utf8")).toBe(plainText);
    expect(gz.headers.get("x-rulebook-version")).toBe(plain.headers.get("x-rulebook-version"));
  });

  it("answers 304 to the weak entity tag of a compressed list", async () => {
    const headers = { "accept-encoding": "br" };
    const first = await api.app.request("/api/v1/instruments?pageSize=50", { headers });
    expect(first.headers.get("content-encoding")).toBe("br");
    const tag = first.headers.get("etag");
    expect(tag).toMatch(/^W\/"/);
    const again = await api.app.request("/api/v1/instruments?pageSize=50", {
      headers: { ...headers, "if-none-match": tag! },
    });
    expect(again.status).toBe(304);
  });

  it("leaves the small liveness answer uncompressed", async () => {
    const res = await api.app.request("/api/v1/livez", {
      headers: { "accept-encoding": "gzip, br" },
    });
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(await res.json()).toEqual({ status: "ok" });
  });
});
