/**
 * @module
 * The national aggregates of the needs survey, computed in SQL (GROUP BY, both dialects) over one
 * set of answers: the latest answer of each cluster within a round (its invitations' answers and
 * the self-registered ones its owner accepted), or, without a round, the latest official answer
 * of each cluster (latestIdsSql). Clusters whose coordinator keeps them private are never counted.
 * Counts are raw here; the API hides small cells (protectCells of @klastry/domain) before
 * anything leaves.
 */
import type {
  ActorType,
  PublicTask,
  ReadinessLevel,
  RegionCode,
  SupportFunction,
} from "@klastry/domain";
import { dialectOf, readCount, runSql, type Queryable } from "../sql.ts";
import { latestIdsSql } from "./regional-aggregates.ts";

/** The latest answer of each cluster that belongs to the round `:round`. */
function roundIdsSql(): string {
  return `SELECT ranked.id FROM (
      SELECT a.id, ROW_NUMBER() OVER (
        PARTITION BY a.cluster_id ORDER BY a.assessed_on DESC, a.created_at DESC, a.id DESC
      ) AS rn
      FROM assessment a
      WHERE (a.round_id = :round
        OR a.id IN (SELECT r.assessment_id FROM assessment_review r
                    WHERE r.round_id = :round AND r.decision = 'accepted'))
        AND a.cluster_id IN (SELECT v.id FROM cluster v WHERE v.visibility IN ('named', 'anonymous'))
    ) ranked
    WHERE ranked.rn = 1`;
}

export interface SurveyCounts {
  clusters: { region: RegionCode; count: number }[];
  needs: { region: RegionCode; actor: ActorType; function: SupportFunction; count: number }[];
  readiness: { region: RegionCode; task: PublicTask; readiness: ReadinessLevel; count: number }[];
  /** Clusters with at least one need of the actor, Poland-wide. */
  actors: { actor: ActorType; count: number }[];
  /** Clusters with at least one need of the function, Poland-wide. */
  functions: { function: SupportFunction; count: number }[];
  firstAnswer: string | null;
  lastAnswer: string | null;
}

/** Every count of the national picture and the report for one set of answers. */
export async function surveyCounts(target: Queryable, round: string | null): Promise<SurveyCounts> {
  const ids = round === null ? latestIdsSql(false, "totals") : roundIdsSql();
  const params = { round };
  const run = (sql: string) => runSql(target, sql, params);
  const assessedOn =
    dialectOf(target) === "postgres"
      ? (c: string) => `to_char(${c}, 'YYYY-MM-DD')`
      : (c: string) => c;
  // One pass over the answer set: materialise it once per query through the same subquery.
  const [clusters, needs, readiness, actors, functions, dates] = [
    await run(
      `SELECT a.region, COUNT(*) AS total FROM assessment a
       WHERE a.id IN (${ids}) GROUP BY a.region`,
    ),
    await run(
      `SELECT a.region, n.actor, n.function, COUNT(*) AS total
       FROM assessment_need n JOIN assessment a ON a.id = n.assessment_id
       WHERE a.id IN (${ids}) GROUP BY a.region, n.actor, n.function`,
    ),
    await run(
      `SELECT a.region, t.task, t.readiness, COUNT(*) AS total
       FROM assessment_public_task t JOIN assessment a ON a.id = t.assessment_id
       WHERE a.id IN (${ids}) GROUP BY a.region, t.task, t.readiness`,
    ),
    await run(
      `SELECT n.actor, COUNT(DISTINCT n.assessment_id) AS total FROM assessment_need n
       WHERE n.assessment_id IN (${ids}) GROUP BY n.actor`,
    ),
    await run(
      `SELECT n.function, COUNT(DISTINCT n.assessment_id) AS total FROM assessment_need n
       WHERE n.assessment_id IN (${ids}) GROUP BY n.function`,
    ),
    await run(
      `SELECT ${assessedOn("MIN(a.assessed_on)")} AS first, ${assessedOn("MAX(a.assessed_on)")} AS last
       FROM assessment a WHERE a.id IN (${ids})`,
    ),
  ];
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return {
    clusters: clusters.map((r) => ({ region: r.region as RegionCode, count: readCount(r.total) })),
    needs: needs.map((r) => ({
      region: r.region as RegionCode,
      actor: r.actor as ActorType,
      function: r.function as SupportFunction,
      count: readCount(r.total),
    })),
    readiness: readiness.map((r) => ({
      region: r.region as RegionCode,
      task: r.task as PublicTask,
      readiness: r.readiness as ReadinessLevel,
      count: readCount(r.total),
    })),
    actors: actors.map((r) => ({ actor: r.actor as ActorType, count: readCount(r.total) })),
    functions: functions.map((r) => ({
      function: r.function as SupportFunction,
      count: readCount(r.total),
    })),
    firstAnswer: text(dates[0]?.first),
    lastAnswer: text(dates[0]?.last),
  };
}

/** Self-registered answers the round's owner accepted into it. */
export async function acceptedCount(target: Queryable, round: string): Promise<number> {
  const [row] = await runSql<{ total: unknown }>(
    target,
    `SELECT COUNT(*) AS total FROM assessment_review WHERE round_id = :round AND decision = 'accepted'`,
    { round },
  );
  return readCount(row?.total);
}
