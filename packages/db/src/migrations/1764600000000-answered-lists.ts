/**
 * @module
 * Tells a list not answered from an answer of "none": an assessment records whether its needs and
 * its public tasks were answered. Rows stored before keep what they meant then (their lists were
 * answers, possibly empty: "none"), so both flags default to true; the columns are added, no row is
 * updated (the tables are append-only).
 */
import type { MigrationInterface, QueryRunner } from "typeorm";

export class AnsweredLists1764600000000 implements MigrationInterface {
  readonly name = "AnsweredLists1764600000000";

  async up(runner: QueryRunner): Promise<void> {
    for (const column of ["needs_answered", "public_tasks_answered"]) {
      await runner.query(
        `ALTER TABLE assessment ADD COLUMN ${column} BOOLEAN NOT NULL DEFAULT TRUE`,
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const column of ["needs_answered", "public_tasks_answered"]) {
      await runner.query(`ALTER TABLE assessment DROP COLUMN ${column}`);
    }
  }
}
