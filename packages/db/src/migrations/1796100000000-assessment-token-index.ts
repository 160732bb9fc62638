/**
 * @module
 * An index on the assessment's access-token hash (issue 15 item 1): a request carrying an
 * assessment token is checked by one indexed lookup of the token's sha256 before any assessment
 * is read, so a made-up token costs the same whatever the size of the cluster it names. Partial:
 * assessments stored without a token (the seeded samples) take no room in it.
 */
import type { MigrationInterface, QueryRunner } from "typeorm";

export class AssessmentTokenIndex1796100000000 implements MigrationInterface {
  readonly name = "AssessmentTokenIndex1796100000000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX ix_assessment_access_token ON assessment (access_token_hash)
       WHERE access_token_hash IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX ix_assessment_access_token`);
  }
}
