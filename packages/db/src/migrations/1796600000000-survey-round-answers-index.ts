/**
 * @module
 * A round's answers read from one covering index (issue 14, "Scale"): the national picture and
 * the report rank a round's answers by cluster and date, and with every column they read in the
 * index, 10,000 answers come without touching the wide assessment rows (their JSON snapshots).
 * Replaces the narrower ix_assessment_round.
 */
import type { MigrationInterface, QueryRunner } from "typeorm";

export class SurveyRoundAnswersIndex1796600000000 implements MigrationInterface {
  readonly name = "SurveyRoundAnswersIndex1796600000000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX ix_assessment_round`);
    await runner.query(
      `CREATE INDEX ix_assessment_round_answers
       ON assessment (round_id, cluster_id, assessed_on, created_at, id, region)
       WHERE round_id IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX ix_assessment_round_answers`);
    await runner.query(
      `CREATE INDEX ix_assessment_round ON assessment (round_id, cluster_id) WHERE round_id IS NOT NULL`,
    );
  }
}
