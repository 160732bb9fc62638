/**
 * @module
 * The API's main flows as one suite, run against each database (SQLite always, PostgreSQL when
 * reachable; see api-flows.test.ts), in-process with `app.request()`: catalogue filters, pages and
 * ETags, recommendations, stored assessments and their tokens, regional aggregates in JSON and CSV.
 */
import { buildAssessment } from "@klastry/domain/testing";
import type { DatabaseKind } from "@klastry/db";
import { acceptAnswers } from "@klastry/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, jsonBody, openTestApi, type TestApi } from "./testing/harness.ts";

const lodzCluster = (name: string) =>
  buildAssessment({
    cluster: { name, region: "10", sectors: [], smartSpecialisations: [] },
    needs: [
      { actor: "coordinator", function: "cluster_management", priority: 1 },
      { actor: "sme", function: "green_transition", priority: 2 },
    ],
    publicTasks: [{ task: "export_promotion", readiness: "ready" }],
  });

export function describeApiFlows(kind: DatabaseKind): void {
  let api: TestApi;
  let regionKey: string;
  beforeAll(async () => {
    api = await openTestApi(kind);
    regionKey = await api.key("region:10");
  });
  afterAll(async () => api?.dispose());

  const get = (path: string, headers: Record<string, string> = {}) =>
    api.app.request(path, { headers });

  describe("catalogue", () => {
    it("filters instruments by region, function, actor type, form and level", async () => {
      const res = await get(
        "/api/v1/instruments?region=14&function=internationalisation&actorType=sme&form=loan&level=national",
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: { id: string }[]; total: number };
      expect(body.items.map((i) => i.id)).toEqual(["test-export-loan"]);
      expect(body.total).toBe(1);
    });

    it("pages with page and pageSize and reports the total", async () => {
      const first = (await (await get("/api/v1/instruments?pageSize=2&page=1")).json()) as {
        items: { id: string }[];
        total: number;
        page: number;
        pageSize: number;
      };
      const second = (await (await get("/api/v1/instruments?pageSize=2&page=2")).json()) as {
        items: { id: string }[];
      };
      expect(first.total).toBe(3);
      expect(first.page).toBe(1);
      expect(first.pageSize).toBe(2);
      expect(first.items).toHaveLength(2);
      expect(second.items).toHaveLength(1);
      expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(3);
    });

    it("derives the availability for ?statusOn= with its basis, and filters by it", async () => {
      const open = (await (
        await get("/api/v1/instruments?status=open&statusOn=2026-06-01")
      ).json()) as {
        total: number;
        items: { availabilityOn: { status: string; basis: { pl: string; en: string } } }[];
      };
      expect(open.total).toBe(3);
      expect(open.items.every((i) => i.availabilityOn.status === "open")).toBe(true);
      expect(open.items[0]?.availabilityOn.basis.en).toBe(
        "Applications open: 1 January – 31 December 2026",
      );
      const planned = (await (
        await get("/api/v1/instruments?status=planned&statusOn=2025-06-01")
      ).json()) as { total: number };
      expect(planned.total).toBe(3);
      // The former parameter name still works.
      const closed = (await (
        await get("/api/v1/instruments?status=closed&date=2027-06-01")
      ).json()) as { total: number };
      expect(closed.total).toBe(3);
    });

    it("never serves the maintainers' notes", async () => {
      const body = (await (await get("/api/v1/instruments?pageSize=200")).json()) as {
        items: Record<string, unknown>[];
      };
      expect(body.items.length).toBeGreaterThan(0);
      expect(body.items.some((i) => "maintainerNotes" in i)).toBe(false);
    });

    it("finds instruments by words, ignoring case and diacritics", async () => {
      const body = (await (await get("/api/v1/instruments?q=POZYCZKA")).json()) as {
        items: { id: string }[];
      };
      expect(body.items.map((i) => i.id)).toEqual(["test-export-loan"]);
    });

    it("answers an ETag and 304 to a matching If-None-Match", async () => {
      const first = await get("/api/v1/instruments?region=10");
      const tag = first.headers.get("etag");
      expect(tag).toBeTruthy();
      const again = await get("/api/v1/instruments?region=10", { "if-none-match": tag! });
      expect(again.status).toBe(304);
      const other = await get("/api/v1/instruments?region=14", { "if-none-match": tag! });
      expect(other.status).toBe(200);
    });

    it("serves one instrument, 404 for an unknown id, and the funding sources", async () => {
      const one = await get("/api/v1/instruments/test-eu-voucher?date=2026-02-01");
      expect(one.status).toBe(200);
      expect(
        ((await one.json()) as { availabilityOn: { status: string } }).availabilityOn.status,
      ).toBe("open");
      const missing = await get("/api/v1/instruments/no-such-instrument");
      expect(missing.status).toBe(404);
      expect(missing.headers.get("content-type")).toContain("application/problem+json");
      const sources = (await (await get("/api/v1/funding-sources")).json()) as {
        items: { id: string }[];
        total: number;
      };
      expect(sources.items.map((s) => s.id).sort()).toEqual(["test-erdf", "test-regional-budget"]);
    });
  });

  describe("recommendations", () => {
    it("evaluates an assessment with the rulebook version in the body and in X-Rulebook-Version", async () => {
      const res = await api.app.request(
        "/api/v1/recommendations?date=2026-06-01&lang=en",
        jsonBody(lodzCluster("Klaster A (fikcyjny)")),
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        rulebookVersion: string;
        evaluatedOn: string;
        language: string;
        recommendations: { instrumentId: string; verdict: string }[];
      };
      expect(res.headers.get("x-rulebook-version")).toBe(body.rulebookVersion);
      expect(body.rulebookVersion).toBe(api.deps.rulebookStore.status().version);
      expect(body.evaluatedOn).toBe("2026-06-01");
      expect(body.language).toBe("en");
      const eligible = body.recommendations
        .filter((r) => r.verdict === "eligible")
        .map((r) => r.instrumentId)
        .sort();
      expect(eligible).toEqual(["test-cluster-grant", "test-export-loan"]);
    });

    it("gives the same answer with engine=reference (json-rules-engine itself)", async () => {
      const input = lodzCluster("Klaster B (fikcyjny)");
      const compiled = (await (
        await api.app.request("/api/v1/recommendations?date=2026-06-01", jsonBody(input))
      ).json()) as { recommendations: { instrumentId: string; verdict: string }[] };
      const res = await api.app.request(
        "/api/v1/recommendations?date=2026-06-01&engine=reference",
        jsonBody(input),
      );
      expect(res.status).toBe(200);
      const reference = (await res.json()) as {
        engine: string;
        recommendations: { instrumentId: string; verdict: string }[];
      };
      expect(reference.engine).toBe("reference");
      const verdicts = (set: { recommendations: { instrumentId: string; verdict: string }[] }) =>
        set.recommendations.map((r) => `${r.instrumentId}:${r.verdict}`).sort();
      expect(verdicts(reference)).toEqual(verdicts(compiled));
    });

    it("defaults to Polish and to today in Poland", async () => {
      const body = (await (
        await api.app.request(
          "/api/v1/recommendations",
          jsonBody(lodzCluster("Klaster C (fikcyjny)")),
        )
      ).json()) as { language: string; evaluatedOn: string };
      expect(body.language).toBe("pl");
      expect(body.evaluatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });

  describe("stored assessments", () => {
    it("stores an assessment with its recommendations and returns a private token once", async () => {
      // Named: the coordinator lets the region see it, so the region's key opens it below.
      const res = await api.app.request(
        "/api/v1/assessments?visibility=named",
        jsonBody(lodzCluster("Klaster Zapisany (fikcyjny)")),
      );
      expect(res.status).toBe(201);
      const created = (await res.json()) as {
        id: string;
        clusterId: string;
        accessToken: string;
        rulebookVersion: string;
        recommendations: { rulebookVersion: string };
      };
      expect(created.accessToken).toMatch(/^kt_/);
      expect(res.headers.get("location")).toBe(`/api/v1/assessments/${created.id}`);
      expect(created.recommendations.rulebookVersion).toBe(created.rulebookVersion);

      const record = await api.db.assessments.getRecord(created.id);
      expect(record?.assessment.rulebookVersion).toBe(created.rulebookVersion);
      expect(await api.db.assessments.matchesAccessToken(created.id, created.accessToken)).toBe(
        true,
      );
      const hashes = await api.db.dataSource.query<{ access_token_hash: string | null }[]>(
        "SELECT access_token_hash FROM assessment",
      );
      expect(
        hashes.some((row) => row.access_token_hash?.includes(created.accessToken.slice(3))),
      ).toBe(false);

      const withHeader = await get(`/api/v1/assessments/${created.id}`, {
        "x-assessment-token": created.accessToken,
      });
      expect(withHeader.status).toBe(200);
      const opened = (await withHeader.json()) as {
        assessment: { id: string };
        recommendations: { rulebookVersion: string };
      };
      expect(opened.assessment.id).toBe(created.id);
      expect(opened.recommendations.rulebookVersion).toBe(created.rulebookVersion);
      expect(withHeader.headers.get("x-rulebook-version")).toBe(created.rulebookVersion);
      // Tokens travel in headers only: a URL is kept in browser history and logs.
      expect(
        (await get(`/api/v1/assessments/${created.id}?token=${created.accessToken}`)).status,
      ).toBe(400);
      expect(
        (await get(`/api/v1/assessments/${created.id}`, bearer(created.accessToken))).status,
      ).toBe(200);
      expect((await get(`/api/v1/assessments/${created.id}`, bearer(regionKey))).status).toBe(200);
      expect((await get(`/api/v1/assessments/${created.id}`)).status).toBe(401);
    });

    it("keeps the history append-only and opens it with a token of one of the cluster's assessments", async () => {
      const first = (await (
        await api.app.request(
          "/api/v1/assessments",
          jsonBody(lodzCluster("Klaster Historia (fikcyjny)")),
        )
      ).json()) as { id: string; clusterId: string; accessToken: string };
      const secondInput = {
        ...lodzCluster("Klaster Historia (fikcyjny)"),
        clusterId: first.clusterId,
      };
      // Adding to an existing cluster needs a credential for it.
      expect((await api.app.request("/api/v1/assessments", jsonBody(secondInput))).status).toBe(
        401,
      );
      const second = await api.app.request(
        "/api/v1/assessments",
        jsonBody(secondInput, { "x-assessment-token": first.accessToken }),
      );
      expect(second.status).toBe(201);
      const history = await get(`/api/v1/clusters/${first.clusterId}/assessments`, {
        "x-assessment-token": first.accessToken,
      });
      expect(history.status).toBe(200);
      const body = (await history.json()) as {
        items: { id: string }[];
        total: number;
        cluster: { id: string };
      };
      expect(body.total).toBe(2);
      expect(body.items[0]?.id).toBe(first.id);
      expect(body.cluster.id).toBe(first.clusterId);
    });

    it("answers 404 for an unknown assessment or cluster to an allowed caller", async () => {
      expect(
        (await get("/api/v1/assessments/00000000-0000-4000-8000-000000000000", bearer(regionKey)))
          .status,
      ).toBe(404);
      expect(
        (await get("/api/v1/clusters/no-such-cluster/assessments", bearer(regionKey))).status,
      ).toBe(404);
    });
  });

  describe("regional aggregates", () => {
    beforeAll(async () => {
      for (const name of [
        "Klaster Region A (fikcyjny)",
        '=HYPERLINK("http://evil") (fikcyjny)',
        "Klaster;=1+2;@SUM(1+1) (fikcyjny)",
      ]) {
        // Named: the region sees these clusters by name (a private one would not be listed).
        const res = await api.app.request(
          "/api/v1/assessments?visibility=named",
          jsonBody(lodzCluster(name)),
        );
        expect(res.status).toBe(201);
        // Self-registered: the region counts it once a round's owner accepts it.
        await acceptAnswers(api.db, ((await res.json()) as { id: string }).id);
      }
    });

    it("lists the region's clusters", async () => {
      const res = await get("/api/v1/regions/10/clusters?pageSize=200", bearer(regionKey));
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        items: { name: string; region: string }[];
        total: number;
      };
      expect(body.items.map((c) => c.name)).toContain("Klaster Region A (fikcyjny)");
      expect(body.items.every((c) => c.region === "10")).toBe(true);
      expect(body.total).toBe(body.items.length);
    });

    it("counts needs by actor x function over the latest assessments", async () => {
      const res = await get("/api/v1/regions/10/needs", bearer(regionKey));
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        clusters: number;
        items: { actor: string; function: string; count: number }[];
      };
      const green = body.items.find(
        (cell) => cell.actor === "sme" && cell.function === "green_transition",
      );
      // Every cluster stored above reports it; the seeded sample cluster does not.
      expect(green?.count).toBe(body.clusters - 1);
    });

    it("flags needs no instrument open to the region covers", async () => {
      const res = await get("/api/v1/regions/10/coverage?date=2026-06-01", bearer(regionKey));
      const body = (await res.json()) as {
        gaps: number;
        items: {
          actor: string;
          function: string;
          covered: boolean;
          instruments: { id: string }[];
        }[];
      };
      const management = body.items.find(
        (i) => i.actor === "coordinator" && i.function === "cluster_management",
      );
      expect(management?.covered).toBe(true);
      expect(management?.instruments.map((i) => i.id)).toEqual(["test-cluster-grant"]);
      const green = body.items.find((i) => i.actor === "sme" && i.function === "green_transition");
      expect(green?.covered).toBe(false);
      expect(body.gaps).toBeGreaterThanOrEqual(1);
    });

    it("lists clusters by readiness for each public task", async () => {
      const body = (await (
        await get("/api/v1/regions/10/public-tasks", bearer(regionKey))
      ).json()) as {
        items: { task: string; readiness: string; count: number; clusters: { name: string }[] }[];
      };
      const ready = body.items.find(
        (i) => i.task === "export_promotion" && i.readiness === "ready",
      );
      expect(ready?.count).toBe(ready?.clusters.length);
      expect(ready?.clusters.map((c) => c.name)).toContain("Klaster Region A (fikcyjny)");
    });

    it("evaluates the latest assessment of every cluster now, with the rulebook version", async () => {
      const res = await get(
        "/api/v1/regions/10/recommendations?date=2026-06-01",
        bearer(regionKey),
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        rulebookVersion: string;
        evaluatedOn: string;
        items: {
          clusterName: string;
          recommendations: { instrumentId: string; verdict: string }[];
        }[];
      };
      expect(res.headers.get("x-rulebook-version")).toBe(body.rulebookVersion);
      expect(body.evaluatedOn).toBe("2026-06-01");
      const a = body.items.find((i) => i.clusterName === "Klaster Region A (fikcyjny)");
      expect(
        a?.recommendations.some(
          (r) => r.instrumentId === "test-cluster-grant" && r.verdict === "eligible",
        ),
      ).toBe(true);
    });

    it("serves every aggregate as CSV, with formula cells neutralised", async () => {
      for (const what of ["clusters", "needs", "coverage", "public-tasks", "recommendations"]) {
        const res = await get(
          `/api/v1/regions/10/${what}`,
          bearer(regionKey, { accept: "text/csv" }),
        );
        expect(res.status, what).toBe(200);
        expect(res.headers.get("content-type"), what).toContain("text/csv");
        const bytes = Buffer.from(await res.arrayBuffer());
        // A UTF-8 byte-order mark first, so Excel reads Polish letters right.
        expect([...bytes.subarray(0, 3)], what).toEqual([0xef, 0xbb, 0xbf]);
        const text = bytes.toString("utf8");
        expect(text.split("\r\n").length, what).toBeGreaterThan(2);
      }
      const clusters = await (
        await get(
          "/api/v1/regions/10/clusters?pageSize=200",
          bearer(regionKey, { accept: "text/csv" }),
        )
      ).text();
      expect(clusters).toContain(`"'=HYPERLINK(""http://evil"") (fikcyjny)"`);
      expect(clusters).not.toMatch(/(^|,)=HYPERLINK/m);
      // Polish Excel splits on ";": no piece after a semicolon may start a formula either.
      expect(clusters).toContain(`"Klaster;'=1+2;'@SUM(1+1) (fikcyjny)"`);
      expect(clusters).not.toMatch(/[;,]\s*"?[=+@-]/);
    });
  });
}
