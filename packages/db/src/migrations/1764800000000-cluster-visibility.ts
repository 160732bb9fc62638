/**
 * @module
 * Whom a cluster's assessments are shown to (the coordinator's choice, `Visibilities` in
 * @klastry/domain): its voivodeship's authority by name (`named`), only inside anonymous totals
 * (`anonymous`), or not at all (`private`).
 *
 * Existing rows become `private`: before this choice existed the save panel did not say the
 * region would see the cluster by name, so nobody agreed to it, and a choice nobody made is read
 * the way that shows least. A coordinator can open it up with the private link. The fictional
 * sample clusters shipped with the product are not people's data and stay `named`, so a region's
 * dashboard has something to show. New rows default to `private` for the same reason.
 */
import type { MigrationInterface, QueryRunner } from "typeorm";

export const VISIBILITY_VALUES = ["named", "anonymous", "private"] as const;

export class ClusterVisibility1764800000000 implements MigrationInterface {
  readonly name = "ClusterVisibility1764800000000";

  async up(runner: QueryRunner): Promise<void> {
    const allowed = VISIBILITY_VALUES.map((value) => `'${value}'`).join(", ");
    await runner.query(
      `ALTER TABLE cluster ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN (${allowed}))`,
    );
    await runner.query(`UPDATE cluster SET visibility = 'named' WHERE fictional = TRUE`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cluster DROP COLUMN visibility`);
  }
}
