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

/**
 * The latest answer of each cluster that belongs to the round `:round` (its invitations' answers
 * and the self-registered ones its owner accepted), with its region and date.
 */
function roundAnswersSql(): string {
  // Two sources side by side (UNION ALL), so each reads its own index: the round's invitations'
  // answers come from ix_assessment_round_answers alone (it covers every column read here).
  return `SELECT ranked.id, ranked.region, ranked.assessed_on FROM (
      SELECT u.id, u.region, u.assessed_on, ROW_NUMBER() OVER (
        PARTITION BY u.cluster_id ORDER BY u.assessed_on DESC, u.created_at DESC, u.id DESC
      ) AS rn
      FROM (
        SELECT x.id, x.region, x.assessed_on, x.created_at, x.cluster_id
          FROM assessment x WHERE x.round_id = :round
        UNION ALL
        SELECT a.id, a.region, a.assessed_on, a.created_at, a.cluster_id
          FROM assessment_review r JOIN assessment a ON a.id = r.assessment_id
          WHERE r.round_id = :round AND r.decision = 'accepted'
      ) u
      WHERE u.cluster_id IN (SELECT v.id FROM cluster v WHERE v.visibility IN ('named', 'anonymous'))
    ) ranked
    WHERE ranked.rn = 1`;
}

/** The latest official answer of each cluster a region may count (see latestIdsSql). */
function officialAnswersSql(): string {
  return `SELECT a.id, a.region, a.assessed_on FROM assessment a
    WHERE a.id IN (${latestIdsSql(false, "totals")})`;
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

/**
 * Every count of the national picture and the report for one set of answers, in one statement:
 * the set is computed once (a materialised CTE on both dialects) and each GROUP BY reads it
 * through the primary keys of the needs and public-task tables.
 */
export async function surveyCounts(target: Queryable, round: string | null): Promise<SurveyCounts> {
  const postgres = dialectOf(target) === "postgres";
  const day = (c: string) => (postgres ? `to_char(${c}, 'YYYY-MM-DD')` : c);
  const rows = await runSql<Record<string, unknown>>(
    target,
    `WITH ids AS MATERIALIZED (${round === null ? officialAnswersSql() : roundAnswersSql()})
     SELECT 'clusters' AS kind, i.region AS k1, '' AS k2, '' AS k3, COUNT(*) AS total
       FROM ids i GROUP BY i.region
     UNION ALL
     SELECT 'needs', i.region, n.actor, n.function, COUNT(*)
       FROM ids i JOIN assessment_need n ON n.assessment_id = i.id
       GROUP BY i.region, n.actor, n.function
     UNION ALL
     SELECT 'readiness', i.region, t.task, t.readiness, COUNT(*)
       FROM ids i JOIN assessment_public_task t ON t.assessment_id = i.id
       GROUP BY i.region, t.task, t.readiness
     UNION ALL
     SELECT 'actors', n.actor, '', '', COUNT(DISTINCT n.assessment_id)
       FROM ids i JOIN assessment_need n ON n.assessment_id = i.id GROUP BY n.actor
     UNION ALL
     SELECT 'functions', n.function, '', '', COUNT(DISTINCT n.assessment_id)
       FROM ids i JOIN assessment_need n ON n.assessment_id = i.id GROUP BY n.function
     UNION ALL
     SELECT 'dates', '', ${day("MIN(i.assessed_on)")}, ${day("MAX(i.assessed_on)")}, COUNT(*)
       FROM ids i`,
    { round },
  );
  const of = (kind: string) => rows.filter((row) => row.kind === kind);
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
  const dates = of("dates")[0];
  return {
    clusters: of("clusters").map((r) => ({
      region: r.k1 as RegionCode,
      count: readCount(r.total),
    })),
    needs: of("needs").map((r) => ({
      region: r.k1 as RegionCode,
      actor: r.k2 as ActorType,
      function: r.k3 as SupportFunction,
      count: readCount(r.total),
    })),
    readiness: of("readiness").map((r) => ({
      region: r.k1 as RegionCode,
      task: r.k2 as PublicTask,
      readiness: r.k3 as ReadinessLevel,
      count: readCount(r.total),
    })),
    actors: of("actors").map((r) => ({ actor: r.k1 as ActorType, count: readCount(r.total) })),
    functions: of("functions").map((r) => ({
      function: r.k1 as SupportFunction,
      count: readCount(r.total),
    })),
    firstAnswer: text(dates?.k2),
    lastAnswer: text(dates?.k3),
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
