/**
 * @module
 * Pages of a region's latest assessments, cut in SQL (LIMIT/OFFSET over `latestIdsSql`, ordered
 * by cluster id bytewise) with the total counted in SQL, and the named clusters behind public-task
 * readiness rows: region routes never load every assessment of a region.
 */
import { RegionCodeSchema, parseOrThrow } from "@klastry/domain";
import { bytewise, dialectOf, readCount, runSql, type Queryable } from "../sql.ts";
import { loadAssessments, publicRecord, type AssessmentRecord } from "./assessment-rows.ts";
import { latestIdsSql, type RegionAudience } from "./regional-aggregates.ts";

/** One page of the latest assessment of each cluster of a region the audience may see. */
export async function latestPageByRegion(
  target: Queryable,
  region: string,
  audience: RegionAudience,
  page: { limit: number; offset: number },
): Promise<{ items: AssessmentRecord[]; total: number }> {
  const code = parseOrThrow(RegionCodeSchema, region, "region");
  const byCluster = `a.cluster_id${bytewise(target)}`;
  // One statement: the page's ids, each row carrying the total (the latest ranked once).
  const ids = await runSql<{ id: string; total: unknown }>(
    target,
    `WITH latest AS MATERIALIZED (${latestIdsSql(true, audience)})
     SELECT a.id, (SELECT COUNT(*) FROM latest) AS total
     FROM assessment a WHERE a.id IN (SELECT id FROM latest)
     ORDER BY ${byCluster} LIMIT :limit OFFSET :offset`,
    { region: code, limit: page.limit, offset: page.offset },
  );
  const total =
    ids[0] === undefined ? await countLatest(target, code, audience) : readCount(ids[0].total);
  if (ids.length === 0) return { items: [], total };
  const records = await loadAssessments(
    target,
    `a.id IN (:...ids)`,
    { ids: ids.map((row) => String(row.id)) },
    byCluster,
  );
  return { items: records.map(publicRecord), total };
}

async function countLatest(
  target: Queryable,
  region: string,
  audience: RegionAudience,
): Promise<number> {
  const [row] = await runSql<{ total: unknown }>(
    target,
    `SELECT COUNT(*) AS total FROM (${latestIdsSql(true, audience)}) latest`,
    { region },
  );
  return readCount(row?.total);
}

/** A named cluster whose latest assessment gives a readiness for a public task. */
export interface TaskCluster {
  task: string;
  readiness: string;
  id: string;
  name: string;
}

/**
 * The named clusters (latest assessment in the region) reporting each of `tasks`, ordered by
 * cluster id bytewise: the names listed beside public-task readiness counts.
 */
export async function namedTaskClusters(
  target: Queryable,
  region: string,
  tasks: readonly string[],
): Promise<TaskCluster[]> {
  const code = parseOrThrow(RegionCodeSchema, region, "region");
  if (tasks.length === 0) return [];
  // The name the assessment was made under, as the assessment itself shows it.
  const name =
    dialectOf(target) === "postgres"
      ? `a.cluster_snapshot->>'name'`
      : `json_extract(a.cluster_snapshot, '$.name')`;
  const rows = await runSql<{ task: string; readiness: string; cluster_id: string; name: string }>(
    target,
    `SELECT t.task, t.readiness, a.cluster_id, ${name} AS name
     FROM assessment_public_task t
     JOIN assessment a ON a.id = t.assessment_id
     WHERE t.task IN (:...tasks) AND t.assessment_id IN (${latestIdsSql(true, "named")})
     ORDER BY a.cluster_id${bytewise(target)}`,
    { region: code, tasks },
  );
  return rows.map((row) => ({
    task: row.task,
    readiness: row.readiness,
    id: row.cluster_id,
    name: row.name,
  }));
}
