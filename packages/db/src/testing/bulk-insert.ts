/**
 * @module
 * Many clusters and assessments at once, for benchmarks at 100,000 assessments: multi-row
 * INSERTs in one transaction, no validation (the caller passes parsed inputs) and no verdicts.
 * The product's own writes go through `AssessmentRepository.create`.
 */
import type { AssessmentInput, IsoDate, Visibility } from "@klastry/domain";
import type { Database } from "../open-database.ts";
import { runSql, writeJson, type Queryable } from "../sql.ts";
import { inTransaction } from "../sqlite-gate.ts";

export interface BulkCluster {
  id: string;
  visibility: Visibility;
  /** The cluster's assessments, oldest first; the cluster takes the last one's name and region. */
  assessments: { id: string; assessedOn: IsoDate; input: AssessmentInput }[];
}

/** Rows per statement: the widest (13 columns) stays under PostgreSQL's 65,535 parameters. */
const ROWS = 400;

/** Rows into one table by multi-row INSERTs of ROWS rows each (inside the caller's transaction). */
export async function insertRows(
  tx: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS) {
    const params: Record<string, unknown> = {};
    const values = rows.slice(start, start + ROWS).map((row, r) => {
      const names = row.map((value, c) => {
        params[`p${r}_${c}`] = value;
        return `:p${r}_${c}`;
      });
      return `(${names.join(", ")})`;
    });
    await runSql(
      tx,
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values.join(", ")}`,
      params,
    );
  }
}

/** Inserts the clusters and their assessments (with needs and public tasks) in one transaction. */
export async function insertClustersInBulk(
  db: Database,
  clusters: readonly BulkCluster[],
): Promise<void> {
  const now = new Date().toISOString();
  const clusterRows: unknown[][] = [];
  const assessmentRows: unknown[][] = [];
  const needRows: unknown[][] = [];
  const taskRows: unknown[][] = [];
  for (const cluster of clusters) {
    const last = cluster.assessments.at(-1)?.input.cluster;
    if (last === undefined) continue;
    clusterRows.push([cluster.id, last.name, last.region, true, cluster.visibility, now]);
    cluster.assessments.forEach(({ id, assessedOn, input }, n) => {
      const createdAt = new Date(Date.parse(`${assessedOn}T12:00:00Z`) + n).toISOString();
      assessmentRows.push([
        id,
        cluster.id,
        input.cluster.region,
        createdAt,
        assessedOn,
        writeJson(input.cluster),
        writeJson(input.profile),
        writeJson(input.ownContribution),
        null,
        null,
        null,
        input.needs !== undefined,
        input.publicTasks !== undefined,
      ]);
      (input.needs ?? []).forEach((need, position) =>
        needRows.push([id, position, need.actor, need.function, need.priority]),
      );
      (input.publicTasks ?? []).forEach((task, position) =>
        taskRows.push([id, position, task.task, task.readiness]),
      );
    });
  }
  await inTransaction(db.dataSource, async (tx) => {
    await insertRows(
      tx,
      "cluster",
      ["id", "name", "region", "fictional", "visibility", "created_at"],
      clusterRows,
    );
    await insertRows(
      tx,
      "assessment",
      [
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
      ],
      assessmentRows,
    );
    await insertRows(
      tx,
      "assessment_need",
      ["assessment_id", "position", "actor", "function", "priority"],
      needRows,
    );
    await insertRows(
      tx,
      "assessment_public_task",
      ["assessment_id", "position", "task", "readiness"],
      taskRows,
    );
  });
}

/** Forgets every stored verdict, so the next recompute does all of them (benchmarks). */
export async function forgetStoredVerdicts(db: Database): Promise<void> {
  await inTransaction(db.dataSource, async (tx) => {
    await runSql(tx, `DELETE FROM assessment_verdict`);
    await runSql(tx, `DELETE FROM assessment_need_verdict`);
    await runSql(tx, `DELETE FROM assessment_verdict_state`);
    await runSql(tx, `DELETE FROM verdict_batch`);
  });
}

/**
 * Refreshes PostgreSQL's planner statistics after a bulk load, as autovacuum would do on its own
 * a little later (SQLite keeps none unless asked, and the product never asks).
 */
export async function analyzeAfterBulkLoad(db: Database): Promise<void> {
  if (db.kind === "postgres") await runSql(db.dataSource, `ANALYZE`);
}
