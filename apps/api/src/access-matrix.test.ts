/**
 * Every role against every route (issue 7 item 4): only the allowed cells succeed.
 * Roles: none, an assessment token, a key of each of the 16 regions, admin, a revoked key, a
 * malformed key, a well-formed token that opens nothing. Routes: the public ones (open to every role; credentials are not even read), the
 * five regional routes of region 10, the stored assessment, the cluster history, the cluster's
 * visibility (read and change), the rules routes and "which key is this" (`/keys/me`).
 */
import { buildAssessment } from "@klastry/domain/testing";
import type { DatabaseKind } from "@klastry/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "./testing/databases.ts";
import { jsonBody, openTestApi, type TestApi } from "./testing/harness.ts";

import { REGION_CODES } from "@klastry/domain";

type Role =
  "none" | "token" | `region:${string}` | "admin" | "revoked" | "malformed" | "unknown-token";
const ROLES: Role[] = [
  "none",
  "token",
  ...REGION_CODES.map((code) => `region:${code}` as const),
  "admin",
  "revoked",
  "malformed",
  "unknown-token",
];
const EVERYONE = ROLES;

interface Cell {
  route: string;
  method: "GET" | "POST" | "PUT";
  path: () => string;
  body?: unknown;
  allowed: Role[];
}

