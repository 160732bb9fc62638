/**
 * Assessment tokens and cluster histories (issue 15 items 1 and 7), on SQLite and PostgreSQL: a
 * made-up or tampered token is refused with 401 after one indexed lookup, before any assessment
 * is read, even on a cluster with 1,000 assessments; the history is paged in SQL; credentials in
 * the URL are refused; only an admin may move a cluster to another region.
 */
import { buildAssessment } from "@klastry/domain/testing";
import type { DatabaseKind } from "@klastry/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../testing/databases.ts";
import { bearer, jsonBody, openTestApi, type TestApi } from "../testing/harness.ts";
import { queriesOn, recordQueries } from "../testing/query-recorder.ts";

const HISTORY_LENGTH = 1_000;
/** Well formed (kt_ + 43 base64url characters), opening nothing. */
const MADE_UP_TOKEN = `kt_${"Q".repeat(43)}`;

function accessSuite(kind: DatabaseKind): void {
  let api: TestApi;
  let clusterId: string;
  let token: string;
  let lastId: string;
  let otherToken: string;
  let regionKey: string;
  let adminKey: string;

  beforeAll(async () => {
    api = await openTestApi(kind, {
      env: { RATE_LIMIT_BURST: "1000000", RATE_LIMIT_PER_MINUTE: "1000000" },
    });
    regionKey = await api.key("region:24");
    adminKey = await api.key("admin");
    const first =
      (await // Named: the region's key may open the cluster, so its own refusal (the move) is what shows.
      (
        await api.app.request("/api/v1/assessments?visibility=named", jsonBody(buildAssessment()))
      ).json()) as { id: string; clusterId: string; accessToken: string };
    clusterId = first.clusterId;
    token = first.accessToken;
    // The rest of the history straight through the repository: the route is not what is tested.
    const input = { ...buildAssessment(), clusterId };
    for (let i = 1; i < HISTORY_LENGTH; i += 1) {
      lastId = (await api.db.assessments.create({ input })).id;
    }
    otherToken = (
      (await (
        await api.app.request("/api/v1/assessments", jsonBody(buildAssessment()))
      ).json()) as { accessToken: string }
    ).accessToken;
  }, 300_000);
  afterAll(async () => api?.dispose());

  const history = async (query = "", headers: Record<string, string> = {}) =>
    api.app.request(`/api/v1/clusters/${clusterId}/assessments${query}`, { headers });

  it(`refuses a made-up token on a ${HISTORY_LENGTH}-assessment history with 401, reading no assessment`, async () => {
    const { result: res, queries } = await recordQueries(api.db, () =>
      history("", { "x-assessment-token": MADE_UP_TOKEN }),
    );
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
    const onAssessments = queriesOn(queries, "assessment");
    // One lookup of the token's hash, which found nothing; no assessment row came back.
    expect(onAssessments.map((q) => q.sql)).toEqual([
      expect.stringMatching(/WHERE access_token_hash = /),
    ]);
    expect(onAssessments.reduce((sum, q) => sum + q.rows, 0)).toBe(0);
    expect(queriesOn(queries, "assessment_need")).toEqual([]);
  });

  it("refuses a valid token of another cluster with 403, reading no assessment of this one", async () => {
    const { result: res, queries } = await recordQueries(api.db, () =>
      history("", { "x-assessment-token": otherToken }),
    );
    expect(res.status).toBe(403);
    const onAssessments = queriesOn(queries, "assessment");
    expect(onAssessments).toHaveLength(1);
    // The token's own assessment, and nothing else.
    expect(onAssessments[0]?.rows).toBe(1);
  });

  it("pages the history in SQL, reading only the page asked for", async () => {
    const { result: res, queries } = await recordQueries(api.db, () =>
      history("?page=200&pageSize=5", { "x-assessment-token": token }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: string }[]; total: number };
    expect(body.total).toBe(HISTORY_LENGTH);
    expect(body.items).toHaveLength(5);
    expect(body.items.at(-1)?.id).toBe(lastId);
    const read = queriesOn(queries, "assessment").filter((q) => /cluster_snapshot/.test(q.sql));
    expect(read).toHaveLength(1);
    expect(read[0]?.sql).toMatch(/LIMIT/);
    expect(read[0]?.rows).toBe(5);
  });

  it("answers a tampered token with 401 everywhere a credential is read, not 403", async () => {
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    const assessmentId = (
      (await (await history("?pageSize=1", { "x-assessment-token": token })).json()) as {
        items: { id: string }[];
      }
    ).items[0]!.id;
    for (const path of [
      `/api/v1/assessments/${assessmentId}`,
      `/api/v1/clusters/${clusterId}/assessments`,
      "/api/v1/regions/24/needs",
      "/api/v1/rules",
    ]) {
      for (const headers of [{ "x-assessment-token": tampered }, bearer(tampered)]) {
        const res = await api.app.request(path, { headers });
        expect(res.status, path).toBe(401);
      }
    }
    // The genuine token still opens its assessment and its cluster's history.
    expect(
      (
        await api.app.request(`/api/v1/assessments/${assessmentId}`, {
          headers: { "x-assessment-token": token },
        })
      ).status,
    ).toBe(200);
  });

  it("refuses a credential in the URL with a 400 naming the header to use, on every kind of route", async () => {
    for (const path of [
      `/api/v1/clusters/${clusterId}/assessments?token=${token}`,
      `/api/v1/instruments?access_token=${token}`,
      `/api/v1/vocabulary?api_key=x`,
      `/api/v1/regions/24/needs?k=${regionKey}`,
    ]) {
      const res = await api.app.request(path);
      expect(res.status, path).toBe(400);
      const problem = (await res.json()) as {
        code: string;
        issues: { in: string; code: string; message: string }[];
      };
      expect(problem.code).toBe("VALIDATION_FAILED");
      expect(problem.issues[0]).toMatchObject({ in: "query", code: "CREDENTIAL_IN_URL" });
      expect(problem.issues[0]?.message).toContain("X-Assessment-Token");
    }
    expect(api.logs.join("\n")).not.toContain(token.slice(3));
  });

  it("lets only an admin move a cluster to another region", async () => {
    const moved = { ...buildAssessment(), clusterId };
    moved.cluster = { ...moved.cluster, region: "14" };
    for (const headers of [{ "x-assessment-token": token }, bearer(regionKey)]) {
      const res = await api.app.request("/api/v1/assessments", jsonBody(moved, headers));
      expect(res.status).toBe(403);
      expect(((await res.json()) as { detail: string }).detail).toContain("admin");
    }
    expect((await api.db.clusters.findById(clusterId))?.region).toBe("24");
    // Staying in its region, the token holder may add to the history.
    expect(
      (
        await api.app.request(
          "/api/v1/assessments",
          jsonBody({ ...buildAssessment(), clusterId }, { "x-assessment-token": token }),
        )
      ).status,
    ).toBe(201);
    const byAdmin = await api.app.request("/api/v1/assessments", jsonBody(moved, bearer(adminKey)));
    expect(byAdmin.status).toBe(201);
    expect((await api.db.clusters.findById(clusterId))?.region).toBe("14");
  });
}

describeEachDatabase("assessment tokens and cluster histories", accessSuite);
