import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildAssessment } from "@klastry/domain/testing";
import type { DatabaseKind } from "@klastry/db";
import { acceptAnswers } from "@klastry/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "../testing/databases.ts";
import { bearer, jsonBody, openTestApi, type TestApi } from "../testing/harness.ts";
import { regionRule, writeRuleFile } from "../testing/rule-files.ts";

function rulesSuite(kind: DatabaseKind): void {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await openTestApi(kind);
    admin = await api.key("admin");
    // The coordinators' choices: the impact preview names a named cluster, counts an anonymous
    // one under a pseudonym and leaves a private one out.
    const stored = [
      ["10", "named"],
      ["14", "anonymous"],
      ["14", "private"],
    ] as const;
    for (const [region, visibility] of stored) {
      const res = await api.app.request(
        `/api/v1/assessments?visibility=${visibility}`,
        jsonBody(
          buildAssessment({
            cluster: {
              name: `Klaster Reguł ${region} ${visibility} (fikcyjny)`,
              region,
              sectors: [],
              smartSpecialisations: [],
            },
          }),
        ),
      );
      expect(res.status).toBe(201);
      // Official answers only reach the preview: a round's owner accepts these (issue 14).
      await acceptAnswers(api.db, ((await res.json()) as { id: string }).id);
    }
  });
  afterAll(async () => api?.dispose());

  describe("GET /rules", () => {
    it("lists the served rulebook's files, rules and version", async () => {
      const res = await api.app.request("/api/v1/rules", { headers: bearer(admin) });
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        version: string;
        files: string[];
        rules: { id: string; instrument: string }[];
      };
      expect(body.version).toBe(api.deps.rulebookStore.status().version);
      expect(res.headers.get("x-rulebook-version")).toBe(body.version);
      expect(body.files).toEqual([
        "finance/test-export-loan-regions.rule.json",
        "grants/test-cluster-grant-lodz.rule.json",
      ]);
      expect(body.rules.map((r) => r.id)).toEqual([
        "test-cluster-grant-lodz",
        "test-export-loan-regions",
      ]);
    });
  });

  describe("GET /rules/{id}/file", () => {
    it("answers a rule's file as it is in the rules folder, with its path, to edit", async () => {
      const res = await api.app.request("/api/v1/rules/test-cluster-grant-lodz/file", {
        headers: bearer(admin),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { id: string; file: string; text: string };
      expect(body.file).toBe("grants/test-cluster-grant-lodz.rule.json");
      expect(body.text).toBe(
        readFileSync(join(api.rulesDir, "grants/test-cluster-grant-lodz.rule.json"), "utf8"),
      );
      expect((JSON.parse(body.text) as { id: string }).id).toBe("test-cluster-grant-lodz");
    });

    it("answers 404 for a rule the served rulebook does not have", async () => {
      const res = await api.app.request("/api/v1/rules/no-such-rule/file", {
        headers: bearer(admin),
      });
      expect(res.status).toBe(404);
    });
  });

  describe("POST /rules/impact", () => {
    it("lists clusters that gain and lose an instrument under a changed rule", async () => {
      // The Łódź grant moves from region 10 to region 14.
      const res = await api.app.request(
        "/api/v1/rules/impact?date=2026-06-01",
        jsonBody(
          {
            files: [
              {
                file: "grants/test-cluster-grant-lodz.rule.json",
                rule: regionRule("test-cluster-grant-lodz", "test-cluster-grant", ["14"]),
              },
            ],
          },
          bearer(admin),
        ),
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        currentVersion: string;
        candidateVersion: string;
        clustersEvaluated: number;
        changedInstruments: string[];
        items: {
          clusterId: string;
          clusterName: string;
          region: string;
          gained: string[];
          lost: string[];
          verdictChanges: { instrumentId: string; before: string; after: string }[];
        }[];
        byInstrument: { instrumentId: string; gained: number; lost: number }[];
        rules: { ruleId: string }[];
        summary: Record<string, unknown>;
      };
      expect(body.candidateVersion).not.toBe(body.currentVersion);
      expect(body.currentVersion).toBe(api.deps.rulebookStore.status().version);
      const lodz = body.items.filter((i) => i.region === "10");
      const mazowsze = body.items.filter((i) => i.region === "14");
      // Region 10 has the stored cluster and the seeded sample cluster.
      expect(lodz.length).toBe(2);
      expect(
        lodz.every((i) => i.lost.includes("test-cluster-grant") && i.gained.length === 0),
      ).toBe(true);
      expect(mazowsze.map((i) => i.gained)).toEqual([["test-cluster-grant"]]);
      expect(mazowsze.map((i) => [i.clusterName, i.clusterId])).toEqual([
        ["Klaster nieujawniony 1", "unnamed-1"],
      ]);
      expect(JSON.stringify(body)).not.toMatch(/anonymous|private/);
      expect(body.byInstrument).toEqual([
        {
          instrumentId: "test-cluster-grant",
          // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers any
          instrumentName: expect.objectContaining({ pl: expect.any(String) }),
          gained: 1,
          lost: 2,
        },
      ]);
      expect(body.changedInstruments).toEqual(["test-cluster-grant"]);
      expect(lodz[0]?.verdictChanges).toEqual([
        expect.objectContaining({
          instrumentId: "test-cluster-grant",
          before: "eligible",
          after: "not_eligible",
          standingBefore: "eligible",
          standingAfter: "not_eligible",
          // The condition that made the difference, as the CLI's report names it.
          causes: [
            {
              kind: "condition",
              ruleId: "test-cluster-grant-lodz",
              condition: "seat-in-region",
              // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers any
              label: expect.objectContaining({ en: expect.any(String) }),
              before: 'region in ["10"]',
              after: 'region in ["14"]',
              outcomeBefore: "pass",
              outcomeAfter: "fail",
              actual: "10",
            },
          ],
        }),
      ]);
      expect(body.rules).toEqual([
        expect.objectContaining({
          ruleId: "test-cluster-grant-lodz",
          change: "changed",
          conditions: [
            {
              condition: "seat-in-region",
              change: "changed",
              before: 'region in ["10"]',
              after: 'region in ["14"]',
            },
          ],
        }),
      ]);
      expect(body.summary).toMatchObject({ clustersGaining: 1, clustersLosing: 2, changed: true });
      // Impact never changes what is served.
      expect(api.deps.rulebookStore.status().version).toBe(body.currentVersion);
    });

    it("reports no change for an identical candidate", async () => {
      const res = await api.app.request(
        "/api/v1/rules/impact",
        jsonBody({ files: [] }, bearer(admin)),
      );
      const body = (await res.json()) as {
        total: number;
        candidateVersion: string;
        currentVersion: string;
      };
      expect(body.total).toBe(0);
      expect(body.candidateVersion).toBe(body.currentVersion);
    });

    it("refuses an invalid candidate with 422 and the rule-file issues", async () => {
      const broken = {
        ...regionRule("test-cluster-grant-lodz", "test-cluster-grant", ["10"]),
        instrument: "no-such-instrument",
      };
      const res = await api.app.request(
        "/api/v1/rules/impact",
        jsonBody(
          { files: [{ file: "grants/test-cluster-grant-lodz.rule.json", rule: broken }] },
          bearer(admin),
        ),
      );
      expect(res.status).toBe(422);
      const body = (await res.json()) as {
        code: string;
        issues: { file?: string; code: string; path: string; pointer: string }[];
      };
      expect(body.code).toBe("RULEBOOK_INVALID");
      expect(body.issues).toContainEqual(
        expect.objectContaining({
          file: "grants/test-cluster-grant-lodz.rule.json",
          code: "UNKNOWN_INSTRUMENT",
          path: "instrument",
          pointer: "/instrument",
        }),
      );
    });

    it("refuses file paths outside the rules folder", async () => {
      const res = await api.app.request(
        "/api/v1/rules/impact",
        jsonBody({ files: [{ file: "../etc/passwd.rule.json", rule: {} }] }, bearer(admin)),
      );
      expect(res.status).toBe(400);
    });
  });

  describe("POST /rules/reload", () => {
    it("refuses a broken rules folder with 422, keeps serving the last good rulebook and says so in /health", async () => {
      const before = api.deps.rulebookStore.status().version;
      writeRuleFile(api.rulesDir, "grants/broken.rule.json", "{ this is not json");
      const res = await api.app.request("/api/v1/rules/reload", {
        method: "POST",
        headers: bearer(admin),
      });
      expect(res.status).toBe(422);
      const problem = (await res.json()) as { code: string; issues: { file?: string }[] };
      expect(problem.code).toBe("RULEBOOK_INVALID");
      expect(problem.issues.some((i) => i.file === "grants/broken.rule.json")).toBe(true);

      const health = (await (await api.app.request("/api/v1/health")).json()) as {
        rulebookVersion: string;
        lastReloadFailed: boolean;
      };
      expect(health.rulebookVersion).toBe(before);
      expect(health.lastReloadFailed).toBe(true);
      const served = await api.app.request("/api/v1/recommendations", jsonBody(buildAssessment()));
      expect(served.status).toBe(200);
      expect(served.headers.get("x-rulebook-version")).toBe(before);
    });

    it("serves and publishes a new version after a good reload", async () => {
      const before = api.deps.rulebookStore.status().version;
      writeRuleFile(
        api.rulesDir,
        "grants/broken.rule.json",
        regionRule("broken", "test-eu-voucher", ["14"]),
      );
      const res = await api.app.request("/api/v1/rules/reload", {
        method: "POST",
        headers: bearer(admin),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        version: string;
        previousVersion: string;
        changed: boolean;
      };
      expect(body.previousVersion).toBe(before);
      expect(body.changed).toBe(true);
      expect((await api.db.systemState.readState("rulebook_version"))?.value).toBe(body.version);
      const health = (await (await api.app.request("/api/v1/health")).json()) as {
        rulebookVersion: string;
        lastReloadFailed: boolean;
      };
      expect(health).toMatchObject({ rulebookVersion: body.version, lastReloadFailed: false });
    });
  });
}

describeEachDatabase("rules routes", rulesSuite);
