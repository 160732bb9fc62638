/**
 * Seeds the real knowledge base of @klastry/knowledge on every dialect: all of it goes in, every
 * record comes back equal, and a second run changes nothing.
 */
import { loadKnowledgeBase } from "@klastry/knowledge";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../open-database.ts";
import { databasesUnderTest, openTestDatabase, type TestDatabase } from "../testing/index.ts";
import { seedKnowledgeBase } from "./seed-knowledge-base.ts";

const kb = loadKnowledgeBase();

for (const target of await databasesUnderTest()) {
  // An unreachable PostgreSQL under CI=true already fails repository.test.ts; here it only skips.
  const reason = target.skip ?? target.failure;
  const title = `seed of the real knowledge base on ${target.kind}${reason === undefined ? "" : ` (skipped: ${reason})`}`;
  describe.skipIf(reason !== undefined)(title, () => {
    let test: TestDatabase;
    let db: Database;
    beforeEach(async () => {
      test = await openTestDatabase(target.kind);
      db = test.db;
    });
    afterEach(async () => {
      await test.dispose();
    });

    it("stores every record and reads each back unchanged", async () => {
      const counts = await seedKnowledgeBase(db, kb);
      expect(counts.instruments.inserted).toBe(kb.instruments.length);
      expect(counts.fundingSources.inserted).toBe(kb.fundingSources.length);
      expect(counts.publicTasks.inserted).toBe(kb.publicTasks.length);
      expect(counts.sampleClusters.inserted).toBe(kb.sampleClusters.length);
      expect(await db.catalogue.allInstruments()).toEqual(
        [...kb.instruments].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      expect(await db.catalogue.listFundingSources()).toEqual(
        [...kb.fundingSources].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      expect((await db.catalogue.listInstruments({ pageSize: 1 })).total).toBe(
        kb.instruments.length,
      );
    });

    it("changes nothing when run a second time", async () => {
      await seedKnowledgeBase(db, kb);
      const version = await db.catalogue.catalogueVersion();
      const counts = await seedKnowledgeBase(db, kb);
      expect(counts.instruments).toEqual({
        inserted: 0,
        updated: 0,
        deleted: 0,
        unchanged: kb.instruments.length,
      });
      expect(counts.assessments.inserted).toBe(0);
      expect(await db.catalogue.catalogueVersion()).toBe(version);
    });
  });
}
