/**
 * @module
 * Stored verdicts (issue 12 item 6): what the rulebook said about each assessment, so region
 * routes count and page in SQL instead of evaluating every assessment on each request.
 * `assessment_verdict_state` says for which rulebook version and day an assessment's verdicts
 * were made (an assessment with no fitting instrument has a state and no verdict rows);
 * `assessment_verdict` holds the instruments that fit (eligible, can't tell yet) or nearly fit;
 * `verdict_batch` is the queue of a background recompute, one row per batch of assessments, taken
 * by one process at a time (`FOR UPDATE SKIP LOCKED` on PostgreSQL). These tables are derived
 * data, rewritten at will; the assessments themselves stay append-only.
 */
import type { MigrationInterface, QueryRunner } from "typeorm";

export const VERDICT_TABLES = [
  "assessment_verdict_state",
  "assessment_verdict",
  "verdict_batch",
] as const;

export class StoredVerdicts1796300000000 implements MigrationInterface {
  readonly name = "StoredVerdicts1796300000000";

  async up(runner: QueryRunner): Promise<void> {
    const postgres = runner.connection.driver.options.type === "postgres";
    const uuid = postgres ? "UUID" : "TEXT";
    const date = postgres ? "DATE" : "TEXT";
    const timestamp = postgres ? "TIMESTAMPTZ" : "TEXT";
    const statements = [
      `CREATE TABLE assessment_verdict_state (
        assessment_id ${uuid} PRIMARY KEY NOT NULL REFERENCES assessment(id),
        rulebook_version TEXT NOT NULL,
        evaluated_on ${date} NOT NULL,
        evaluated_at ${timestamp} NOT NULL
      )`,
      // Finding what a recompute still has to do: the assessments not at the target.
      `CREATE INDEX ix_verdict_state_target ON assessment_verdict_state (rulebook_version, evaluated_on)`,
      `CREATE TABLE assessment_verdict (
        assessment_id ${uuid} NOT NULL REFERENCES assessment(id),
        instrument_id TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('eligible', 'unknown', 'not_eligible')),
        near_miss BOOLEAN NOT NULL,
        PRIMARY KEY (assessment_id, instrument_id)
      )`,
      `CREATE TABLE verdict_batch (
        rulebook_version TEXT NOT NULL,
        evaluated_on ${date} NOT NULL,
        batch_no INTEGER NOT NULL,
        assessment_ids TEXT NOT NULL,
        size INTEGER NOT NULL,
        planned_at ${timestamp} NOT NULL,
        done_at ${timestamp} NULL,
        done_by TEXT NULL,
        runs INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (rulebook_version, evaluated_on, batch_no)
      )`,
    ];
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [...VERDICT_TABLES].reverse()) await runner.query(`DROP TABLE ${table}`);
  }
}
