/**
 * @module
 * The repository contract, one suite for every dialect (as hono runs one router suite against
 * each router): `runRepositoryCases("sqlite")` and `runRepositoryCases("postgres")` must both pass.
 */
import { buildAssessment, buildInstrument } from "@klastry/domain/testing";
import { buildKnowledgeBase } from "@klastry/knowledge/testing";
import type { InstrumentInput, RecommendationSet } from "@klastry/domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DbError } from "./errors.ts";
import { MIGRATIONS, TABLES } from "./migrations/index.ts";
import type { Database } from "./open-database.ts";
import { AssessmentRepository } from "./repositories/assessment-repository.ts";
import { seedKnowledgeBase } from "./seed/seed-knowledge-base.ts";
import { runSql, type DatabaseKind } from "./sql.ts";
import { acceptAnswers, openTestDatabase, type TestDatabase } from "./testing/index.ts";

/** The knowledge base's first instrument (a regional grant in Łódź), changed. */
const clusterGrant = (overrides: Partial<InstrumentInput> = {}) =>
  buildInstrument({ ...buildKnowledgeBase().instruments[0], ...overrides });

/** Columns each table must have after migrate(), per the schema design. */
const EXPECTED_COLUMNS: Record<(typeof TABLES)[number], string[]> = {
  funding_source: ["id", "kind", "level", "data", "content_hash", "updated_at"],
  public_task: ["code", "data", "content_hash", "updated_at"],
  instrument: [
    "id",
    "level",
    "kind",
    "cluster_specific",
    "data",
    "search_text",
    "last_verified",
    "content_hash",
    "updated_at",
  ],
  instrument_region: ["instrument_id", "region"],
  instrument_function: ["instrument_id", "function"],
  instrument_actor: ["instrument_id", "actor"],
  instrument_form: ["instrument_id", "form"],
  instrument_funding_source: ["instrument_id", "funding_source_id"],
  cluster: ["id", "name", "region", "fictional", "visibility", "created_at"],
  assessment: [
    "id",
    "cluster_id",
    "region",
    "created_at",
    "assessed_on",
    "cluster_snapshot",
    "profile",
    "own_contribution",
    "rulebook_version",
    "recommendations",
    "access_token_hash",
    "needs_answered",
    "public_tasks_answered",
    "round_id",
    "invitation_id",
  ],
  assessment_need: ["assessment_id", "position", "actor", "function", "priority"],
  assessment_public_task: ["assessment_id", "position", "task", "readiness"],
  api_key: ["id", "label", "role", "key_hash", "created_at", "revoked_at", "last_used_at"],
  system_state: ["key", "value", "version", "updated_at"],
};

async function columnsOf(db: Database, table: string): Promise<string[]> {
  if (db.kind === "sqlite") {
    const rows = await runSql<{ name: string }>(
      db.dataSource,
      `SELECT name FROM pragma_table_info(:table)`,
      { table },
    );
    return rows.map((r) => r.name).sort();
  }
  const rows = await runSql<{ column_name: string }>(
    db.dataSource,
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = :table`,
    { table },
  );
  return rows.map((r) => r.column_name).sort();
}

async function count(db: Database, table: string): Promise<number> {
  const [row] = await runSql<{ n: unknown }>(db.dataSource, `SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row?.n);
}

async function countAll(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = await count(db, table);
  return out;
}

const recommendations: RecommendationSet = {
  rulebookVersion: "test-1",
  evaluatedOn: "2026-11-29",
  language: "pl",
  engine: "compiled",
  recommendations: [],
  groups: [],
  alsoFunds: [],
  recentlyClosed: [],
  notEligibleCount: 3,
  notAvailableCount: 0,
};

