/**
 * Generated hostile requests across every route (issue 7 item 1, in-process): wrong types,
 * missing and extra fields, huge strings and arrays, prototype-pollution keys, SQL and HTML
 * fragments, unknown codes, bad dates and pages, random credentials. Every answer is below 500,
 * every error is a problem document, and the app still answers /health afterwards.
 */
import fc from "fast-check";
import { buildAssessment } from "@klastry/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "./testing/harness.ts";

let api: TestApi;
let admin: string;
beforeAll(async () => {
  api = await openTestApi("sqlite", {
    env: { RATE_LIMIT_BURST: "1000000", RATE_LIMIT_PER_MINUTE: "1000000" },
  });
  admin = await api.key("admin");
});
afterAll(async () => api?.dispose());

const hostileText = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "=cmd|' /C calc'!A0",
    "..%2F..%2Fetc%2Fpasswd",
    "\u0000",
    "\uD800",
    "99",
    "2023-02-30",
    "-1",
    "0",
    "1e309",
    "NaN",
    "x".repeat(5000),
  ),
  fc.string({ maxLength: 40 }),
  fc.integer().map(String),
);

const ROUTES: { method: "GET" | "POST"; path: (s: string) => string }[] = [
  { method: "GET", path: () => "/api/v1/health" },
  { method: "GET", path: () => "/api/v1/vocabulary" },
  { method: "GET", path: () => "/api/v1/instruments" },
  { method: "GET", path: (s) => `/api/v1/instruments/${encodeURIComponent(s)}` },
  { method: "GET", path: () => "/api/v1/funding-sources" },
  { method: "POST", path: () => "/api/v1/recommendations" },
  { method: "POST", path: () => "/api/v1/assessments" },
  { method: "GET", path: (s) => `/api/v1/assessments/${encodeURIComponent(s)}` },
  { method: "GET", path: (s) => `/api/v1/clusters/${encodeURIComponent(s)}/assessments` },
  ...["clusters", "recommendations", "needs", "coverage", "public-tasks"].map((what) => ({
    method: "GET" as const,
    path: (s: string) => `/api/v1/regions/${encodeURIComponent(s)}/${what}`,
  })),
  { method: "GET", path: () => "/api/v1/rules" },
  { method: "POST", path: () => "/api/v1/rules/impact" },
  { method: "POST", path: () => "/api/v1/rules/reload" },
];

/** A valid assessment with one part replaced by hostile data, or arbitrary JSON. */
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc
    .tuple(
      fc.constantFrom(
        "cluster",
        "profile",
        "needs",
        "publicTasks",
        "ownContribution",
        "clusterId",
        "__proto__",
        "extra",
      ),
      fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileText),
    )
    .map(([key, value]) => JSON.stringify({ ...buildAssessment(), [key]: value })),
  fc
    .tuple(
      fc.constantFrom("name", "region", "sectors", "foundedYear", "kkk"),
      fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileText),
    )
    .map(([key, value]) =>
      JSON.stringify({
        ...buildAssessment(),
        cluster: { ...buildAssessment().cluster, [key]: value },
      }),
    ),
  fc
    .array(fc.constant({ actor: "sme", function: "rdi_cooperation", priority: 1 }), {
      maxLength: 300,
    })
    .map((needs) => JSON.stringify({ ...buildAssessment(), needs })),
  fc.constantFrom(
    "{",
    "[".repeat(3000),
    '{"a":1,}',
    "\u0000",
    "",
    "null",
    '{"files":[{"file":"../x.rule.json","rule":{}}]}',
  ),
);

const query = fc.dictionary(
  fc.constantFrom(
    "page",
    "pageSize",
    "date",
    "lang",
    "engine",
    "level",
    "region",
    "function",
    "actorType",
    "form",
    "status",
    "q",
    "token",
    "__proto__",
  ),
  hostileText,
  { maxKeys: 4 },
);

const credential = fc.oneof(
  fc.constant(undefined),
  fc.constant("admin"),
  // Header values travel as bytes (ByteString); other characters cannot reach a server at all.
  hostileText.map((s) => `Bearer ${s.replace(/[^\x20-\x7e]/g, "?")}`),
  fc.constantFrom(
    "Basic YWRtaW46YWRtaW4=",
    "Bearer kl_" + "A".repeat(43),
    "Bearer kt_" + "B".repeat(43),
    "Bearer",
  ),
);

describe("generated hostile requests", () => {
  it("never get a 5xx, and every error is a problem document", async () => {
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(ROUTES.length - 1),
        hostileText,
        query,
        body,
        credential,
        fc.boolean(),
        async (index, segment, params, payload, auth, jsonType) => {
          const route = ROUTES[index]!;
          const search = new URLSearchParams(Object.entries(params)).toString();
          const headers: Record<string, string> = {};
          if (auth === "admin") headers.authorization = `Bearer ${admin}`;
          else if (auth !== undefined) headers.authorization = auth;
          const init: RequestInit = { method: route.method, headers };
          if (route.method === "POST") {
            headers["content-type"] = jsonType ? "application/json" : "text/plain";
            init.body = payload;
          }
          let path: string;
          try {
            path = route.path(segment);
          } catch {
            path = route.path("x");
          }
          const res = await api.app.request(`${path}${search === "" ? "" : `?${search}`}`, init);
          tried += 1;
          expect(res.status, `${route.method} ${path}`).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.headers.get("content-type")).toContain("application/problem+json");
            const problem = (await res.json()) as { status: number; code: string };
            expect(problem.status).toBe(res.status);
          } else {
            await res.arrayBuffer();
          }
        },
      ),
      { numRuns: 2000 },
    );
    expect(tried).toBeGreaterThanOrEqual(2000);
    expect((await api.app.request("/api/v1/health")).status).toBe(200);
  }, 180_000);
});
