/**
 * @module
 * Assessment rows: writing one assessment with its needs and public tasks (used by the repository
 * and by the seed), and reading assessments back, re-validated with the domain schemas.
 */
import {
  RecommendationSetSchema,
  StoredAssessmentSchema,
  parseOrThrow,
  type AssessmentInput,
  type IsoDate,
  type RecommendationSet,
  type StoredAssessment,
} from "@klastry/domain";
import {
  dialectOf,
  readBoolean,
  readJson,
  readTimestamp,
  runSql,
  writeJson,
  type Queryable,
} from "../sql.ts";

/**
 * An assessment with what the domain's StoredAssessment leaves out. The access-token hash never
 * leaves the repository: `matchesAccessToken` compares it.
 */
export interface AssessmentRecord {
  assessment: StoredAssessment;
  assessedOn: IsoDate;
  region: string;
  /**
   * The recommendations made when the assessment was stored; null when none were stored, or when
   * they were stored in an earlier format of the product (the API re-evaluates on request).
   */
  recommendations: RecommendationSet | null;
  /** Whether a private-link token was stored with the assessment. */
  hasAccessToken: boolean;
}

export interface LoadedRecord extends AssessmentRecord {
  accessTokenHash: string | null;
}

export function publicRecord({
  accessTokenHash: _hash,
  ...record
}: LoadedRecord): AssessmentRecord {
  return record;
}

interface AssessmentDbRow {
  id: string;
  cluster_id: string;
  region: string;
  created_at: unknown;
  assessed_on: string;
  cluster_snapshot: unknown;
  profile: unknown;
  own_contribution: unknown;
  rulebook_version: string | null;
  recommendations: unknown;
  access_token_hash: string | null;
  needs_answered: unknown;
  public_tasks_answered: unknown;
}

/**
 * The columns read back. The date is formatted explicitly on PostgreSQL: a plain cast to text
 * follows the server's DateStyle, which need not be ISO.
 */
function assessmentColumns(target: Queryable): string {
  const assessedOn =
    dialectOf(target) === "postgres" ? `to_char(a.assessed_on, 'YYYY-MM-DD')` : "a.assessed_on";
  return `a.id, a.cluster_id, a.region, a.created_at, ${assessedOn} AS assessed_on, a.cluster_snapshot,
    a.profile, a.own_contribution, a.rulebook_version, a.recommendations, a.access_token_hash,
    a.needs_answered, a.public_tasks_answered`;
}

/**
 * Loads assessments matching `where` (alias `a`) with their needs and public tasks (three
 * queries); with `page`, only that slice of the ordered rows, and only its needs and tasks.
 */
export async function loadAssessments(
  target: Queryable,
  where: string,
  params: Record<string, unknown>,
  orderBy: string,
  page?: { limit: number; offset: number },
): Promise<LoadedRecord[]> {
  const limit = page === undefined ? "" : " LIMIT :pageLimit OFFSET :pageOffset";
  const bound =
    page === undefined ? params : { ...params, pageLimit: page.limit, pageOffset: page.offset };
  const rows = await runSql<AssessmentDbRow>(
    target,
    `SELECT ${assessmentColumns(target)} FROM assessment a WHERE ${where} ORDER BY ${orderBy}${limit}`,
    bound,
  );
  if (rows.length === 0) return [];
  const ids = `SELECT a.id FROM assessment a WHERE ${where}${page === undefined ? "" : ` ORDER BY ${orderBy}${limit}`}`;
  const needs = await runSql<{
    assessment_id: string;
    actor: string;
    function: string;
    priority: unknown;
  }>(
    target,
    `SELECT assessment_id, actor, function, priority FROM assessment_need
     WHERE assessment_id IN (${ids}) ORDER BY assessment_id, position`,
    bound,
  );
  const tasks = await runSql<{ assessment_id: string; task: string; readiness: string }>(
    target,
    `SELECT assessment_id, task, readiness FROM assessment_public_task
     WHERE assessment_id IN (${ids}) ORDER BY assessment_id, position`,
    bound,
  );
  const needsOf = groupBy(needs, (n) => ({
    actor: n.actor,
    function: n.function,
    priority: Number(n.priority),
  }));
  const tasksOf = groupBy(tasks, (t) => ({ task: t.task, readiness: t.readiness }));
  return rows.map((row) => ({
    assessment: parseOrThrow(
      StoredAssessmentSchema,
      {
        id: row.id,
        clusterId: row.cluster_id,
        createdAt: readTimestamp(row.created_at),
        ...(row.rulebook_version === null ? {} : { rulebookVersion: row.rulebook_version }),
        cluster: readJson(row.cluster_snapshot),
        profile: readJson(row.profile),
        // An unanswered list is absent; an answered one is a list, possibly empty ("none").
        ...(readBoolean(row.needs_answered) && { needs: needsOf.get(row.id) ?? [] }),
        ...(readBoolean(row.public_tasks_answered) && { publicTasks: tasksOf.get(row.id) ?? [] }),
        ownContribution: readJson(row.own_contribution),
      },
      `assessment ${row.id}`,
    ),
    assessedOn: row.assessed_on,
    region: row.region,
    recommendations: storedRecommendations(row.recommendations),
    hasAccessToken: row.access_token_hash !== null,
    accessTokenHash: row.access_token_hash,
  }));
}

