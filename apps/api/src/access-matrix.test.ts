/**
 * Every role against every route (issue 7 item 4, issue 14 item 5): only the allowed cells succeed.
 * Roles: none, an assessment token, a survey invitation token, a key of each of the 16 regions,
 * a national key (ministry, working group), admin, a revoked key, a malformed key, a well-formed
 * token that opens nothing. Routes: the public ones (open to every role; credentials are not even
 * read), the five regional routes of region 10, the stored assessment, the cluster history, the
 * cluster's visibility (read and change), the rules routes, "which key is this" (`/keys/me`), and
 * the survey: rounds (a national one, region 10's, a closed one), invitations, moderation, the
 * invitation a token opens, the national picture and the reports with their annexes.
 */
import { buildAssessment } from "@klastry/domain/testing";
import type { DatabaseKind } from "@klastry/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Round } from "@klastry/domain";
import { newInvitationToken } from "./auth/invitation-token.ts";
import { describeEachDatabase } from "./testing/databases.ts";
import { jsonBody, openTestApi, type TestApi } from "./testing/harness.ts";

import { REGION_CODES } from "@klastry/domain";

type Role =
  | "none"
  | "token"
  | "invitation"
  | `region:${string}`
  | "national"
  | "admin"
  | "revoked"
  | "malformed"
  | "unknown-token";
const ROLES: Role[] = [
  "none",
  "token",
  "invitation",
  ...REGION_CODES.map((code) => `region:${code}` as const),
  "national",
  "admin",
  "revoked",
  "malformed",
  "unknown-token",
];
const REGION_KEYS = REGION_CODES.map((code) => `region:${code}` as const);
const EVERYONE = ROLES;

interface Cell {
  route: string;
  method: "GET" | "POST" | "PUT";
  path: () => string;
  body?: unknown;
  /** A body sent as is with this content type (default: `body` as JSON). */
  raw?: { type: string; text: string };
  allowed: Role[];
  /** What an allowed role gets when it is not 200 (201 created, 404 unknown, 409 closed). */
  ok?: number;
  /** What every other role gets when it is not the usual 401/403. */
  denied?: number;
}

