/**
 * Coverage counts a need as covered only by an instrument open or planned on the date: one whose
 * sources date no call (status unknown) is listed for the reader, but covers nothing.
 */
import { buildInstrument, buildKnowledgeBase } from "@klastry/db/testing";
import { buildAssessment } from "@klastry/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, jsonBody, openTestApi, type TestApi } from "./testing/harness.ts";

let api: TestApi;
let regionKey: string;

beforeAll(async () => {
  const base = buildKnowledgeBase();
  const undated = buildInstrument({
    id: "test-undated-green-loan",
    name: { pl: "Pożyczka bez dat naboru (test)", en: "Loan with no call dates (test)" },
    eligibleActors: ["sme"],
    functions: ["green_transition"],
    callWindows: [],
  });
  api = await openTestApi("sqlite", {
    knowledge: { ...base, instruments: [...base.instruments, undated] },
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
  expect((await api.app.request("/api/v1/assessments", jsonBody(assessment))).status).toBe(201);
});

afterAll(() => api.dispose());

describe("GET /regions/{code}/coverage", () => {
  it("lists an instrument with no call dates but does not count it as covering the need", async () => {
    const res = await api.app.request("/api/v1/regions/10/coverage?date=2026-06-01", {
      headers: bearer(regionKey),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      items: {
        actor: string;
        function: string;
        covered: boolean;
        instruments: { id: string; callStatus: string }[];
      }[];
    };
    const green = body.items.find((i) => i.actor === "sme" && i.function === "green_transition");
    expect(green?.instruments).toContainEqual(
      expect.objectContaining({ id: "test-undated-green-loan", callStatus: "unknown" }),
    );
    expect(green?.covered).toBe(false);
  });
});
