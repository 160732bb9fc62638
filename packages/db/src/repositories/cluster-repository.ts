/**
 * @module
 * Clusters: the stable identity that assessments hang off. Name and region follow the latest
 * submitted profile; the history itself lives in the append-only assessments.
 */
import {
  ClusterSchema,
  RegionCodeSchema,
  VisibilitySchema,
  parseOrThrow,
  type Cluster,
  type ClusterProfile,
  type Visibility,
} from "@klastry/domain";
import { z } from "zod";
import type { ClusterRow } from "../entities/index.ts";
import {
  bytewise,
  withManager,
  readBoolean,
  readCount,
  readTimestamp,
  runSql,
  type Queryable,
} from "../sql.ts";
import { randomSuffix, slugify } from "../text.ts";
import { OFFICIAL_ANSWER_SQL } from "./regional-aggregates.ts";

export const PageRequestSchema = z
  .object({
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type PageRequest = z.input<typeof PageRequestSchema>;

interface ClusterDbRow {
  id: string;
  name: string;
  region: string;
  fictional: unknown;
  visibility: string;
  created_at: unknown;
}

const COLUMNS = "id, name, region, fictional, visibility, created_at";

/** A new cluster's id: the slug of its name plus a short random suffix, e.g. "klaster-lodz-k3f9qa". */
export function newClusterId(name: string): string {
  return `${slugify(name)}-${randomSuffix()}`;
}

export class ClusterRepository {
  constructor(private readonly target: Queryable) {}

  async findById(id: string, target: Queryable = this.target): Promise<Cluster | null> {
    const row = await withManager(target, (m) =>
      m.getRepository<ClusterRow>("cluster").findOneBy({ id }),
    );
    return row === null
      ? null
      : toCluster({
          id: row.id,
          name: row.name,
          region: row.region,
          fictional: row.fictional,
          visibility: row.visibility,
          created_at: row.createdAt,
        });
  }

  /**
   * One page of a region's clusters that its authority may see by name (visibility `named`),
   * ordered by id, that have an official answer (see OFFICIAL_ANSWER_SQL). Clusters seen only in
   * totals or not at all are never listed.
   */
  async listByRegion(
    region: string,
    page: PageRequest = {},
  ): Promise<{ items: Cluster[]; total: number }> {
    const code = parseOrThrow(RegionCodeSchema, region, "region");
    const p = parseOrThrow(PageRequestSchema, page, "page");
    // Named, and with an official answer: a self-registered cluster waits for a round's owner.
    const where = `region = :region AND visibility = 'named'
      AND id IN (SELECT a.cluster_id FROM assessment a WHERE ${OFFICIAL_ANSWER_SQL})`;
    const [count] = await runSql<{ total: unknown }>(
      this.target,
      `SELECT COUNT(*) AS total FROM cluster WHERE ${where}`,
      { region: code },
    );
    const rows = await runSql<ClusterDbRow>(
      this.target,
      `SELECT ${COLUMNS} FROM cluster WHERE ${where}
       ORDER BY id${bytewise(this.target)} LIMIT :limit OFFSET :offset`,
      { region: code, limit: p.pageSize, offset: (p.page - 1) * p.pageSize },
    );
    return { items: rows.map(toCluster), total: readCount(count?.total) };
  }

  /** The ids of the clusters whose coordinator agreed to be named. */
  async namedIds(): Promise<Set<string>> {
    const rows = await runSql<{ id: string }>(
      this.target,
      `SELECT id FROM cluster WHERE visibility = 'named'`,
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Sets whom the cluster's assessments are shown to; null when there is no such cluster. */
  async setVisibility(id: string, visibility: Visibility): Promise<Cluster | null> {
    const value = parseOrThrow(VisibilitySchema, visibility, "visibility");
    const rows = await runSql<ClusterDbRow>(
      this.target,
      `UPDATE cluster SET visibility = :visibility WHERE id = :id RETURNING ${COLUMNS}`,
      { id, visibility: value },
    );
    const row = rows[0];
    return row ? toCluster(row) : null;
  }

  /**
   * Creates the cluster described by a profile, or, when `id` names an existing one, updates its
   * name and region to the profile's. Without `id` a new id is made from the name. `visibility`
   * is the coordinator's latest choice; without one a new cluster is private and an existing one
   * keeps what was chosen before.
   */
  async upsertFromProfile(
    profile: Pick<ClusterProfile, "name" | "region">,
    options: { id?: string; fictional?: boolean; visibility?: Visibility } = {},
    target: Queryable = this.target,
  ): Promise<Cluster> {
    const id = options.id ?? newClusterId(profile.name);
    const visibility =
      options.visibility === undefined
        ? undefined
        : parseOrThrow(VisibilitySchema, options.visibility, "visibility");
    const rows = await runSql<ClusterDbRow>(
      target,
      `INSERT INTO cluster (id, name, region, fictional, visibility, created_at)
       VALUES (:id, :name, :region, :fictional, :visibility, :now)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, region = excluded.region${
         visibility === undefined ? "" : ", visibility = excluded.visibility"
       }
       RETURNING ${COLUMNS}`,
      {
        id,
        name: profile.name,
        region: profile.region,
        fictional: options.fictional ?? false,
        visibility: visibility ?? "private",
        now: new Date().toISOString(),
      },
    );
    const row = rows[0];
    if (!row) throw new Error(`cluster upsert of "${id}" returned no row`);
    return toCluster(row);
  }
}

function toCluster(row: ClusterDbRow): Cluster {
  return parseOrThrow(
    ClusterSchema,
    {
      id: row.id,
      name: row.name,
      region: row.region,
      fictional: readBoolean(row.fictional),
      visibility: row.visibility,
      createdAt: readTimestamp(row.created_at),
    },
    `cluster ${row.id}`,
  );
}
