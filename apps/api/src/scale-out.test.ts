/**
 * Two API instances, each with its own connection pool (TypeORM DataSource), over ONE PostgreSQL
 * database and one rules folder: a write through one is read through the other; a rule reload and
 * a key revocation through one are seen by both. Skipped locally without PostgreSQL (with the
 * reason), failed under CI=true.
 */
import { openDatabase } from "@klastry/db";
import { openTestDatabase, type TestDatabase } from "@klastry/db/testing";
import { buildAssessment } from "@klastry/domain/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describePostgres } from "./testing/databases.ts";
import { bearer, jsonBody, openTestApi, type TestApi } from "./testing/harness.ts";
import { regionRule, writeRuleFile } from "./testing/rule-files.ts";

function suite(): void {
  let shared: TestDatabase;
  let second: Awaited<ReturnType<typeof openDatabase>>;
  let a: TestApi;
  let b: TestApi;

  beforeAll(async () => {
    shared = await openTestDatabase("postgres");
    const url = (shared.db.dataSource.options as { url?: string }).url;
    if (url === undefined) throw new Error("the test database has no url");
    second = await openDatabase({ url });
    a = await openTestApi("postgres", { db: shared.db, seed: true, env: { STATE_POLL_MS: "100" } });
    b = await openTestApi("postgres", {
      db: second,
      rulesDir: a.rulesDir,
      env: { STATE_POLL_MS: "100" },
    });
    a.deps.rulebookStore.startPolling(100);
    b.deps.rulebookStore.startPolling(100);
  });
  afterAll(async () => {
    await b?.dispose();
    await second?.close();
    await a?.dispose();
    await shared?.dispose();
  });

  it("reads through one instance what was written through the other", async () => {
    const created = await a.app.request(
      "/api/v1/assessments",
      jsonBody(
        buildAssessment({
          cluster: {
            name: "Klaster Skala (fikcyjny)",
            region: "10",
            sectors: [],
            smartSpecialisations: [],
          },
        }),
      ),
    );
    expect(created.status).toBe(201);
    const { id, accessToken } = (await created.json()) as { id: string; accessToken: string };
    const read = await b.app.request(`/api/v1/assessments/${id}`, {
      headers: { "x-assessment-token": accessToken },
    });
    expect(read.status).toBe(200);
  });

  it("serves a reload made through one instance from both", async () => {
    const admin = await a.key("admin");
    writeRuleFile(
      a.rulesDir,
      "grants/test-eu-voucher-mazowsze.rule.json",
      regionRule("test-eu-voucher-mazowsze", "test-eu-voucher", ["14"]),
    );
    const reload = await a.app.request("/api/v1/rules/reload", {
      method: "POST",
      headers: bearer(admin),
    });
    expect(reload.status).toBe(200);
    const { version } = (await reload.json()) as { version: string };
    await expect
      .poll(
        async () =>
          ((await (await b.app.request("/api/v1/health")).json()) as { rulebookVersion: string })
            .rulebookVersion,
        { timeout: 10_000 },
      )
      .toBe(version);
    const viaB = await b.app.request("/api/v1/recommendations", jsonBody(buildAssessment()));
    expect(viaB.headers.get("x-rulebook-version")).toBe(version);
  });

  it("refuses a key revoked through one instance on both at once", async () => {
    const { id, secret } = await a.db.apiKeys.create({ role: "region:10", label: "to revoke" });
    expect(
      (await b.app.request("/api/v1/regions/10/needs", { headers: bearer(secret) })).status,
    ).toBe(200);
    expect(await b.db.apiKeys.revoke(id)).toBe(true);
    expect(
      (await a.app.request("/api/v1/regions/10/needs", { headers: bearer(secret) })).status,
    ).toBe(401);
    expect(
      (await b.app.request("/api/v1/regions/10/needs", { headers: bearer(secret) })).status,
    ).toBe(401);
  });
}

describePostgres("two API instances on one PostgreSQL", suite);
