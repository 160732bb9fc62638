/**
 * Stored verdicts follow the rulebook: written when an assessment is submitted, recomputed in
 * the background after a reload (and routes stay right meanwhile by evaluating what is stale);
 * on PostgreSQL two processes (two connection pools on one database) share a recompute with no
 * batch done twice and none left undone.
 */
import { openDatabase, type Database, type VerdictTarget } from "@klastry/db";
import { openTestDatabase, type TestDatabase } from "@klastry/db/testing";
import { todayInPoland } from "@klastry/domain";
import { buildAssessment } from "@klastry/domain/testing";
import type { Rulebook } from "@klastry/rules-engine";
import { afterAll, beforeAll, expect, it } from "vitest";
import { answersOf } from "../evaluation.ts";
import { createLogger } from "../logger.ts";
import { describeEachDatabase, describePostgres } from "../testing/databases.ts";
import { storeGeneratedAssessments } from "../testing/generated-assessments.ts";
import { bearer, jsonBody, openTestApi, type TestApi } from "../testing/harness.ts";
import { regionRule, writeRuleFile } from "../testing/rule-files.ts";
import { VerdictRefresher } from "./verdict-refresher.ts";
import { targetOf, verdictsOf } from "./verdicts-of.ts";

function refresherFor(db: Database, rulebook: () => Rulebook, worker: string, batchSize = 25) {
  return new VerdictRefresher({
    db,
    rulebookStore: { current: rulebook },
    logger: createLogger({ level: "silent" }),
    worker,
    batchSize,
  });
}

/** Every latest assessment's stored verdicts are those the engine gives for `target`. */
async function expectAllAt(db: Database, rulebook: Rulebook, target: VerdictTarget) {
  const latest = await db.assessments.latestAll();
  const stored = await db.verdicts.read(latest.map((record) => record.assessment.id));
  for (const record of latest) {
    expect(stored.get(record.assessment.id), record.assessment.id).toEqual({
      ...target,
      verdicts: verdictsOf(rulebook, answersOf(record.assessment), target.evaluatedOn),
    });
  }
  return stored;
}

