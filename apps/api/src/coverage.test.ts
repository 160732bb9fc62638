/**
 * Coverage adds up each cluster's own coverage: a need counts as covered only by an instrument
 * that is eligible or can't-tell-yet for the cluster and open, announced, expected or available on
 * the date. One whose sources date no call (unknown) covers nothing; a programme with no confirmed
 * call is listed apart as "may fund".
 */
import { buildAssessment, buildInstrument } from "@klastry/domain/testing";
import { buildKnowledgeBase } from "@klastry/knowledge/testing";
import { acceptAnswers } from "@klastry/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, jsonBody, openTestApi, type TestApi } from "./testing/harness.ts";
import { defaultRules, regionRule } from "./testing/rule-files.ts";

let api: TestApi;
let regionKey: string;

const green = { eligibleActors: ["sme" as const], functions: ["green_transition" as const] };

beforeAll(async () => {
  const base = buildKnowledgeBase();
  const undated = buildInstrument({
    id: "test-undated-green-loan",
    name: { pl: "Pożyczka bez dat naboru (test)", en: "Loan with no call dates (test)" },
    applicant: "member_firms",
    ...green,
    availability: { calls: [] },
  });
  const programme = buildInstrument({
    id: "test-green-programme",
    kind: "programme_priority",
    applicant: "member_firms",
    ...green,
    availability: {
      programme: {
        from: "2022-12-08",
        note: { pl: "Program zatwierdzony.", en: "Programme approved." },
        source: "https://example.org/programme",
        confidence: "M",
      },
    },
  });
  api = await openTestApi("sqlite", {
    knowledge: { ...base, instruments: [...base.instruments, undated, programme] },
    rules: {
      ...defaultRules(),
      "green/test-undated-green-loan.rule.json": regionRule(
        "test-undated-green-loan",
        "test-undated-green-loan",
        ["10"],
      ),
      "green/test-green-programme.rule.json": regionRule(
        "test-green-programme",
        "test-green-programme",
        ["10"],
      ),
    },
  });
  regionKey = await api.key("region:10");
  const assessment = buildAssessment({
    cluster: {
      ...buildAssessment().cluster,
      name: "Klaster Zielony Testowy (fikcyjny)",
      region: "10",
    },
    needs: [{ actor: "sme", function: "green_transition", priority: 1 }],
  });
  // Counted in the region's totals only: coverage names no cluster.
  const created = await api.app.request(
    "/api/v1/assessments?visibility=anonymous",
    jsonBody(assessment),
  );
  expect(created.status).toBe(201);
  // Self-registered: counted once a round's owner accepts it.
  await acceptAnswers(api.db, ((await created.json()) as { id: string }).id);
});

afterAll(() => api.dispose());

describe("GET /regions/{code}/coverage", () => {
  it("counts neither an undated instrument nor a programme with no call as covering a need", async () => {
    const res = await api.app.request("/api/v1/regions/10/coverage?date=2026-06-01", {
      headers: bearer(regionKey),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      gaps: number;
      items: {
        actor: string;
        function: string;
        covered: boolean;
        uncoveredClusters: number;
        instruments: { id: string }[];
        mayFund: { id: string; callStatus: string; clusters: number }[];
      }[];
    };
    const cell = body.items.find((i) => i.actor === "sme" && i.function === "green_transition");
    expect(cell).toMatchObject({ covered: false, uncoveredClusters: 1, instruments: [] });
    expect(cell?.mayFund).toEqual([
      expect.objectContaining({
        id: "test-green-programme",
        callStatus: "programme_running",
        clusters: 1,
      }),
    ]);
    expect(body.gaps).toBeGreaterThanOrEqual(1);
  });
});
