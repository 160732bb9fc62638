/**
 * @module
 * For each stored assessment, which of its needs each fitting instrument serves (issue 12 item 6):
 * the rows a region's coverage counts, made when the verdicts are stored (the served needs depend
 * on the rulebook's instruments only; the call status of the day is applied when counting), so
 * the coverage of 5,000 clusters reads a few rows per cluster instead of joining every need
 * with every verdict.
 */
import type { MigrationInterface, QueryRunner } from "typeorm";

export class NeedVerdicts1796500000000 implements MigrationInterface {
  readonly name = "NeedVerdicts1796500000000";

  async up(runner: QueryRunner): Promise<void> {
    const uuid = runner.connection.driver.options.type === "postgres" ? "UUID" : "TEXT";
    await runner.query(
      `CREATE TABLE assessment_need_verdict (
        assessment_id ${uuid} NOT NULL REFERENCES assessment(id),
        actor TEXT NOT NULL,
        function TEXT NOT NULL,
        instrument_id TEXT NOT NULL,
        PRIMARY KEY (assessment_id, actor, function, instrument_id)
      )`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE assessment_need_verdict`);
  }
}