function matrixSuite(kind: DatabaseKind): void {
  let api: TestApi;
  const headers = new Map<Role, Record<string, string>>();
  let assessmentId = "";
  let clusterId = "";
  const rounds = { national: "", regional: "", closed: "" };

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
    headers.set("national", { authorization: `Bearer ${await api.key("national")}` });
    const owner = (round: Round) => round.id;
    const period = { periodStart: "2026-01-01", periodEnd: "2026-12-31" };
    rounds.national = owner(
      await api.db.survey.createRound({ title: "Macierz", scope: "national", ...period }, "admin"),
    );
    rounds.regional = owner(
      await api.db.survey.createRound(
        { title: "Macierz 10", scope: "regional", region: "10", ...period },
        "region:10",
      ),
    );
    rounds.closed = owner(
      await api.db.survey.createRound(
        { title: "Zamknięta 10", scope: "regional", region: "10", ...period },
        "region:10",
      ),
    );
    await api.db.survey.closeRound(rounds.closed);
    // One invitation (of the national round): its token answers and opens it, nothing else.
    const { token, hash } = newInvitationToken();
    await api.db.survey.importInvitations(rounds.national, [
      {
        clusterName: "Klaster Zaproszony (fikcyjny)",
        region: "12",
        contact: null,
        tokenHash: hash,
      },
    ]);
    headers.set("invitation", { "x-invitation-token": token });
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
      allowed: [...REGION_KEYS, "national", "admin"],
    },
    {
      route: "POST /rounds (national)",
      method: "POST",
      path: () => "/api/v1/rounds",
      body: {
        title: "Runda",
        periodStart: "2026-01-01",
        periodEnd: "2026-06-30",
        scope: "national",
      },
      allowed: ["admin"],
      ok: 201,
    },
    {
      route: "POST /rounds (regional 10)",
      method: "POST",
      path: () => "/api/v1/rounds",
      body: {
        title: "Runda 10",
        periodStart: "2026-01-01",
        periodEnd: "2026-06-30",
        scope: "regional",
        region: "10",
      },
      allowed: ["region:10", "admin"],
      ok: 201,
    },
    {
      route: "GET /rounds",
      method: "GET",
      path: () => "/api/v1/rounds",
      allowed: [...REGION_KEYS, "national", "admin"],
    },
    {
      route: "GET /rounds/{national}",
      method: "GET",
      path: () => `/api/v1/rounds/${rounds.national}`,
      allowed: [...REGION_KEYS, "national", "admin"],
    },
    {
      route: "GET /rounds/{regional 10}",
      method: "GET",
      path: () => `/api/v1/rounds/${rounds.regional}`,
      allowed: ["region:10", "national", "admin"],
    },
    {
      route: "POST /rounds/{closed}/close",
      method: "POST",
      path: () => `/api/v1/rounds/${rounds.closed}/close`,
      allowed: ["region:10", "admin"],
      ok: 409,
    },
    {
      route: "POST /rounds/{regional 10}/invitations",
      method: "POST",
      path: () => `/api/v1/rounds/${rounds.regional}/invitations`,
      raw: { type: "text/csv", text: "name,region,contact\nKlaster Macierzy (fikcyjny),10,\n" },
      allowed: ["region:10", "admin"],
      ok: 201,
    },
    {
      route: "GET /rounds/{national}/invitations",
      method: "GET",
      path: () => `/api/v1/rounds/${rounds.national}/invitations`,
      allowed: ["admin"],
    },
    {
      route: "GET /rounds/{regional 10}/invitations",
      method: "GET",
      path: () => `/api/v1/rounds/${rounds.regional}/invitations`,
      allowed: ["region:10", "admin"],
    },
    {
      route: "GET /rounds/{regional 10}/moderation",
      method: "GET",
      path: () => `/api/v1/rounds/${rounds.regional}/moderation`,
      allowed: ["region:10", "admin"],
    },
    {
      // An id no assessment has: an allowed key gets as far as looking it up.
      route: "POST /rounds/{regional 10}/moderation/{assessmentId}",
      method: "POST",
      path: () =>
        `/api/v1/rounds/${rounds.regional}/moderation/00000000-0000-4000-8000-000000000000`,
      body: { decision: "accepted" },
      allowed: ["region:10", "admin"],
      ok: 404,
    },
    {
      route: "GET /invitation",
      method: "GET",
      path: () => "/api/v1/invitation",
      allowed: ["invitation"],
      denied: 401,
    },
    {
      route: "GET /national",
      method: "GET",
      path: () => "/api/v1/national",
      allowed: ["national", "admin"],
    },
    ...["report", "report/annex.csv", "report/annex.xlsx"].flatMap((what) => [
      {
        route: `GET /rounds/{national}/${what}`,
        method: "GET" as const,
        path: () => `/api/v1/rounds/${rounds.national}/${what}`,
        allowed: ["national", "admin"] as Role[],
      },
      {
        route: `GET /rounds/{regional 10}/${what}`,
        method: "GET" as const,
        path: () => `/api/v1/rounds/${rounds.regional}/${what}`,
        allowed: ["region:10", "national", "admin"] as Role[],
      },
    ]),
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
      return cell.ok ?? (cell.method === "POST" && cell.route === "POST /assessments" ? 201 : 200);
    if (cell.denied !== undefined) return cell.denied;
    // An invitation token is no key: to every key route it is no credential at all.
    return role === "none" ||
      role === "invitation" ||
      role === "revoked" ||
      role === "malformed" ||
      role === "unknown-token"
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
                  headers: {
                    "content-type": cell.raw?.type ?? "application/json",
                    ...headers.get(role),
                  },
                  body: cell.raw?.text ?? JSON.stringify(cell.body ?? {}),
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
