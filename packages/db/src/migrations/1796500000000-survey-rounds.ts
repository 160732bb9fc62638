/**
 * @module
 * The national needs survey (issue 14): rounds, invitations (one private token per cluster, kept
 * only as its sha256) and the provenance of each assessment.
 *
 * Provenance: `assessment.round_id` / `invitation_id` are written once, when an answer comes
 * through an invitation (assessments stay append-only). An answer without a round is
 * "self-registered": it counts in official figures only once a round's owner accepts it, which
 * `assessment_review` records (who, when, into which round; or a rejection).
 *
 * Existing rows: assessments stored before rounds existed came through the public wizard, which
 * anyone may use, so they become self-registered and wait for a round owner's acceptance. The
 * fictional sample clusters shipped with the product are not people's answers; they count as
 * official (by `cluster.fictional`) so the dashboards keep something to show.
 */
import type { MigrationInterface, QueryRunner } from "typeorm";

export const ROUND_SCOPES = ["national", "regional"] as const;
export const ROUND_STATUSES = ["open", "closed"] as const;
export const INVITATION_STATUSES = ["invited", "started", "submitted"] as const;
export const REVIEW_DECISIONS = ["accepted", "rejected"] as const;

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(", ");

export class SurveyRounds1796500000000 implements MigrationInterface {
  readonly name = "SurveyRounds1796500000000";

  async up(runner: QueryRunner): Promise<void> {
    const postgres = runner.connection.driver.options.type === "postgres";
    const uuid = postgres ? "UUID" : "TEXT";
    const date = postgres ? "DATE" : "TEXT";
    const timestamp = postgres ? "TIMESTAMPTZ" : "TEXT";
    const statements = [
      `CREATE TABLE survey_round (
        id ${uuid} PRIMARY KEY NOT NULL,
        title TEXT NOT NULL,
        period_start ${date} NOT NULL,
        period_end ${date} NOT NULL,
        scope TEXT NOT NULL CHECK (scope IN (${list(ROUND_SCOPES)})),
        region TEXT NULL,
        questionnaire_version TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN (${list(ROUND_STATUSES)})),
        owner TEXT NOT NULL,
        created_at ${timestamp} NOT NULL,
        closed_at ${timestamp} NULL,
        CHECK ((scope = 'national' AND region IS NULL) OR (scope = 'regional' AND region IS NOT NULL))
      )`,
      `CREATE TABLE survey_invitation (
        id ${uuid} PRIMARY KEY NOT NULL,
        round_id ${uuid} NOT NULL REFERENCES survey_round(id),
        position INTEGER NOT NULL,
        cluster_name TEXT NOT NULL,
        region TEXT NOT NULL,
        contact TEXT NULL,
        token_hash TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN (${list(INVITATION_STATUSES)})),
        invited_at ${timestamp} NOT NULL,
        started_at ${timestamp} NULL,
        submitted_at ${timestamp} NULL,
        cluster_id TEXT NULL,
        assessment_id ${uuid} NULL
      )`,
      `CREATE UNIQUE INDEX ux_survey_invitation_token ON survey_invitation (token_hash)`,
      `CREATE INDEX ix_survey_invitation_round ON survey_invitation (round_id, region, status)`,
      `ALTER TABLE assessment ADD COLUMN round_id ${uuid} NULL`,
      `ALTER TABLE assessment ADD COLUMN invitation_id ${uuid} NULL`,
      `CREATE INDEX ix_assessment_round ON assessment (round_id, cluster_id) WHERE round_id IS NOT NULL`,
      `CREATE TABLE assessment_review (
        assessment_id ${uuid} PRIMARY KEY NOT NULL REFERENCES assessment(id),
        round_id ${uuid} NOT NULL REFERENCES survey_round(id),
        decision TEXT NOT NULL CHECK (decision IN (${list(REVIEW_DECISIONS)})),
        decided_by TEXT NOT NULL,
        decided_at ${timestamp} NOT NULL
      )`,
      `CREATE INDEX ix_assessment_review_round ON assessment_review (round_id, decision)`,
    ];
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE assessment_review`);
    await runner.query(`DROP INDEX ix_assessment_round`);
    await runner.query(`ALTER TABLE assessment DROP COLUMN invitation_id`);
    await runner.query(`ALTER TABLE assessment DROP COLUMN round_id`);
    await runner.query(`DROP TABLE survey_invitation`);
    await runner.query(`DROP TABLE survey_round`);
  }
}
