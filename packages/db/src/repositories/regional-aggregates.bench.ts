/**
 * Regional aggregates over many stored assessments (product.md, "Scale": tens of thousands).
 * Run with `npm run bench -w @klastry/db`; PostgreSQL is benched when reachable.
 */
import { randomUUID } from "node:crypto";
import { ActorTypes, REGION_CODES, SupportFunctions } from "@klastry/domain";
import { buildAssessment } from "@klastry/domain/testing";
import { afterAll, bench, describe } from "vitest";
import { inTransaction } from "../sqlite-gate.ts";
import { runSql, type DatabaseKind } from "../sql.ts";
import { openTestDatabase, postgresAvailability, type TestDatabase } from "../testing/index.ts";
import { insertAssessment } from "./assessment-rows.ts";

const CLUSTERS = 2_000;
const ASSESSMENTS_PER_CLUSTER = 5;

async function fill(test: TestDatabase): Promise<void> {
  await inTransaction(test.db.dataSource, async (tx) => {
    for (let c = 0; c < CLUSTERS; c += 1) {
      const region = REGION_CODES[c % REGION_CODES.length] ?? "14";
      const id = `bench-cluster-${c}`;
      await runSql(
        tx,
        `INSERT INTO cluster (id, name, region, fictional, created_at) VALUES (:id, :id, :region, :f, :now)`,
        { id, region, f: true, now: new Date().toISOString() },
      );
      for (let a = 0; a < ASSESSMENTS_PER_CLUSTER; a += 1) {
        const needs = Array.from({ length: 4 }, (_, k) => ({
          actor: ActorTypes.codes[(c + k) % ActorTypes.codes.length] ?? "sme",
          function:
            SupportFunctions.codes[(c * 3 + a + k) % SupportFunctions.codes.length] ??
            "cluster_management",
          priority: ((k % 3) + 1) as 1 | 2 | 3,
        }));
        const unique = [...new Map(needs.map((n) => [`${n.actor}/${n.function}`, n])).values()];
        const input = buildAssessment({
          cluster: { ...buildAssessment().cluster, name: id, region },
          needs: unique,
        });
        await insertAssessment(tx, {
          id: randomUUID(),
          clusterId: id,
          createdAt: new Date(Date.UTC(2026, 0, 1) + c * 10 + a).toISOString(),
          assessedOn: `202${a}-06-01`,
          input,
          rulebookVersion: null,
          recommendations: null,
          accessTokenHash: null,
        });
      }
    }
  });
}

const kinds: DatabaseKind[] = (await postgresAvailability()).available
  ? ["sqlite", "postgres"]
  : ["sqlite"];

for (const kind of kinds) {
  // Filled at load time: bench mode does not wait for beforeAll hooks in every vitest version.
  const test = await openTestDatabase(kind);
  await fill(test);
  afterAll(async () => {
    await test.dispose();
  });
  describe(`regional aggregates on ${kind} (${CLUSTERS} clusters x ${ASSESSMENTS_PER_CLUSTER} assessments)`, () => {
    bench("needsMatrix of one region", async () => {
      await test.db.assessments.needsMatrix("14");
    });
    bench("publicTaskReadiness of one region", async () => {
      await test.db.assessments.publicTaskReadiness("14");
    });
    bench("latestByRegion of one region", async () => {
      await test.db.assessments.latestByRegion("14");
    });
  });
}
