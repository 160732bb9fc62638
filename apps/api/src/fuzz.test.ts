/**
 * Generated hostile requests across every route of the OpenAPI document (issue 7 item 1 and
 * issue 15, in-process), on SQLite and PostgreSQL: wrong types, missing and extra fields, huge
 * strings and arrays, prototype-pollution keys, SQL and HTML fragments, lone surrogates and bidi
 * controls, unknown codes, bad dates and pages, random and real credentials, credentials in the
 * URL. The route list is read from the served document, so a new route is fuzzed without editing
 * this file. Every answer is below 500, every error is a problem document, every route is hit,
 * and the app still answers /health afterwards.
 */
import fc from "fast-check";
import type { DatabaseKind } from "@klastry/db";
import { buildAssessment } from "@klastry/domain/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "./testing/databases.ts";
import { jsonBody, openTestApi, type TestApi } from "./testing/harness.ts";

/** Generated requests per run and database (issue 15 asks for at least 3,000). */
const RUNS = 3_000;

interface Operation {
  method: "GET" | "POST";
  template: string;
  pathParams: string[];
  queryParams: string[];
}

const hostileText = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "=cmd|' /C calc'!A0",
    "Klaster;=1+2;@SUM(1+1)",
    "..%2F..%2Fetc%2Fpasswd",
    "\u0000",
    "\uD800",
    "\uDC00x",
    "\u202Eexe.txt",
    "\u200B",
    `Z${"\u0301".repeat(199)}`,
    "99",
    "2023-02-30",
    "-1",
    "0",
    "1e309",
    "NaN",
    "x".repeat(5000),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer().map(String),
);

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
      fc.constantFrom("name", "region", "sectors", "smartSpecialisations", "website", "kkk"),
      fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        hostileText,
        hostileText.map((text) => [text]),
      ),
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
  fc.constant(JSON.stringify(buildAssessment())),
  fc.constantFrom(
    "{",
    "[".repeat(3000),
    '{"a":1,}',
    "\u0000",
    "",
    "null",
    '{"files":[{"file":"../x.rule.json","rule":{}}]}',
    '{"files":[],"remove":["../../etc/passwd"]}',
  ),
);

function fuzzSuite(kind: DatabaseKind): void {
  let api: TestApi;
  let admin: string;
  let regionKey: string;
  let operations: Operation[] = [];
  const known = { assessmentId: "", clusterId: "", token: "" };
  const tried = new Map<string, number>();
  const byStatus = new Map<number, number>();

  beforeAll(async () => {
    api = await openTestApi(kind, {
      env: {
        RATE_LIMIT_BURST: "1000000",
        RATE_LIMIT_PER_MINUTE: "1000000",
        RATE_LIMIT_KEY_PER_MINUTE: "1000000",
      },
    });
    admin = await api.key("admin");
    regionKey = await api.key("region:24");
    const created = (await (
      await api.app.request("/api/v1/assessments", jsonBody(buildAssessment()))
    ).json()) as { id: string; clusterId: string; accessToken: string };
    known.assessmentId = created.id;
    known.clusterId = created.clusterId;
    known.token = created.accessToken;
    const document = (await (await api.app.request("/api/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    };
    operations = Object.entries(document.paths).flatMap(([template, item]) =>
      Object.entries(item).map(([method, op]) => ({
        method: method.toUpperCase() as Operation["method"],
        template,
        pathParams: (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name),
        queryParams: (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
      })),
    );
  });
  afterAll(async () => {
    console.log(
      `fuzz in-process on ${kind}: ${[...tried.values()].reduce((a, b) => a + b, 0)} requests over ${tried.size} routes; statuses ${[
        ...byStatus,
      ]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}x${n}`)
        .join(" ")}`,
    );
    await api?.dispose();
  });

  it("reads every route from the OpenAPI document", () => {
    const templates = operations.map((op) => `${op.method} ${op.template}`);
    expect(templates.length).toBeGreaterThanOrEqual(18);
    for (const expected of [
      "GET /api/v1/livez",
      "GET /api/v1/clusters/{id}/assessments",
      "POST /api/v1/rules/impact",
    ])
      expect(templates).toContain(expected);
  });

  it(`never gets a 5xx in ${RUNS} generated requests, and every error is a problem document`, async () => {
    const segment = fc.oneof(
      hostileText,
      fc
        .constantFrom(
          () => known.assessmentId,
          () => known.clusterId,
          () => "test-cluster-grant",
          () => "24",
          () => "14",
        )
        .map((pick) => pick()),
    );
    const query = fc.dictionary(
      fc.oneof(
        fc.constantFrom("page", "pageSize", "date", "lang", "engine", "q", "token", "__proto__"),
        fc.constantFrom("level", "region", "function", "actorType", "form", "status"),
      ),
      hostileText,
      { maxKeys: 4 },
    );
    const credential = fc.oneof(
      fc.constant<Record<string, string>>({}),
      fc
        .constantFrom("admin", "region", "token")
        .map((who): Record<string, string> =>
          who === "token"
            ? { "x-assessment-token": known.token }
            : { authorization: `Bearer ${who === "admin" ? admin : regionKey}` },
        ),
      // Header values travel as bytes (ByteString); other characters cannot reach a server at all.
      hostileText.map((s) => ({ authorization: `Bearer ${s.replace(/[^\x20-\x7e]/g, "?")}` })),
      fc.constantFrom<Record<string, string>>(
        { authorization: "Basic YWRtaW46YWRtaW4=" },
        { authorization: `Bearer kl_${"A".repeat(43)}` },
        { authorization: `Bearer kt_${"B".repeat(43)}` },
        { "x-assessment-token": `kt_${"C".repeat(43)}` },
        { authorization: "Bearer" },
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat(operations.length - 1),
        fc.array(segment, { minLength: 2, maxLength: 2 }),
        query,
        body,
        credential,
        fc.boolean(),
        fc.boolean(),
        async (index, segments, params, payload, auth, jsonType, csv) => {
          const op = operations[index]!;
          let path = op.template;
          op.pathParams.forEach((name, i) => {
            let value: string;
            try {
              value = encodeURIComponent(segments[i] ?? "x");
            } catch {
              value = "x";
            }
            path = path.replace(`{${name}}`, value);
          });
          const search = new URLSearchParams(Object.entries(params)).toString();
          const headers: Record<string, string> = { ...auth };
          if (csv) headers.accept = "text/csv";
          const init: RequestInit = { method: op.method, headers };
          if (op.method === "POST") {
            headers["content-type"] = jsonType ? "application/json" : "text/plain";
            init.body = payload;
          }
          const res = await api.app.request(`${path}${search === "" ? "" : `?${search}`}`, init);
          tried.set(op.template, (tried.get(op.template) ?? 0) + 1);
          byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
          expect(res.status, `${op.method} ${path}`).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.headers.get("content-type")).toContain("application/problem+json");
            const problem = (await res.json()) as { status: number; code: string };
            expect(problem.status).toBe(res.status);
          } else {
            await res.arrayBuffer();
          }
        },
      ),
      { numRuns: RUNS },
    );
    const total = [...tried.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(RUNS);
    // Every documented route was fuzzed, not just the first few.
    for (const op of operations)
      expect(tried.get(op.template) ?? 0, op.template).toBeGreaterThan(20);
    expect((await api.app.request("/api/v1/health")).status).toBe(200);
  }, 600_000);
}

describeEachDatabase("generated hostile requests", fuzzSuite);
