/**
 * Bad input on every route, on each database: malformed, hostile and out-of-range requests get a
 * 4xx problem document, never a 5xx, and the server keeps answering.
 */
import type { DatabaseKind } from "@klastry/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "./testing/databases.ts";
import { bearer, openTestApi, type TestApi } from "./testing/harness.ts";

function badInputSuite(kind: DatabaseKind): void {
  let api: TestApi;
  let admin: string;
  let region: string;
  beforeAll(async () => {
    api = await openTestApi(kind, { env: { RATE_LIMIT_BURST: "100000" } });
    admin = await api.key("admin");
    region = await api.key("region:10");
  });
  afterAll(async () => api?.dispose());

  async function problem(res: Response): Promise<void> {
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as { status: number; code: string };
    expect(body.status).toBe(res.status);
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+/);
  }

  it("never answers a 5xx to bad input on any route", async () => {
    const hostile = [
      "{}",
      "[]",
      "null",
      '"x"',
      '{"__proto__": {"admin": true}}',
      '{"cluster": {"name": "<script>", "region": "10\' OR 1=1 --"}}',
      "{".repeat(500),
    ];
    const routes: [string, string][] = [
      ["POST", "/api/v1/recommendations"],
      ["POST", "/api/v1/assessments"],
      ["POST", "/api/v1/rules/impact"],
      ["POST", "/api/v1/rules/reload"],
    ];
    for (const [method, path] of routes) {
      for (const body of hostile) {
        const res = await api.app.request(path, {
          method,
          headers: { "content-type": "application/json", ...bearer(admin) },
          body,
        });
        expect(res.status, `${method} ${path} ${body.slice(0, 20)}`).toBeLessThan(500);
      }
    }
    const gets = [
      "/api/v1/instruments?page=-1",
      "/api/v1/instruments?pageSize=abc",
      "/api/v1/instruments?region=%00",
      "/api/v1/instruments/..%2F..%2Fetc",
      "/api/v1/instruments/UPPER_CASE",
      "/api/v1/regions/99/needs",
      "/api/v1/regions/abc/clusters",
      "/api/v1/regions/10/coverage?date=yesterday",
      "/api/v1/regions/10/recommendations?lang=de",
      "/api/v1/assessments/not-a-uuid",
      "/api/v1/assessments/" + "a".repeat(500),
      "/api/v1/clusters/Bad_Id/assessments",
      "/api/v1/instruments?q=" + "x".repeat(201),
      "/api/v1/funding-sources?page=0",
    ];
    for (const path of gets) {
      const res = await api.app.request(path, { headers: bearer(region) });
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      await problem(res);
    }
  });

  it("treats SQL in a search as words to find, not as SQL", async () => {
    const res = await api.app.request(`/api/v1/instruments?q=${encodeURIComponent("' OR 1=1 --")}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBe(0);
  });

  it("still answers /health afterwards", async () => {
    expect((await api.app.request("/api/v1/health")).status).toBe(200);
  });
}

describeEachDatabase("bad input", badInputSuite);