function matrixSuite(kind: DatabaseKind): void {
  let api: TestApi;
  const headers = new Map<Role, Record<string, string>>();
  let assessmentId = "";
  let clusterId = "";

  beforeAll(async () => {
    api = await openTestApi(kind, { env: { RATE_LIMIT_BURST: "100000" } });
    // Named: the coordinator lets region 10 see it, so its key opens the assessment.
    const created = await api.app.request(
      "/api/v1/assessments?visibility=named",
      jsonBody(
        buildAssessment({
          cluster: {
            name: "Klaster Macierz (fikcyjny)",
            region: "10",
            sectors: [],
            smartSpecialisations: [],
          },
        }),
      ),
    );
    const body = (await created.json()) as { id: string; clusterId: string; accessToken: string };
    assessmentId = body.id;
    clusterId = body.clusterId;
    const revoked = await api.db.apiKeys.create({ role: "region:10", label: "revoked" });
    await api.db.apiKeys.revoke(revoked.id);
    headers.set("none", {});
    headers.set("token", { "x-assessment-token": body.accessToken });
    for (const code of REGION_CODES)
      headers.set(`region:${code}`, { authorization: `Bearer ${await api.key(`region:${code}`)}` });
    headers.set("admin", { authorization: `Bearer ${await api.key("admin")}` });
    headers.set("revoked", { authorization: `Bearer ${revoked.secret}` });
    headers.set("malformed", { authorization: "Bearer kl_not-a-real-key" });
    headers.set("unknown-token", { "x-assessment-token": `kt_${"Z".repeat(43)}` });
  });
  afterAll(async () => api?.dispose());

  const REGIONAL: Role[] = ["region:10", "admin"];
  const assessmentBody = () =>
    buildAssessment({
      cluster: {
        name: "Klaster Publiczny (fikcyjny)",
        region: "12",
        sectors: [],
        smartSpecialisations: [],
      },
    });
  const cells: Cell[] = [
    ...[
      "/health",
      "/livez",
      "/vocabulary",
      "/instruments",
      "/instruments/test-cluster-grant",
      "/funding-sources",
      "/openapi.json",
    ].map((path) => ({
      route: `GET ${path}`,
      method: "GET" as const,
      path: () => `/api/v1${path}`,
      allowed: EVERYONE,
    })),
    {
      route: "POST /recommendations",
      method: "POST",
      path: () => "/api/v1/recommendations",
      body: buildAssessment(),
      allowed: EVERYONE,
    },
    ...["clusters", "recommendations", "needs", "coverage", "public-tasks"].map((what) => ({
      route: `GET /regions/10/${what}`,
      method: "GET" as const,
      path: () => `/api/v1/regions/10/${what}`,
      allowed: REGIONAL,
    })),
    {
      route: "GET /assessments/{id}",
      method: "GET",
      path: () => `/api/v1/assessments/${assessmentId}`,
      allowed: ["token", "region:10", "admin"],
    },
    {
      route: "GET /clusters/{id}/assessments",
      method: "GET",
      path: () => `/api/v1/clusters/${clusterId}/assessments`,
      allowed: ["token", "region:10", "admin"],
    },
    {
      route: "POST /assessments",
      method: "POST",
      path: () => "/api/v1/assessments",
      body: assessmentBody(),
      allowed: EVERYONE,
    },
    {
      route: "GET /clusters/{id}/visibility",
      method: "GET",
      path: () => `/api/v1/clusters/${clusterId}/visibility`,
      allowed: ["token", "region:10", "admin"],
    },
    {
      // The coordinator's choice: only the private link's token changes it (kept named here).
      route: "PUT /clusters/{id}/visibility",
      method: "PUT",
      path: () => `/api/v1/clusters/${clusterId}/visibility`,
      body: { visibility: "named" },
      allowed: ["token"],
    },
    {
      route: "GET /keys/me",
      method: "GET",
      path: () => "/api/v1/keys/me",
      allowed: [...REGION_CODES.map((code) => `region:${code}` as const), "admin"],
    },
    { route: "GET /rules", method: "GET", path: () => "/api/v1/rules", allowed: ["admin"] },
    {
      route: "GET /rules/{id}/file",
      method: "GET",
      path: () => "/api/v1/rules/test-cluster-grant-lodz/file",
      allowed: ["admin"],
    },
    {
      route: "POST /rules/impact",
      method: "POST",
      path: () => "/api/v1/rules/impact",
      body: { files: [] },
      allowed: ["admin"],
    },
    {
      route: "POST /rules/reload",
      method: "POST",
      path: () => "/api/v1/rules/reload",
      allowed: ["admin"],
    },
  ];

  /** 401 for no, malformed, revoked or unknown credentials; 403 for a valid one without the right. */
  function expectedStatus(cell: Cell, role: Role): number {
    if (cell.allowed.includes(role))
      return cell.method === "POST" && cell.route === "POST /assessments" ? 201 : 200;
    return role === "none" || role === "revoked" || role === "malformed" || role === "unknown-token"
      ? 401
      : 403;
  }

  describe("access matrix", () => {
    for (const cell of cells) {
      for (const role of ROLES) {
        it(`${cell.route} as ${role} answers ${expectedStatus(cell, role)}`, async () => {
          const init: RequestInit =
            cell.method !== "GET"
              ? {
                  method: cell.method,
                  headers: { "content-type": "application/json", ...headers.get(role) },
                  body: JSON.stringify(cell.body ?? {}),
                }
              : { headers: headers.get(role) };
          const res = await api.app.request(cell.path(), init);
          expect(res.status).toBe(expectedStatus(cell, role));
          if (res.status === 401) expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
          if (res.status >= 400)
            expect(res.headers.get("content-type")).toContain("application/problem+json");
        });
      }
    }

    it("keeps the other region's key out of an assessment of this region even with the id", async () => {
      const res = await api.app.request(`/api/v1/assessments/${assessmentId}`, {
        headers: headers.get("region:14"),
      });
      const body = (await res.json()) as { code: string; detail: string };
      expect(body.code).toBe("FORBIDDEN");
      expect(body.detail).toContain("14");
    });

    it("tells a region key which region it is for, and the admin key that it is admin", async () => {
      const lublin = await api.app.request("/api/v1/keys/me", {
        headers: headers.get("region:06"),
      });
      expect(await lublin.json()).toEqual({
        role: "region",
        region: "06",
        regionName: { pl: "lubelskie", en: "Lublin" },
      });
      const admin = await api.app.request("/api/v1/keys/me", { headers: headers.get("admin") });
      expect(await admin.json()).toEqual({ role: "admin" });
    });

    it("stores keys and tokens only as hashes", async () => {
      const raw = await api.db.dataSource.query<{ key_hash: string }[]>(
        "SELECT key_hash FROM api_key",
      );
      const hashes = raw.map((r) => r.key_hash);
      for (const role of ["region:10", "admin"] as const) {
        const secret = headers.get(role)!.authorization!.replace("Bearer ", "");
        expect(hashes.some((h) => h.includes(secret))).toBe(false);
      }
      const token = headers.get("token")!["x-assessment-token"]!;
      const rows = await api.db.dataSource.query<{ access_token_hash: string | null }[]>(
        "SELECT access_token_hash FROM assessment",
      );
      expect(rows.some((r) => r.access_token_hash?.includes(token))).toBe(false);
    });

    it("never writes a key or token to the logs", () => {
      const all = api.logs.join("\n");
      expect(api.logs.length).toBeGreaterThan(cells.length);
      for (const role of ROLES) {
        for (const value of Object.values(headers.get(role) ?? {})) {
          const secret = value.replace(/^Bearer /, "");
          expect(all).not.toContain(secret);
        }
      }
    });
  });
}

describeEachDatabase("access matrix", matrixSuite);
