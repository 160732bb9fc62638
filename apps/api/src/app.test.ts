/**
 * The app's frame: problem documents for every kind of bad input (never a 5xx), limits, secure
 * headers, request ids, CORS, the OpenAPI document (checked by an independent validator) and the
 * docs page.
 */
import SwaggerParser from "@apidevtools/swagger-parser";
import { buildAssessment } from "@klastry/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, jsonBody, openTestApi, type TestApi } from "./testing/harness.ts";

let api: TestApi;

beforeAll(async () => {
  api = await openTestApi("sqlite", {
    env: { BODY_LIMIT: "4096", RATE_LIMIT_BURST: "100000", CORS_ORIGIN: "https://web.example" },
  });
});
afterAll(async () => api?.dispose());

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  issues: { path: string; pointer: string; message: string; in?: string; allowed?: string[] }[];
}

async function problem(res: Response): Promise<Problem> {
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  const body = (await res.json()) as Problem;
  expect(body.status).toBe(res.status);
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+/);
  return body;
}

describe("problem documents", () => {
  it("lists every invalid field with path, pointer, message and the allowed codes", async () => {
    const input = {
      cluster: { name: "", region: "99" },
      needs: [{ actor: "robot", function: "cluster_management", priority: 4 }],
    };
    const res = await api.app.request("/api/v1/recommendations", jsonBody(input));
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.code).toBe("VALIDATION_FAILED");
    expect(body.type).toBe("urn:klastry:problem:validation-failed");
    const paths = body.issues.map((i) => i.path).sort();
    expect(paths).toEqual([
      "cluster.name",
      "cluster.region",
      "needs[0].actor",
      "needs[0].priority",
    ]);
    const regionIssue = body.issues.find((i) => i.path === "cluster.region");
    expect(regionIssue?.pointer).toBe("/cluster/region");
    expect(regionIssue?.in).toBe("body");
    expect(regionIssue?.allowed).toContain("14");
  });

  it("answers malformed JSON with 400 MALFORMED_JSON", async () => {
    const res = await api.app.request("/api/v1/recommendations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"cluster": ',
    });
    expect(res.status).toBe(400);
    expect((await problem(res)).code).toBe("MALFORMED_JSON");
  });

  it("answers a body that is not JSON with 415", async () => {
    const res = await api.app.request("/api/v1/recommendations", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "hello",
    });
    expect(res.status).toBe(415);
    expect((await problem(res)).code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("answers an oversize body with 413", async () => {
    const big = {
      ...buildAssessment(),
      cluster: {
        ...buildAssessment().cluster,
        sectors: Array.from({ length: 20 }, () => "x".repeat(120)),
      },
    };
    const padded = JSON.stringify(big) + " ".repeat(5000);
    const res = await api.app.request("/api/v1/recommendations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: padded,
    });
    expect(res.status).toBe(413);
    expect((await problem(res)).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers unknown routes and wrong methods with a 404 problem", async () => {
    const unknown = await api.app.request("/api/v1/nothing-here");
    expect(unknown.status).toBe(404);
    expect((await problem(unknown)).code).toBe("NOT_FOUND");
    const wrongMethod = await api.app.request("/api/v1/instruments", { method: "DELETE" });
    expect([404, 405]).toContain(wrongMethod.status);
    await problem(wrongMethod);
  });

  it("answers bad query parameters with the parameter named", async () => {
    const res = await api.app.request(
      "/api/v1/instruments?pageSize=100000&level=galactic&date=2023-02-30",
    );
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.issues.map((i) => i.path).sort()).toEqual(["date", "level", "pageSize"]);
    expect(body.issues.every((i) => i.in === "query")).toBe(true);
  });

  it("writes messages in Polish when asked", async () => {
    const res = await api.app.request(
      "/api/v1/recommendations?lang=pl",
      jsonBody({ cluster: { name: "A", region: "99" } }),
    );
    const body = await problem(res);
    expect(body.issues[0]?.message).toMatch(/niedozwolona/);
  });

  it("refuses a malformed Authorization header with 401 and a Bearer challenge", async () => {
    const res = await api.app.request("/api/v1/regions/10/needs", {
      headers: { authorization: "Basic YWRtaW46YWRtaW4=" },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain('Bearer realm="klastry"');
  });
});

describe("limits", () => {
  it("rate-limits per address with 429 and Retry-After, and never limits /health", async () => {
    const limited = await openTestApi("sqlite", {
      env: { RATE_LIMIT_BURST: "3", RATE_LIMIT_PER_MINUTE: "6" },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1)
        statuses.push((await limited.app.request("/api/v1/vocabulary")).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const res = await limited.app.request("/api/v1/vocabulary");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect((await problem(res)).code).toBe("RATE_LIMITED");
      expect((await limited.app.request("/api/v1/health")).status).toBe(200);
    } finally {
      await limited.dispose();
    }
  });

  it("rate-limits per key as well as per address", async () => {
    const limited = await openTestApi("sqlite", {
      env: {
        RATE_LIMIT_BURST: "2",
        RATE_LIMIT_PER_MINUTE: "100000",
        RATE_LIMIT_KEY_PER_MINUTE: "1",
      },
    });
    try {
      const key = await limited.key("region:10");
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1)
        statuses.push(
          (await limited.app.request("/api/v1/regions/10/needs", { headers: bearer(key) })).status,
        );
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await limited.dispose();
    }
  });

  it("caps page sizes", async () => {
    expect((await api.app.request("/api/v1/instruments?pageSize=200")).status).toBe(200);
    expect((await api.app.request("/api/v1/instruments?pageSize=201")).status).toBe(400);
  });
});

describe("headers", () => {
  it("sets secure headers and a request id on every answer", async () => {
    const res = await api.app.request("/api/v1/vocabulary");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBeTruthy();
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const notFound = await api.app.request("/api/v1/nope");
    const body = (await notFound.json()) as { requestId?: string };
    expect(body.requestId).toBe(notFound.headers.get("x-request-id"));
  });

  it("allows the web app's origin by CORS and no other", async () => {
    const allowed = await api.app.request("/api/v1/instruments", {
      method: "OPTIONS",
      headers: { origin: "https://web.example", "access-control-request-method": "GET" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://web.example");
    const other = await api.app.request("/api/v1/instruments", {
      headers: { origin: "https://evil.example" },
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("health and vocabulary", () => {
  it("reports status, database, rulebook version, reload state and process", async () => {
    const res = await api.app.request("/api/v1/health");
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: "ok",
      database: { ok: true, kind: "sqlite" },
      lastReloadFailed: false,
      processId: process.pid,
    });
    expect(body.rulebookVersion).toBe(api.deps.rulebookStore.status().version);
  });

  it("answers the liveness probe without touching the database", async () => {
    const live = await openTestApi("sqlite");
    await live.db.close();
    const res = await live.app.request("/api/v1/livez");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    // With the database gone, health (which asks it) degrades while liveness does not.
    expect((await live.app.request("/api/v1/health")).status).toBe(503);
    await live.dispose().catch(() => undefined);
  });

  it("serves every vocabulary with Polish and English labels", async () => {
    const body = (await (await api.app.request("/api/v1/vocabulary")).json()) as Record<
      string,
      { code: string; label: { pl: string; en: string } }[]
    >;
    expect(body.regions).toHaveLength(16);
    expect(body.actorTypes?.map((a) => a.code)).toContain("coordinator");
    expect(body.supportFunctions?.every((f) => f.label.pl !== "" && f.label.en !== "")).toBe(true);
  });
});

describe("OpenAPI", () => {
  it("serves an OpenAPI 3.1 document that an independent validator accepts", async () => {
    const res = await api.app.request("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const document = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    await SwaggerParser.validate(structuredClone(document) as never);
    for (const path of [
      "/api/v1/health",
      "/api/v1/vocabulary",
      "/api/v1/instruments",
      "/api/v1/instruments/{id}",
      "/api/v1/funding-sources",
      "/api/v1/recommendations",
      "/api/v1/assessments",
      "/api/v1/assessments/{id}",
      "/api/v1/clusters/{id}/assessments",
      "/api/v1/regions/{code}/clusters",
      "/api/v1/regions/{code}/recommendations",
      "/api/v1/regions/{code}/needs",
      "/api/v1/regions/{code}/coverage",
      "/api/v1/regions/{code}/public-tasks",
      "/api/v1/rules",
      "/api/v1/rules/impact",
      "/api/v1/rules/reload",
    ]) {
      expect(document.paths, path).toHaveProperty([path]);
    }
  });

  it("serves the interactive docs", async () => {
    const res = await api.app.request("/api/docs");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("/api/docs/init.js");
    expect(await (await api.app.request("/api/docs/init.js")).text()).toContain(
      "/api/v1/openapi.json",
    );
  });
});
