/**
 * @module
 * Indexes for region routes at 100,000 assessments (issue 12 item 6). Ranking a region's
 * assessments to find each cluster's latest reads every column it needs (cluster, the three
 * ordering columns, id, region) from one index, never the wide assessment rows; the audience
 * filter finds clusters by visibility without reading the cluster rows.
 */
import type { MigrationInterface, QueryRunner } from "typeorm";

export class RegionLatestIndexes1796400000000 implements MigrationInterface {
  readonly name = "RegionLatestIndexes1796400000000";

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX ix_assessment_latest_covering ON assessment (cluster_id, assessed_on, created_at, id, region)`,
    );
    await runner.query(`CREATE INDEX ix_cluster_visibility ON cluster (visibility, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX ix_cluster_visibility`);
    await runner.query(`DROP INDEX ix_assessment_latest_covering`);
  }
}
