/**
 * @module
 * Regional aggregates computed in SQL over the latest assessment of each cluster, ranked with
 * ROW_NUMBER(), which SQLite (>= 3.25) and PostgreSQL share.
 */
import {
  RegionCodeSchema,
  parseOrThrow,
  type ActorType,
  type PublicTask,
  type ReadinessLevel,
  type SupportFunction,
} from "@klastry/domain";
import { readCount, runSql, type Queryable } from "../sql.ts";

export interface NeedsMatrixCell {
  actor: ActorType;
  function: SupportFunction;
  /** Clusters whose latest assessment reports this need. */
  count: number;
  byPriority: { 1: number; 2: number; 3: number };
}

export interface NeedsMatrix {
  region: string;
  /** Clusters of the region with at least one assessment. */
  clusters: number;
  cells: NeedsMatrixCell[];
}

export interface ReadinessCount {
  task: PublicTask;
  readiness: ReadinessLevel;
  count: number;
}

export interface PublicTaskReadinessSummary {
  region: string;
  clusters: number;
  rows: ReadinessCount[];
}

/**
 * Which clusters a region's authority may see, by the coordinators' choice (cluster.visibility):
 * `named` clusters by name (lists, per-cluster exports), `totals` adds those counted only in
 * anonymous totals (aggregates that name no cluster). Private clusters are in neither.
 */
export type RegionAudience = "named" | "totals";

const AUDIENCE_VISIBILITIES: Record<RegionAudience, string> = {
  named: "'named'",
  totals: "'named', 'anonymous'",
};

/**
 * The one place that says which answers are official (issue 14): answers given through a survey
 * round's invitation, self-registered answers a round's owner accepted, and the fictional sample
 * clusters shipped with the product. Every audience-scoped aggregate counts only these.
 */
function officialAnswerSql(clusterAlias?: string): string {
  // Probes per row (EXISTS on the review's key, the cluster row already at hand) rather than
  // IN-lists, which would list every accepted answer and every fictional cluster of the country.
  const fictional =
    clusterAlias === undefined
      ? "EXISTS (SELECT 1 FROM cluster f WHERE f.id = a.cluster_id AND f.fictional = TRUE)"
      : `${clusterAlias}.fictional = TRUE`;
  return `(a.round_id IS NOT NULL
  OR ${fictional}
  OR EXISTS (SELECT 1 FROM assessment_review r WHERE r.assessment_id = a.id AND r.decision = 'accepted'))`;
}
export const OFFICIAL_ANSWER_SQL = officialAnswerSql();

/**
 * The ids of the latest assessment of each cluster (latest assessed_on, then created_at, then
 * id), restricted to clusters with an assessment in `:region` when `byRegion`; the latest one
 * must itself lie in the region, so a cluster that moved counts only where it is now. With an
 * `audience`, only clusters whose coordinator lets the region see them (see RegionAudience),
 * and only official answers (OFFICIAL_ANSWER_SQL): the latest official one of each cluster.
 */
export function latestIdsSql(byRegion: boolean, audience?: RegionAudience): string {
  const filters = [
    byRegion
      ? "a.cluster_id IN (SELECT b.cluster_id FROM assessment b WHERE b.region = :region)"
      : "",
    // One probe of the cluster row answers both: may the region see it, and is the answer official.
    audience
      ? `EXISTS (SELECT 1 FROM cluster v WHERE v.id = a.cluster_id AND v.visibility IN (${AUDIENCE_VISIBILITIES[audience]}) AND ${officialAnswerSql("v")})`
      : "",
  ].filter((filter) => filter !== "");
  return `SELECT ranked.id FROM (
      SELECT a.id, a.region, ROW_NUMBER() OVER (
        PARTITION BY a.cluster_id ORDER BY a.assessed_on DESC, a.created_at DESC, a.id DESC
      ) AS rn
      FROM assessment a
      ${filters.length > 0 ? `WHERE ${filters.join(" AND ")}` : ""}
    ) ranked
    WHERE ranked.rn = 1${byRegion ? " AND ranked.region = :region" : ""}`;
}

/**
 * Counts of needs by actor x function over the latest assessment of each cluster of the region,
 * and the number of those clusters, in one statement (the latest assessments ranked once).
 */
export async function needsMatrix(target: Queryable, region: string): Promise<NeedsMatrix> {
  const code = parseOrThrow(RegionCodeSchema, region, "region");
  const rows = await runSql<Record<string, unknown>>(
    target,
    `WITH latest AS MATERIALIZED (${latestIdsSql(true, "totals")})
     SELECT n.actor, n.function, COUNT(*) AS total,
       SUM(CASE WHEN n.priority = 1 THEN 1 ELSE 0 END) AS p1,
       SUM(CASE WHEN n.priority = 2 THEN 1 ELSE 0 END) AS p2,
       SUM(CASE WHEN n.priority = 3 THEN 1 ELSE 0 END) AS p3
     FROM assessment_need n
     WHERE n.assessment_id IN (SELECT id FROM latest)
     GROUP BY n.actor, n.function
     UNION ALL
     SELECT NULL, NULL, COUNT(*), 0, 0, 0 FROM latest`,
    { region: code },
  );
  const [clusters, cells] = splitCount(rows, "actor");
  return {
    region: code,
    clusters,
    cells: cells
      .map((row) => ({
        actor: row.actor as ActorType,
        function: row.function as SupportFunction,
        count: readCount(row.total),
        byPriority: { 1: readCount(row.p1), 2: readCount(row.p2), 3: readCount(row.p3) },
      }))
      .sort((a, b) => compareCodes(a.actor, b.actor) || compareCodes(a.function, b.function)),
  };
}

/** Counts of clusters by public task x readiness over the latest assessment of each cluster. */
export async function publicTaskReadiness(
  target: Queryable,
  region: string,
): Promise<PublicTaskReadinessSummary> {
  const code = parseOrThrow(RegionCodeSchema, region, "region");
  const rows = await runSql<Record<string, unknown>>(
    target,
    `WITH latest AS MATERIALIZED (${latestIdsSql(true, "totals")})
     SELECT t.task, t.readiness, COUNT(*) AS total
     FROM assessment_public_task t
     WHERE t.assessment_id IN (SELECT id FROM latest)
     GROUP BY t.task, t.readiness
     UNION ALL
     SELECT NULL, NULL, COUNT(*) FROM latest`,
    { region: code },
  );
  const [clusters, counts] = splitCount(rows, "task");
  return {
    region: code,
    clusters,
    rows: counts
      .map((row) => ({
        task: row.task as PublicTask,
        readiness: row.readiness as ReadinessLevel,
        count: readCount(row.total),
      }))
      .sort((a, b) => compareCodes(a.task, b.task) || compareCodes(a.readiness, b.readiness)),
  };
}

/**
 * Splits the rows of a statement ending in `UNION ALL SELECT NULL, ..., COUNT(*) FROM latest`
 * into that count and the other rows.
 */
function splitCount(
  rows: Record<string, unknown>[],
  key: string,
): [number, Record<string, unknown>[]] {
  // `key` is NOT NULL in every data row: the NULL one is the count.
  const index = rows.findIndex((row) => row[key] === null);
  const count = index < 0 ? 0 : readCount(rows[index]?.total);
  return [count, rows.filter((_, i) => i !== index)];
}

/** Codes sort bytewise, as `bytewise` makes ORDER BY do (codes are ASCII slugs). */
function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
