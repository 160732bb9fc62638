/**
 * Text that pretends, or that a database cannot store (issue 15 items 2 and 6), through the API
 * on SQLite and PostgreSQL alike: a lone surrogate, a right-to-left override, a name of only
 * zero-width characters or of stacked combining marks gets a 400 naming the field and the rule
 * (a lone surrogate used to be a 500 on PostgreSQL only), and text is stored in NFC.
 */
import { buildAssessment } from "@klastry/domain/testing";
import type { DatabaseKind } from "@klastry/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "./testing/databases.ts";
import { jsonBody, openTestApi, type TestApi } from "./testing/harness.ts";

interface Problem {
  code: string;
  issues: { path: string; code: string; message: string }[];
}

function textSuite(kind: DatabaseKind): void {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind, { env: { RATE_LIMIT_BURST: "100000" } });
  });
  afterAll(async () => api?.dispose());

  function withCluster(patch: Record<string, unknown>) {
    const assessment = buildAssessment();
    return { ...assessment, cluster: { ...assessment.cluster, ...patch } };
  }

  const hostile: [string, Record<string, unknown>, string, RegExp][] = [
    ["a lone surrogate in the name", { name: "Klaster \uD800" }, "cluster.name", /well-formed/],
    ["a lone surrogate in a sector", { sectors: ["\uDC00"] }, "cluster.sectors[0]", /well-formed/],
    [
      "a right-to-left override",
      { name: "Klaster \u202Eexe.txt" },
      "cluster.name",
      /bidirectional/,
    ],
    ["only a zero-width space", { name: "\u200B" }, "cluster.name", /visible/],
    ["199 combining marks", { name: `Z${"\u0301".repeat(199)}` }, "cluster.name", /combining/],
    [
      "a lone surrogate in the website",
      { website: "https://x.pl/\uD800" },
      "cluster.website",
      /well-formed/,
    ],
  ];

  for (const [what, patch, path, message] of hostile) {
    it(`refuses ${what} with a 400 naming the field, storing nothing`, async () => {
      for (const route of ["/api/v1/assessments", "/api/v1/recommendations"]) {
        const res = await api.app.request(route, jsonBody(withCluster(patch)));
        expect(res.status, route).toBe(400);
        const problem = (await res.json()) as Problem;
        expect(problem.code).toBe("VALIDATION_FAILED");
        const issue = problem.issues.find((i) => i.path === path);
        expect(issue?.message, route).toMatch(message);
      }
    });
  }

  it("answers in Polish when asked", async () => {
    const res = await api.app.request(
      "/api/v1/assessments?lang=pl",
      jsonBody(withCluster({ name: "\u202EKlaster" })),
    );
    const problem = (await res.json()) as Problem;
    expect(problem.issues[0]?.message).toMatch(/kierunkiem tekstu/);
  });

  it("stores names in NFC, so the same-looking name is the same text", async () => {
    const res = await api.app.request(
      "/api/v1/assessments",
      jsonBody(withCluster({ name: "Klaster Zło\u0301ty (fikcyjny)", sectors: ["drzewny\u0301"] })),
    );
    expect(res.status).toBe(201);
    const { clusterId } = (await res.json()) as { clusterId: string };
    const cluster = await api.db.clusters.findById(clusterId);
    expect(cluster?.name).toBe("Klaster Złóty (fikcyjny)");
  });

  it("refuses a search for bidirectional controls with a 400", async () => {
    // U+202E and U+2066, percent-encoded as UTF-8 (a URL cannot carry a lone surrogate).
    for (const q of ["%E2%80%AEabc", "x%E2%81%A6"]) {
      const res = await api.app.request(`/api/v1/instruments?q=${q}`);
      expect(res.status, q).toBe(400);
    }
    expect((await api.app.request("/api/v1/instruments?q=klast")).status).toBe(200);
  });
}

describeEachDatabase("text input", textSuite);
