/**
 * @module
 * Keeps stored verdicts at the rulebook version this process serves and today's day in Poland:
 * after a rulebook reload or at midnight the latest assessments are re-evaluated in the
 * background, batch by batch through `db.verdictBatches` (on PostgreSQL several processes share
 * the batches, none done twice). Routes stay correct meanwhile: they evaluate whatever is stale.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Database, EvaluateBatch } from "@klastry/db";
import { todayInPoland, type IsoDate } from "@klastry/domain";
import type { Rulebook } from "@klastry/rules-engine";
import type { Logger } from "../logger.ts";
import { RULEBOOK_STATE_KEY, type RulebookStore } from "../rulebook-store.ts";
import { assessmentVerdicts, targetOf } from "./verdicts-of.ts";

export interface VerdictRefresherOptions {
  db: Database;
  rulebookStore: Pick<RulebookStore<Rulebook>, "current">;
  logger: Logger;
  /** Names this process in `verdict_batch.done_by`. */
  worker: string;
  /** Assessments per batch (one transaction each). */
  batchSize: number;
  /** The day to evaluate for; default today in Poland. */
  today?: () => IsoDate;
}

export interface RefreshRun {
  /** Batch numbers this process did, in order. */
  batches: number[];
  assessments: number;
}

export class VerdictRefresher {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<RefreshRun> | null = null;

  constructor(private readonly options: VerdictRefresherOptions) {}

  /**
   * Works until no batch of the current target is left to take (planning one when none is
   * pending). Skips the run while the shared rulebook version is not the one this process serves
   * (a reload in progress elsewhere): the process that serves it will do the work.
   */
  refresh(): Promise<RefreshRun> {
    this.#running ??= this.#refresh().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #refresh(): Promise<RefreshRun> {
    const { db, logger, worker, batchSize } = this.options;
    const run: RefreshRun = { batches: [], assessments: 0 };
    const rulebook = this.options.rulebookStore.current();
    const shared = await db.systemState.readState(RULEBOOK_STATE_KEY);
    if (shared !== null && shared.value !== rulebook.version) return run;
    const day = (this.options.today ?? todayInPoland)();
    const target = targetOf(rulebook, day);
    const evaluate: EvaluateBatch = (records) =>
      assessmentVerdicts(
        rulebook,
        records.map((record) => record.assessment),
        day,
      );
    for (;;) {
      let done = await db.verdictBatches.runNext(target, worker, evaluate);
      if (done === null) {
        // Nothing to take: plan the stale ones, or find another process's new plan, and retry.
        await db.verdictBatches.plan(target, batchSize);
        done = await db.verdictBatches.runNext(target, worker, evaluate);
        if (done === null) break;
      }
      run.batches.push(done.batchNo);
      run.assessments += done.size;
      // Let requests in between batches: a batch is one synchronous evaluation.
      await nextTurn();
    }
    if (run.batches.length > 0) {
      logger.log("info", "stored verdicts recomputed", {
        rulebookVersion: rulebook.version,
        day,
        batches: run.batches.length,
        assessments: run.assessments,
      });
    }
    return run;
  }

  /** Refreshes every `intervalMs` (and once now); failures are logged and retried next time. */
  start(intervalMs: number): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    const tick = () => {
      void this.refresh().catch((error: unknown) =>
        this.options.logger.log("warn", "stored verdicts refresh failed", {
          error: String(error),
        }),
      );
    };
    tick();
    this.#timer = setInterval(tick, intervalMs);
    this.#timer.unref();
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => undefined);
  }
}