describeEachDatabase("stored verdicts", (kind) => {
  let api: TestApi;
  let key: string;

  beforeAll(async () => {
    api = await openTestApi(kind);
    key = await api.key("admin");
    await storeGeneratedAssessments(api.db, 60, ["02", "10", "14"]);
  }, 60_000);
  afterAll(async () => api?.dispose());

  it("stores the verdicts of a submitted assessment for the rulebook and day that judged it", async () => {
    const res = await api.app.request(
      "/api/v1/assessments",
      jsonBody(buildAssessment({ cluster: { ...buildAssessment().cluster, region: "10" } })),
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const rulebook = api.deps.rulebookStore.current();
    const day = todayInPoland();
    const stored = (await api.db.verdicts.read([id])).get(id);
    expect(stored?.rulebookVersion).toBe(rulebook.version);
    expect(stored?.evaluatedOn).toBe(day);
    // Region 10 is served by both test instruments.
    expect(stored?.verdicts.map((v) => v.instrumentId)).toEqual([
      "test-cluster-grant",
      "test-export-loan",
    ]);
  });

  it("recomputes every latest assessment after a rulebook reload, answering right meanwhile", async () => {
    const before = api.deps.rulebookStore.current();
    const day = todayInPoland();
    const current = () => api.deps.rulebookStore.current();
    await refresherFor(api.db, current, "first").refresh();
    const first = await expectAllAt(api.db, before, targetOf(before, day));

    // The export loan no longer serves region 10.
    writeRuleFile(
      api.rulesDir,
      "finance/test-export-loan-regions.rule.json",
      regionRule("test-export-loan-regions", "test-export-loan", ["02", "14"]),
    );
    const after = await api.deps.rulebookStore.reload();
    expect(after.version).not.toBe(before.version);
    const target = targetOf(after, day);
    const latest = await api.db.assessments.latestAll();
    expect(await api.db.verdicts.countStaleLatest(target)).toBe(latest.length);

    // Until the recompute, the coverage route evaluates the stale clusters itself.
    const stale = await api.app.request("/api/v1/regions/10/coverage", { headers: bearer(key) });
    const staleBody = (await stale.json()) as { clusters: number; verdicts: unknown };
    expect(staleBody.verdicts).toEqual({ stored: 0, evaluated: staleBody.clusters });

    const run = await refresherFor(api.db, current, "second").refresh();
    expect(run.assessments).toBe(latest.length);
    expect(await api.db.verdicts.countStaleLatest(target)).toBe(0);
    const second = await expectAllAt(api.db, after, target);
    const loanIn10 = (stored: typeof first) =>
      latest.filter(
        (record) =>
          record.region === "10" &&
          stored
            .get(record.assessment.id)
            ?.verdicts.some((v) => v.instrumentId === "test-export-loan"),
      ).length;
    expect(loanIn10(first)).toBeGreaterThan(0);
    expect(loanIn10(second)).toBe(0);

    const fresh = await api.app.request("/api/v1/regions/10/coverage", { headers: bearer(key) });
    const freshBody = (await fresh.json()) as { clusters: number; verdicts: unknown };
    expect(freshBody.verdicts).toEqual({ stored: freshBody.clusters, evaluated: 0 });
  });

  it("does nothing while another process serves a newer rulebook than this one", async () => {
    const served = api.deps.rulebookStore.current();
    await api.db.systemState.bumpState("rulebook_version", "a-newer-version");
    const run = await refresherFor(api.db, () => served, "behind").refresh();
    expect(run).toEqual({ batches: [], assessments: 0 });
    await api.db.systemState.bumpState("rulebook_version", served.version);
  });
});

describePostgres("a recompute shared by two processes on PostgreSQL", () => {
  let shared: TestDatabase;
  let second: Database;
  let api: TestApi;

  beforeAll(async () => {
    shared = await openTestDatabase("postgres");
    const url = (shared.db.dataSource.options as { url?: string }).url;
    if (url === undefined) throw new Error("the test database has no url");
    second = await openDatabase({ url });
    api = await openTestApi("postgres", { db: shared.db, seed: true });
    await storeGeneratedAssessments(shared.db, 400, ["02", "10", "14", "24"]);
  }, 120_000);
  afterAll(async () => {
    await api?.dispose();
    await second?.close();
    await shared?.dispose();
  });

  it("does every batch exactly once between them and leaves every assessment recomputed", async () => {
    const rulebook = api.deps.rulebookStore.current();
    const target = targetOf(rulebook, todayInPoland());
    const stale = await shared.db.verdicts.countStaleLatest(target);
    const [a, b] = await Promise.all([
      refresherFor(shared.db, () => rulebook, "a", 10).refresh(),
      refresherFor(second, () => rulebook, "b", 10).refresh(),
    ]);
    // Both took part (they run side by side over some forty batches), so the checks below
    // show them sharing the work, not one process doing it alone.
    expect(a.batches.length).toBeGreaterThan(0);
    expect(b.batches.length).toBeGreaterThan(0);
    const batches = await shared.db.verdictBatches.list(target);
    expect(batches.length).toBe(Math.ceil(stale / 10));
    expect(batches.every((batch) => batch.done && batch.runs === 1)).toBe(true);
    // Each batch was done by the process that says it did it, and by no other.
    const done = [...a.batches, ...b.batches].sort((x, y) => x - y);
    expect(done).toEqual(batches.map((batch) => batch.batchNo));
    expect(a.batches.filter((n) => b.batches.includes(n))).toEqual([]);
    for (const batch of batches) {
      expect(batch.doneBy).toBe(a.batches.includes(batch.batchNo) ? "a" : "b");
    }
    expect(a.assessments + b.assessments).toBe(stale);
    expect(await shared.db.verdicts.countStaleLatest(target)).toBe(0);
    await expectAllAt(shared.db, rulebook, target);
  }, 120_000);
});
