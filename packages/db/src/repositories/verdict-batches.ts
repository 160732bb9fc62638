/**
 * @module
 * The queue of a background verdict recompute. Planning lists the latest assessments whose
 * verdicts are not at the target (rulebook version and day) and cuts them into batches, one row
 * each in `verdict_batch`; on PostgreSQL an advisory lock lets one process plan at a time. A
 * process takes a batch with `FOR UPDATE SKIP LOCKED` and, in the same transaction, writes its
 * verdicts and marks it done: another process skips it while it is being worked on and never
 * sees it undone afterwards, so no batch is done twice, and a process that dies mid-batch
 * rolls back and leaves the batch to the others. SQLite has one process: it takes batches in turn.
 */
import type { DataSource } from "typeorm";
import { dialectOf, readCount, runSql } from "../sql.ts";
import { inTransaction } from "../sqlite-gate.ts";
import { loadAssessments } from "./assessment-rows.ts";
import type { AssessmentRecord } from "./assessment-rows.ts";
import { latestIdsSql } from "./regional-aggregates.ts";
import {
  writeVerdicts,
  type AssessmentVerdicts,
  type VerdictTarget,
} from "./verdict-repository.ts";

/** Key of the advisory lock held while planning (any constant unique to this job). */
const PLAN_LOCK_KEY = 7_346_120_612;

/** Evaluates a batch's assessments; synchronous, so the batch's transaction stays short. */
export type EvaluateBatch = (records: readonly AssessmentRecord[]) => AssessmentVerdicts[];

export interface BatchDone {
  batchNo: number;
  size: number;
}

function targetParams(target: VerdictTarget): Record<string, unknown> {
  return { version: target.rulebookVersion, day: target.evaluatedOn };
}

export class VerdictBatches {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Plans the batches of a recompute to `target` unless some are still pending; returns how many
   * it planned (0: nothing left to do, or another process's plan is being worked through).
   * Batches of any other target are dropped: their work is obsolete.
   */
  plan(target: VerdictTarget, batchSize: number): Promise<number> {
    return inTransaction(this.dataSource, async (tx) => {
      if (dialectOf(tx) === "postgres") {
        await runSql(tx, `SELECT pg_advisory_xact_lock(:key)`, { key: PLAN_LOCK_KEY });
      }
      const [pending] = await runSql<{ total: unknown }>(
        tx,
        `SELECT COUNT(*) AS total FROM verdict_batch
         WHERE rulebook_version = :version AND evaluated_on = :day AND done_at IS NULL`,
        targetParams(target),
      );
      if (readCount(pending?.total) > 0) return 0;
      await runSql(
        tx,
        `DELETE FROM verdict_batch WHERE NOT (rulebook_version = :version AND evaluated_on = :day)`,
        targetParams(target),
      );
      const stale = await runSql<{ id: string }>(
        tx,
        `SELECT l.id FROM (${latestIdsSql(false)}) l
         WHERE NOT EXISTS (SELECT 1 FROM assessment_verdict_state s WHERE s.assessment_id = l.id
           AND s.rulebook_version = :version AND s.evaluated_on = :day)
         ORDER BY l.id`,
        targetParams(target),
      );
      if (stale.length === 0) return 0;
      const [last] = await runSql<{ n: unknown }>(
        tx,
        `SELECT MAX(batch_no) AS n FROM verdict_batch
         WHERE rulebook_version = :version AND evaluated_on = :day`,
        targetParams(target),
      );
      const first = readCount(last?.n) + 1;
      const now = new Date().toISOString();
      const count = Math.ceil(stale.length / batchSize);
      for (let b = 0; b < count; b++) {
        const ids = stale.slice(b * batchSize, (b + 1) * batchSize).map((row) => String(row.id));
        await runSql(
          tx,
          `INSERT INTO verdict_batch (rulebook_version, evaluated_on, batch_no, assessment_ids, size, planned_at, runs)
           VALUES (:version, :day, :batchNo, :ids, :size, :now, 0)`,
          {
            ...targetParams(target),
            batchNo: first + b,
            ids: ids.join(","),
            size: ids.length,
            now,
          },
        );
      }
      return count;
    });
  }

  /**
   * Takes one pending batch of `target` that no other process holds, evaluates it and stores
   * its verdicts, all in one transaction; null when none is left to take.
   */
  runNext(
    target: VerdictTarget,
    worker: string,
    evaluate: EvaluateBatch,
  ): Promise<BatchDone | null> {
    return inTransaction(this.dataSource, async (tx) => {
      const lock = dialectOf(tx) === "postgres" ? " FOR UPDATE SKIP LOCKED" : "";
      const [batch] = await runSql<{ batch_no: unknown; assessment_ids: string }>(
        tx,
        `SELECT batch_no, assessment_ids FROM verdict_batch
         WHERE rulebook_version = :version AND evaluated_on = :day AND done_at IS NULL
         ORDER BY batch_no LIMIT 1${lock}`,
        targetParams(target),
      );
      if (batch === undefined) return null;
      const batchNo = readCount(batch.batch_no);
      const ids = batch.assessment_ids.split(",");
      const records = await loadAssessments(tx, `a.id IN (:...ids)`, { ids }, "a.id");
      await writeVerdicts(tx, target, evaluate(records));
      await runSql(
        tx,
        `UPDATE verdict_batch SET done_at = :now, done_by = :worker, runs = runs + 1
         WHERE rulebook_version = :version AND evaluated_on = :day AND batch_no = :batchNo`,
        { ...targetParams(target), now: new Date().toISOString(), worker, batchNo },
      );
      return { batchNo, size: ids.length };
    });
  }

  /** Every batch of `target` with who did it and how often (for tests and status). */
  async list(
    target: VerdictTarget,
  ): Promise<
    { batchNo: number; size: number; done: boolean; doneBy: string | null; runs: number }[]
  > {
    const rows = await runSql<Record<string, unknown>>(
      this.dataSource,
      `SELECT batch_no, size, done_at, done_by, runs FROM verdict_batch
       WHERE rulebook_version = :version AND evaluated_on = :day ORDER BY batch_no`,
      targetParams(target),
    );
    return rows.map((row) => ({
      batchNo: readCount(row.batch_no),
      size: readCount(row.size),
      done: row.done_at !== null && row.done_at !== undefined,
      doneBy: typeof row.done_by === "string" ? row.done_by : null,
      runs: readCount(row.runs),
    }));
  }
}