export function runRepositoryCases(kind: DatabaseKind): void {
  let test: TestDatabase;
  let db: Database;
  beforeEach(async () => {
    test = await openTestDatabase(kind);
    db = test.db;
  });
  afterEach(async () => {
    await test.dispose();
  });

  describe("migrations", () => {
    it("creates every table with its columns", async () => {
      for (const table of TABLES) {
        expect({ table, columns: await columnsOf(db, table) }).toEqual({
          table,
          columns: [...EXPECTED_COLUMNS[table]].sort(),
        });
      }
    });

    it("has every column of every entity schema in the migrated tables", async () => {
      for (const entity of db.dataSource.entityMetadatas) {
        const actual = await columnsOf(db, entity.tableName);
        const missing = entity.columns
          .map((c) => c.databaseName)
          .filter((name) => !actual.includes(name));
        expect({ table: entity.tableName, missing }).toEqual({
          table: entity.tableName,
          missing: [],
        });
      }
      expect(db.dataSource.entityMetadatas.length).toBeGreaterThan(0);
    });

    it("runs no migration the second time", async () => {
      expect(await db.migrate()).toEqual([]);
      expect(await count(db, "migrations")).toBe(MIGRATIONS.length);
    });

    it("reverts to an empty schema and migrates again", async () => {
      for (let i = 0; i < MIGRATIONS.length; i += 1)
        await db.dataSource.undoLastMigration({ transaction: "each" });
      expect(await columnsOf(db, "assessment")).toEqual([]);
      expect(await db.migrate()).toEqual(MIGRATIONS.map((migration) => new migration().name));
      expect(await columnsOf(db, "assessment")).toEqual([...EXPECTED_COLUMNS.assessment].sort());
    });

    it("makes existing clusters private and keeps the fictional samples named", async () => {
      // Nobody chose before the column existed: privacy first (see the migration's header).
      // Undo the migrations back to (and including) the one adding the column.
      const undone: string[] = [];
      while ((await columnsOf(db, "cluster")).includes("visibility")) {
        undone.unshift(MIGRATIONS[MIGRATIONS.length - 1 - undone.length]?.name ?? "");
        await db.dataSource.undoLastMigration({ transaction: "each" });
      }
      expect(undone[0]).toBe("ClusterVisibility1764800000000");
      for (const [id, fictional] of [
        ["real-one", false],
        ["sample-one", true],
      ] as const) {
        await runSql(
          db.dataSource,
          `INSERT INTO cluster (id, name, region, fictional, created_at) VALUES (:id, :id, '10', :fictional, :now)`,
          { id, fictional, now: new Date().toISOString() },
        );
      }
      expect(await db.migrate()).toEqual(undone);
      expect((await db.clusters.findById("real-one"))?.visibility).toBe("private");
      expect((await db.clusters.findById("sample-one"))?.visibility).toBe("named");
      await expect(
        runSql(db.dataSource, `UPDATE cluster SET visibility = 'everyone' WHERE id = 'real-one'`),
      ).rejects.toThrow();
    });

    it("reports health with the dialect", async () => {
      expect(await db.health()).toEqual({ ok: true, kind });
    });
  });

  describe("seedKnowledgeBase", () => {
    it("inserts every record and reports the counts", async () => {
      const counts = await seedKnowledgeBase(db, buildKnowledgeBase());
      expect(counts).toEqual({
        instruments: { inserted: 3, updated: 0, deleted: 0, unchanged: 0 },
        fundingSources: { inserted: 2, updated: 0, deleted: 0, unchanged: 0 },
        publicTasks: { inserted: 2, updated: 0, deleted: 0, unchanged: 0 },
        sampleClusters: { inserted: 1, skipped: 0 },
        assessments: { inserted: 2 },
      });
      expect(await count(db, "instrument_region")).toBe(1 + 3 + 1);
      expect(await count(db, "instrument_funding_source")).toBe(1 + 2 + 1);
    });

    it("leaves every row count unchanged when run twice", async () => {
      await seedKnowledgeBase(db, buildKnowledgeBase());
      const before = await countAll(db);
      const counts = await seedKnowledgeBase(db, buildKnowledgeBase());
      expect(await countAll(db)).toEqual(before);
      expect(counts.instruments).toEqual({ inserted: 0, updated: 0, deleted: 0, unchanged: 3 });
      expect(counts.sampleClusters).toEqual({ inserted: 0, skipped: 1 });
      expect(counts.assessments).toEqual({ inserted: 0 });
    });

    it("updates a changed record with its join rows and deletes a removed one", async () => {
      await seedKnowledgeBase(db, buildKnowledgeBase());
      const kb = buildKnowledgeBase();
      const changed = clusterGrant({ regions: ["10", "12"], lastVerified: "2026-11-20" });
      const counts = await seedKnowledgeBase(db, {
        ...kb,
        instruments: [changed, ...kb.instruments.filter((i) => i.id === "test-export-loan")],
        fundingSources: kb.fundingSources,
      });
      expect(counts.instruments).toEqual({ inserted: 0, updated: 1, deleted: 1, unchanged: 1 });
      expect(await db.catalogue.getInstrument("test-cluster-grant")).toEqual(changed);
      expect(await db.catalogue.getInstrument("test-eu-voucher")).toBeNull();
      expect((await db.catalogue.listInstruments({ region: "12" })).items.map((i) => i.id)).toEqual(
        ["test-cluster-grant"],
      );
      // The removed instrument's join rows go with it (ON DELETE CASCADE).
      const [orphans] = await runSql<{ n: unknown }>(
        db.dataSource,
        `SELECT COUNT(*) AS n FROM instrument_form WHERE instrument_id = :id`,
        { id: "test-eu-voucher" },
      );
      expect(Number(orphans?.n)).toBe(0);
    });

    it("deletes a removed funding source once no instrument uses it", async () => {
      await seedKnowledgeBase(db, buildKnowledgeBase());
      const kb = buildKnowledgeBase();
      const counts = await seedKnowledgeBase(db, {
        ...kb,
        instruments: [clusterGrant()],
        fundingSources: kb.fundingSources.filter((f) => f.id === "test-regional-budget"),
      });
      expect(counts.fundingSources.deleted).toBe(1);
      expect((await db.catalogue.listFundingSources()).map((f) => f.id)).toEqual([
        "test-regional-budget",
      ]);
    });

    it("refuses a malformed record naming its id and path, and leaves the database unchanged", async () => {
      await seedKnowledgeBase(db, buildKnowledgeBase());
      const before = await countAll(db);
      const versionBefore = await db.catalogue.catalogueVersion();
      const kb = buildKnowledgeBase();
      const bad = { ...clusterGrant({ id: "test-broken" }), regions: ["99"] };
      const broken = {
        ...kb,
        instruments: [...kb.instruments.slice(1), bad as never],
        publicTasks: [],
      };
      const error = await seedKnowledgeBase(db, broken).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DbError);
      expect((error as DbError).code).toBe("SEED_INVALID");
      expect((error as DbError).issues).toEqual([
        expect.objectContaining({
          path: "instruments[2].regions[0]",
          pointer: "/instruments/2/regions/0",
          code: "INVALID_VALUE",
        }),
      ]);
      expect((error as DbError).message).toContain('instrument "test-broken"');
      expect(await countAll(db)).toEqual(before);
      expect(await db.catalogue.catalogueVersion()).toBe(versionBefore);
    });

    it("reports every issue at once, including dangling references and duplicate ids", async () => {
      const kb = buildKnowledgeBase();
      const error = await seedKnowledgeBase(db, {
        ...kb,
        instruments: [
          clusterGrant({ fundingSources: ["no-such-source"] }),
          clusterGrant({ id: "test-export-loan" }),
          clusterGrant({ id: "test-export-loan" }),
        ],
      }).catch((e: unknown) => e);
      expect((error as DbError).issues.map((i) => `${i.code} ${i.path}`).sort()).toEqual([
        "DANGLING_REFERENCE instruments[0].fundingSources[0]",
        "DUPLICATE_ID instruments[2].id",
      ]);
      expect(await countAll(db)).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])));
    });
  });

  describe("CatalogueRepository", () => {
    beforeEach(async () => {
      await seedKnowledgeBase(db, buildKnowledgeBase());
    });

    it("returns an instrument exactly as seeded", async () => {
      expect(await db.catalogue.getInstrument("test-export-loan")).toEqual(
        buildKnowledgeBase().instruments[1],
      );
      expect(await db.catalogue.getInstrument("no-such-instrument")).toBeNull();
    });

    it("filters by level, region, function, actor type and form in SQL", async () => {
      const ids = async (filter: Parameters<Database["catalogue"]["listInstruments"]>[0]) =>
        (await db.catalogue.listInstruments(filter)).items.map((i) => i.id);
      expect(await ids({ level: "national" })).toEqual(["test-export-loan"]);
      expect(await ids({ region: "14" })).toEqual(["test-eu-voucher", "test-export-loan"]);
      expect(await ids({ region: "10", function: "cluster_management" })).toEqual([
        "test-cluster-grant",
      ]);
      expect(await ids({ actorType: "sme" })).toEqual(["test-eu-voucher", "test-export-loan"]);
      expect(await ids({ form: "advisory" })).toEqual(["test-eu-voucher"]);
      expect(await ids({ fundingSource: "test-regional-budget" })).toEqual([
        "test-cluster-grant",
        "test-export-loan",
      ]);
      expect(await ids({ region: "32" })).toEqual([]);
    });

    it("finds text in names and descriptions ignoring case and Polish diacritics", async () => {
      const ids = async (q: string) =>
        (await db.catalogue.listInstruments({ q })).items.map((i) => i.id);
      expect(await ids("LODZI")).toEqual(["test-cluster-grant"]);
      expect(await ids("łódź")).toEqual(["test-cluster-grant"]);
      expect(await ids("kraków")).toEqual([]);
      expect(await ids("Pożyczka")).toEqual(["test-export-loan"]);
      expect(await ids("pozyczka eksport")).toEqual(["test-export-loan"]);
      expect(await ids("test 1.2")).toEqual(["test-export-loan"]);
      // A LIKE wildcard in the query is matched literally, not as "anything".
      expect(await ids("%")).toEqual([]);
    });

    it("pages results and reports the total", async () => {
      const first = await db.catalogue.listInstruments({ page: 1, pageSize: 2 });
      const second = await db.catalogue.listInstruments({ page: 2, pageSize: 2 });
      expect(first.total).toBe(3);
      expect(second.total).toBe(3);
      expect([...first.items, ...second.items].map((i) => i.id)).toEqual([
        "test-cluster-grant",
        "test-eu-voucher",
        "test-export-loan",
      ]);
    });

    it("rejects an unknown filter value with the allowed values", async () => {
      await expect(db.catalogue.listInstruments({ region: "99" as never })).rejects.toThrow(
        /region/,
      );
    });

    it("lists all instruments, funding sources and public tasks in id order", async () => {
      expect((await db.catalogue.allInstruments()).map((i) => i.id)).toEqual([
        "test-cluster-grant",
        "test-eu-voucher",
        "test-export-loan",
      ]);
      expect((await db.catalogue.listFundingSources()).map((f) => f.id)).toEqual([
        "test-erdf",
        "test-regional-budget",
      ]);
      expect(await db.catalogue.listPublicTasks()).toEqual(buildKnowledgeBase().publicTasks);
    });

    it("keeps the catalogue version while nothing changes and changes it when a record does", async () => {
      const version = await db.catalogue.catalogueVersion();
      await seedKnowledgeBase(db, buildKnowledgeBase());
      expect(await db.catalogue.catalogueVersion()).toBe(version);
      const kb = buildKnowledgeBase();
      await seedKnowledgeBase(db, {
        ...kb,
        instruments: [clusterGrant({ lastVerified: "2026-11-28" }), ...kb.instruments.slice(1)],
      });
      expect(await db.catalogue.catalogueVersion()).not.toBe(version);
    });
  });

  describe("ClusterRepository", () => {
    it("creates a cluster from a profile with a slug id and finds it", async () => {
      const cluster = await db.clusters.upsertFromProfile({
        name: "Klaster Łódzki Przemysłu",
        region: "10",
      });
      expect(cluster.id).toMatch(/^klaster-lodzki-przemyslu-[a-z0-9]{6}$/);
      expect(await db.clusters.findById(cluster.id)).toEqual(cluster);
      expect(await db.clusters.findById("no-such-cluster")).toBeNull();
    });

    it("updates name and region of an existing cluster", async () => {
      const cluster = await db.clusters.upsertFromProfile({ name: "Klaster A", region: "10" });
      const moved = await db.clusters.upsertFromProfile(
        { name: "Klaster A2", region: "12" },
        { id: cluster.id },
      );
      expect(moved).toEqual({ ...cluster, name: "Klaster A2", region: "12" });
    });

    it("lists a region's clusters a page at a time, only those the region may see by name", async () => {
      for (const name of ["C", "A", "B"])
        await db.clusters.upsertFromProfile(
          { name: `Klaster ${name}`, region: "14" },
          { id: `klaster-${name.toLowerCase()}`, visibility: "named" },
        );
      await db.clusters.upsertFromProfile(
        { name: "Elsewhere", region: "02" },
        { visibility: "named" },
      );
      await db.clusters.upsertFromProfile(
        { name: "Counted only", region: "14" },
        { visibility: "anonymous" },
      );
      await db.clusters.upsertFromProfile({ name: "Not shown", region: "14" });
      // Listed once it has an official answer; a self-registered one waits for a round's owner.
      const answered = [];
      for (const name of ["C", "A", "B", "D"])
        answered.push(
          await db.assessments.create({
            input: buildAssessment({
              cluster: { ...buildAssessment().cluster, name: `Klaster ${name}`, region: "14" },
            }),
            ...(name === "D"
              ? { visibility: "named" as const }
              : { clusterId: `klaster-${name.toLowerCase()}` }),
          }),
        );
      await acceptAnswers(db, ...answered.slice(0, 3).map((a) => a.id));
      const page = await db.clusters.listByRegion("14", { page: 2, pageSize: 2 });
      expect(page.total).toBe(3);
      expect(page.items.map((c) => c.id)).toEqual(["klaster-c"]);
    });

    it("makes a new cluster private unless a choice is given, and keeps a choice until changed", async () => {
      const cluster = await db.clusters.upsertFromProfile({ name: "Klaster V", region: "10" });
      expect(cluster.visibility).toBe("private");
      const named = await db.clusters.upsertFromProfile(
        { name: "Klaster V", region: "10" },
        { id: cluster.id, visibility: "named" },
      );
      expect(named.visibility).toBe("named");
      // A later save without a choice keeps the earlier one.
      const kept = await db.clusters.upsertFromProfile(
        { name: "Klaster V2", region: "10" },
        { id: cluster.id },
      );
      expect(kept.visibility).toBe("named");
      expect((await db.clusters.setVisibility(cluster.id, "anonymous"))?.visibility).toBe(
        "anonymous",
      );
      expect(await db.clusters.setVisibility("no-such-cluster", "named")).toBeNull();
      await expect(
        db.clusters.setVisibility(cluster.id, "everyone" as "named"),
      ).rejects.toBeInstanceOf(Error);
    });
  });

  describe("AssessmentRepository", () => {
    it("stores an assessment of a new cluster and returns it as submitted", async () => {
      const input = buildAssessment();
      const stored = await db.assessments.create({ input, rulebookVersion: "rb-1" });
      expect(stored).toEqual({
        id: stored.id,
        clusterId: stored.clusterId,
        createdAt: stored.createdAt,
        rulebookVersion: "rb-1",
        cluster: input.cluster,
        profile: input.profile,
        needs: input.needs,
        publicTasks: input.publicTasks,
        ownContribution: input.ownContribution,
      });
      expect(stored.clusterId).toMatch(/^klaster-testowy-przykladowy-fikcyjny-[a-z0-9]{6}$/);
      expect(await db.assessments.getById(stored.id)).toEqual(stored);
      expect(await db.clusters.findById(stored.clusterId)).toMatchObject({
        name: input.cluster.name,
        region: "24",
        fictional: false,
      });
    });

    it("keeps recommendations, the assessment date and the access-token hash", async () => {
      const stored = await db.assessments.create({
        input: buildAssessment(),
        assessedOn: "2026-11-29",
        recommendations,
        accessTokenHash: (await import("./repositories/api-key-repository.ts")).hashSecret(
          "private-token",
        ),
      });
      const record = await db.assessments.getRecord(stored.id);
      expect(record).toEqual({
        assessment: stored,
        assessedOn: "2026-11-29",
        region: "24",
        recommendations,
        hasAccessToken: true,
      });
      expect(await db.assessments.matchesAccessToken(stored.id, "private-token")).toBe(true);
      expect(await db.assessments.matchesAccessToken(stored.id, "wrong-token")).toBe(false);
      expect(await db.assessments.getRecord("not-a-uuid")).toBeNull();
    });

    it("finds the assessment a private-link token opens by the token's hash, through an index", async () => {
      const { hashSecret } = await import("./repositories/api-key-repository.ts");
      const stored = await db.assessments.create({
        input: buildAssessment(),
        accessTokenHash: hashSecret("kt_the-token"),
      });
      expect(await db.assessments.findByAccessToken("kt_the-token")).toEqual({
        assessmentId: stored.id,
        clusterId: stored.clusterId,
        region: "24",
      });
      expect(await db.assessments.findByAccessToken("kt_made-up")).toBeNull();
      if (kind === "sqlite") {
        const plan = await runSql<{ detail: string }>(
          db.dataSource,
          `EXPLAIN QUERY PLAN SELECT id, cluster_id, region FROM assessment WHERE access_token_hash = 'x'`,
        );
        expect(plan.map((row) => row.detail).join(" ")).toContain(
          "USING INDEX ix_assessment_access_token",
        );
      } else {
        const indexes = await runSql<{ indexdef: string }>(
          db.dataSource,
          `SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_assessment_access_token'`,
        );
        expect(indexes[0]?.indexdef).toContain("(access_token_hash)");
      }
    });

    it("pages a cluster's history in SQL, oldest first, with its length", async () => {
      const first = await db.assessments.create({ input: buildAssessment() });
      const ids = [first.id];
      for (let i = 0; i < 4; i += 1)
        ids.push(
          (await db.assessments.create({ clusterId: first.clusterId, input: buildAssessment() }))
            .id,
        );
      const page = await db.assessments.historyPage(first.clusterId, { page: 2, pageSize: 2 });
      expect(page.total).toBe(5);
      expect(page.items.map((a) => a.id)).toEqual(ids.slice(2, 4));
      expect(page.items[0]?.needs).toEqual(buildAssessment().needs);
      const last = await db.assessments.historyPage(first.clusterId, { page: 3, pageSize: 2 });
      expect(last.items.map((a) => a.id)).toEqual(ids.slice(4));
      expect(await db.assessments.historyPage(first.clusterId, { page: 9, pageSize: 2 })).toEqual({
        items: [],
        total: 5,
      });
      expect(await db.assessments.historyPage("no-such-cluster")).toEqual({ items: [], total: 0 });
    });

    it("refuses an unknown cluster id", async () => {
      await expect(
        db.assessments.create({ clusterId: "no-such-cluster", input: buildAssessment() }),
      ).rejects.toMatchObject({ code: "CLUSTER_NOT_FOUND" });
      expect(await count(db, "assessment")).toBe(0);
    });

    it("adds a second assessment to the history and leaves the first unchanged", async () => {
      const first = await db.assessments.create({ input: buildAssessment() });
      const snapshot = await db.assessments.getRecord(first.id);
      const second = await db.assessments.create({
        clusterId: first.clusterId,
        input: buildAssessment({
          needs: [{ actor: "sme", function: "rdi_cooperation", priority: 1 }],
        }),
      });
      expect(await db.assessments.getRecord(first.id)).toEqual(snapshot);
      expect((await db.assessments.listByCluster(first.clusterId)).map((a) => a.id)).toEqual([
        first.id,
        second.id,
      ]);
      expect(second.createdAt > first.createdAt).toBe(true);
    });

    it("keeps concurrent submissions apart: a failing one rolls back nothing of the others", async () => {
      // On SQLite every request shares one connection; without serialising transactions a second
      // transaction would nest as a savepoint inside the first and share its fate.
      const results = await Promise.allSettled([
        ...Array.from({ length: 8 }, (_, i) =>
          db.assessments.create({
            input: buildAssessment({
              cluster: { ...buildAssessment().cluster, name: `Klaster ${i}` },
            }),
          }),
        ),
        ...Array.from({ length: 4 }, () =>
          db.assessments.create({ clusterId: "no-such-cluster", input: buildAssessment() }),
        ),
        seedKnowledgeBase(db, buildKnowledgeBase()),
        // Plain statements must not slip into a transaction that then rolls back.
        ...Array.from({ length: 3 }, (_, i) =>
          db.apiKeys.create({ role: "admin", label: `k${i}` }),
        ),
      ]);
      expect(results.map((r) => r.status)).toEqual([
        ...new Array<string>(8).fill("fulfilled"),
        ...new Array<string>(4).fill("rejected"),
        ...new Array<string>(4).fill("fulfilled"),
      ]);
      expect(await count(db, "api_key")).toBe(3);
      expect(await count(db, "assessment")).toBe(8 + 2);
      expect(await count(db, "cluster")).toBe(8 + 1);
      for (const result of results.slice(0, 8)) {
        const stored = (result as PromiseFulfilledResult<{ id: string }>).value;
        expect(await db.assessments.getById(stored.id)).not.toBeNull();
      }
    });

    it("offers no method to update or delete an assessment", () => {
      const methods = Object.getOwnPropertyNames(AssessmentRepository.prototype);
      expect(
        methods.filter((name) => /update|delete|remove|save|edit|replace/i.test(name)),
      ).toEqual([]);
    });

    it("refuses UPDATE and DELETE on stored assessments in the database itself", async () => {
      const stored = await db.assessments.create({ input: buildAssessment() });
      await expect(
        runSql(db.dataSource, `UPDATE assessment SET rulebook_version = 'x' WHERE id = :id`, {
          id: stored.id,
        }),
      ).rejects.toThrow(/append-only/);
      await expect(
        runSql(db.dataSource, `DELETE FROM assessment WHERE id = :id`, { id: stored.id }),
      ).rejects.toThrow(/append-only/);
      await expect(
        runSql(db.dataSource, `DELETE FROM assessment_need WHERE assessment_id = :id`, {
          id: stored.id,
        }),
      ).rejects.toThrow(/append-only/);
      await expect(
        runSql(db.dataSource, `UPDATE assessment_public_task SET readiness = 'ready'`),
      ).rejects.toThrow(/append-only/);
      expect(await db.assessments.getById(stored.id)).toEqual(stored);
    });

    it("returns the latest assessment of each cluster of a region", async () => {
      await seedKnowledgeBase(db, buildKnowledgeBase());
      const a1 = await db.assessments.create({
        input: buildAssessment({
          cluster: { ...buildAssessment().cluster, region: "10", name: "Klaster A" },
        }),
        assessedOn: "2026-01-01",
        visibility: "named",
      });
      const a2 = await db.assessments.create({
        clusterId: a1.clusterId,
        input: buildAssessment({
          cluster: { ...buildAssessment().cluster, region: "10", name: "Klaster A" },
        }),
        assessedOn: "2026-02-01",
      });
      await db.assessments.create({ input: buildAssessment() });
      // Self-registered answers count once a round's owner accepts them.
      await acceptAnswers(db, a1.id, a2.id);
      const latest = await db.assessments.latestByRegion("10");
      const sample = await db.assessments.listByCluster("klaster-testowy-fikcyjny");
      expect(latest.map((r) => r.assessment.id).sort()).toEqual([a2.id, sample[1]?.id].sort());
      expect((await db.assessments.latestAll()).length).toBe(3);
      expect(latest.every((r) => r.region === "10")).toBe(true);
      expect(a2.id).not.toBe(a1.id);
    });

    it("counts needs by actor and function over the latest assessment of each cluster only", async () => {
      // Sample cluster (region 10): latest = coordinator/cluster_management p2, sme/internationalisation p1.
      await seedKnowledgeBase(db, buildKnowledgeBase());
      const region10 = { ...buildAssessment().cluster, region: "10" as const, name: "Klaster B" };
      const old = await db.assessments.create({
        input: buildAssessment({
          cluster: region10,
          needs: [{ actor: "other", function: "skills_training", priority: 3 }],
        }),
        assessedOn: "2025-01-01",
      });
      const latest = await db.assessments.create({
        clusterId: old.clusterId,
        input: buildAssessment({
          cluster: region10,
          needs: [
            { actor: "sme", function: "internationalisation", priority: 2 },
            { actor: "coordinator", function: "cluster_management", priority: 2 },
          ],
        }),
        assessedOn: "2026-06-01",
      });
      // Another region does not count.
      const other = await db.assessments.create({ input: buildAssessment() });
      await acceptAnswers(db, old.id, latest.id, other.id);
      // Counted only in totals: the region sees its needs, not its name.
      await db.clusters.setVisibility(old.clusterId, "anonymous");
      const matrix = await db.assessments.needsMatrix("10");
      expect(matrix).toEqual({
        region: "10",
        clusters: 2,
        cells: [
          {
            actor: "coordinator",
            function: "cluster_management",
            count: 2,
            byPriority: { 1: 0, 2: 2, 3: 0 },
          },
          {
            actor: "sme",
            function: "internationalisation",
            count: 2,
            byPriority: { 1: 1, 2: 1, 3: 0 },
          },
        ],
      });
      expect(await db.assessments.needsMatrix("32")).toEqual({
        region: "32",
        clusters: 0,
        cells: [],
      });
    });

    it("counts public-task readiness over the latest assessment of each cluster", async () => {
      await seedKnowledgeBase(db, buildKnowledgeBase());
      const region10 = { ...buildAssessment().cluster, region: "10" as const, name: "Klaster C" };
      const stored = await db.assessments.create({
        input: buildAssessment({
          cluster: region10,
          publicTasks: [
            { task: "export_promotion", readiness: "ready" },
            { task: "data_collection", readiness: "already_doing" },
          ],
        }),
        visibility: "named",
      });
      await acceptAnswers(db, stored.id);
      expect(await db.assessments.publicTaskReadiness("10")).toEqual({
        region: "10",
        clusters: 2,
        rows: [
          { task: "data_collection", readiness: "already_doing", count: 1 },
          { task: "export_promotion", readiness: "ready", count: 2 },
        ],
      });
    });
  });

  describe("what a region may see (cluster visibility)", () => {
    async function clusterIn10(name: string, visibility?: "named" | "anonymous" | "private") {
      return db.assessments.create({
        input: buildAssessment({
          cluster: { ...buildAssessment().cluster, region: "10", name },
          needs: [{ actor: "sme", function: "digital_transformation", priority: 1 }],
          publicTasks: [{ task: "export_promotion", readiness: "ready" }],
        }),
        ...(visibility === undefined ? {} : { visibility }),
      });
    }

    it("names only named clusters, counts anonymous ones in totals and private ones nowhere", async () => {
      const named = await clusterIn10("Named", "named");
      const others = [
        await clusterIn10("Anonymous", "anonymous"),
        await clusterIn10("Private", "private"),
        await clusterIn10("Never chose"),
      ];
      await acceptAnswers(db, named.id, ...others.map((other) => other.id));
      expect((await db.assessments.latestByRegion("10")).map((r) => r.assessment.id)).toEqual([
        named.id,
      ]);
      expect((await db.assessments.latestByRegion("10", "totals")).length).toBe(2);
      const matrix = await db.assessments.needsMatrix("10");
      expect(matrix.clusters).toBe(2);
      expect(matrix.cells).toEqual([
        {
          actor: "sme",
          function: "digital_transformation",
          count: 2,
          byPriority: { 1: 2, 2: 0, 3: 0 },
        },
      ]);
      expect((await db.assessments.publicTaskReadiness("10")).rows).toEqual([
        { task: "export_promotion", readiness: "ready", count: 2 },
      ]);
      expect((await db.clusters.listByRegion("10")).items.map((c) => c.name)).toEqual(["Named"]);
    });

    it("counts a self-registered answer only once a round's owner accepts it", async () => {
      const waiting = await clusterIn10("Waiting", "named");
      const refused = await clusterIn10("Refused", "named");
      expect((await db.assessments.needsMatrix("10")).clusters).toBe(0);
      expect(await db.assessments.latestByRegion("10")).toEqual([]);
      const roundId = await acceptAnswers(db, waiting.id);
      const round = (await db.survey.getRound(roundId))!;
      await db.survey.decide(round, refused.id, "rejected", "test");
      expect((await db.assessments.latestByRegion("10")).map((r) => r.assessment.id)).toEqual([
        waiting.id,
      ]);
      expect((await db.assessments.needsMatrix("10")).clusters).toBe(1);
      await expect(db.survey.decide(round, waiting.id, "rejected", "test")).rejects.toThrow(
        /already accepted/,
      );
    });

    it("follows a changed choice in every list and total at once", async () => {
      const changing = await clusterIn10("Changing", "named");
      await acceptAnswers(db, changing.id);
      await db.clusters.setVisibility(changing.clusterId, "private");
      expect(await db.assessments.latestByRegion("10", "totals")).toEqual([]);
      expect((await db.assessments.needsMatrix("10")).clusters).toBe(0);
      expect((await db.clusters.listByRegion("10")).total).toBe(0);
    });
  });

  describe("ApiKeyRepository", () => {
    it("creates a key whose secret is shown once and stored only as a hash", async () => {
      const { id, secret } = await db.apiKeys.create({ role: "region:14", label: "Mazowsze" });
      expect(secret).toMatch(/^kl_[A-Za-z0-9_-]{43}$/);
      const [row] = await runSql<Record<string, unknown>>(
        db.dataSource,
        `SELECT * FROM api_key WHERE id = :id`,
        { id },
      );
      expect(JSON.stringify(row)).not.toContain(secret.slice(3));
      expect(await db.apiKeys.verify(secret)).toEqual({ id, role: "region:14", label: "Mazowsze" });
      expect(await db.apiKeys.verify(`${secret}x`)).toBeNull();
    });

    it("lists keys without hashes or secrets and records the last use", async () => {
      const { id, secret } = await db.apiKeys.create({ role: "admin", label: "ops" });
      await db.apiKeys.verify(secret);
      const [listed] = await db.apiKeys.list();
      expect(Object.keys(listed ?? {}).sort()).toEqual([
        "createdAt",
        "id",
        "label",
        "lastUsedAt",
        "revokedAt",
        "role",
      ]);
      expect(listed).toMatchObject({ id, role: "admin", label: "ops", revokedAt: null });
      expect(listed?.lastUsedAt).not.toBeNull();
    });

    it("revokes a key and bumps the revocation counter other processes poll", async () => {
      const { id, secret } = await db.apiKeys.create({ role: "admin", label: "ops" });
      expect(await db.apiKeys.revoke(id)).toBe(true);
      expect(await db.apiKeys.verify(secret)).toBeNull();
      expect(await db.systemState.readState("api_key_revocations")).toMatchObject({
        value: id,
        version: 1,
      });
      expect(await db.apiKeys.revoke(id)).toBe(false);
      expect((await db.systemState.readState("api_key_revocations"))?.version).toBe(1);
    });

    it("refuses a role that is neither admin nor a region", async () => {
      await expect(db.apiKeys.create({ role: "region:99", label: "x" })).rejects.toMatchObject({
        code: "ARGUMENT_INVALID",
      });
      await expect(db.apiKeys.create({ role: "root", label: "x" })).rejects.toMatchObject({
        code: "ARGUMENT_INVALID",
      });
    });
  });

  describe("SystemStateRepository", () => {
    it("returns null for a key never written", async () => {
      expect(await db.systemState.readState("rulebook_version")).toBeNull();
    });

    it("increments the version on every bump and keeps the last value", async () => {
      await db.systemState.bumpState("rulebook_version", "rb-1");
      const second = await db.systemState.bumpState("rulebook_version", "rb-2");
      expect(second).toMatchObject({ key: "rulebook_version", value: "rb-2", version: 2 });
      expect(await db.systemState.readState("rulebook_version")).toEqual(second);
    });
  });
}