/** The stored set when it still reads as today's format; an older one is history, not data. */
function storedRecommendations(value: unknown): RecommendationSet | null {
  if (value === null) return null;
  const parsed = RecommendationSetSchema.safeParse(readJson(value));
  return parsed.success ? parsed.data : null;
}

function groupBy<Row extends { assessment_id: string }, Out>(
  rows: Row[],
  map: (row: Row) => Out,
): Map<string, Out[]> {
  const out = new Map<string, Out[]>();
  for (const row of rows) {
    const list = out.get(row.assessment_id) ?? [];
    list.push(map(row));
    out.set(row.assessment_id, list);
  }
  return out;
}

/**
 * Now, or 1 ms after the cluster's newest assessment when the clock has not moved on, so that a
 * cluster's history orders by created_at exactly as it was written.
 */
export async function nextCreatedAt(tx: Queryable, clusterId: string): Promise<string> {
  const [row] = await runSql<{ newest: unknown }>(
    tx,
    `SELECT MAX(created_at) AS newest FROM assessment WHERE cluster_id = :clusterId`,
    { clusterId },
  );
  const now = Date.now();
  if (row?.newest === null || row?.newest === undefined) return new Date(now).toISOString();
  const newest = Date.parse(readTimestamp(row.newest));
  return new Date(Math.max(now, newest + 1)).toISOString();
}

export interface AssessmentInsert {
  id: string;
  clusterId: string;
  createdAt: string;
  assessedOn: IsoDate;
  input: Pick<AssessmentInput, "cluster" | "profile" | "needs" | "publicTasks" | "ownContribution">;
  rulebookVersion: string | null;
  recommendations: RecommendationSet | null;
  accessTokenHash: string | null;
  /** The survey round and invitation an answer came through; absent: self-registered. */
  roundId?: string | null;
  invitationId?: string | null;
}

/** Inserts one assessment row with its needs and public tasks (used by create and by the seed). */
export async function insertAssessment(tx: Queryable, row: AssessmentInsert): Promise<void> {
  await runSql(
    tx,
    `INSERT INTO assessment (id, cluster_id, region, created_at, assessed_on, cluster_snapshot, profile,
       own_contribution, rulebook_version, recommendations, access_token_hash, needs_answered,
       public_tasks_answered, round_id, invitation_id)
     VALUES (:id, :clusterId, :region, :createdAt, :assessedOn, :cluster, :profile,
       :ownContribution, :rulebookVersion, :recommendations, :accessTokenHash, :needsAnswered,
       :publicTasksAnswered, :roundId, :invitationId)`,
    {
      id: row.id,
      clusterId: row.clusterId,
      region: row.input.cluster.region,
      createdAt: row.createdAt,
      assessedOn: row.assessedOn,
      cluster: writeJson(row.input.cluster),
      profile: writeJson(row.input.profile),
      ownContribution: writeJson(row.input.ownContribution),
      rulebookVersion: row.rulebookVersion,
      recommendations: writeJson(row.recommendations),
      accessTokenHash: row.accessTokenHash,
      needsAnswered: row.input.needs !== undefined,
      publicTasksAnswered: row.input.publicTasks !== undefined,
      roundId: row.roundId ?? null,
      invitationId: row.invitationId ?? null,
    },
  );
  for (const [position, need] of (row.input.needs ?? []).entries()) {
    await runSql(
      tx,
      `INSERT INTO assessment_need (assessment_id, position, actor, function, priority)
       VALUES (:id, :position, :actor, :function, :priority)`,
      { id: row.id, position, actor: need.actor, function: need.function, priority: need.priority },
    );
  }
  for (const [position, entry] of (row.input.publicTasks ?? []).entries()) {
    await runSql(
      tx,
      `INSERT INTO assessment_public_task (assessment_id, position, task, readiness)
       VALUES (:id, :position, :task, :readiness)`,
      { id: row.id, position, task: entry.task, readiness: entry.readiness },
    );
  }
}

export function toStored(args: {
  id: string;
  clusterId: string;
  createdAt: string;
  rulebookVersion: string | null;
  input: AssessmentInput;
}): StoredAssessment {
  return StoredAssessmentSchema.parse({
    id: args.id,
    clusterId: args.clusterId,
    createdAt: args.createdAt,
    ...(args.rulebookVersion === null ? {} : { rulebookVersion: args.rulebookVersion }),
    cluster: args.input.cluster,
    profile: args.input.profile,
    ...(args.input.needs !== undefined && { needs: args.input.needs }),
    ...(args.input.publicTasks !== undefined && { publicTasks: args.input.publicTasks }),
    ownContribution: args.input.ownContribution,
  });
}
