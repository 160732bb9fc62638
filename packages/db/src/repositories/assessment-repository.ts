/**
 * @module
 * Assessments: APPEND-ONLY. There is no update and no delete here, and database triggers refuse
 * UPDATE and DELETE on `assessment`, `assessment_need` and `assessment_public_task` on both
 * dialects. Regional aggregates (needs matrix, public-task readiness) run in SQL over the latest
 * assessment of each cluster, ranked with ROW_NUMBER(), which SQLite (>= 3.25) and PostgreSQL share.
 */
import { randomUUID, timingSafeEqual } from "node:crypto";
import {
  AssessmentInputSchema,
  IsoDateSchema,
  RecommendationSetSchema,
  RegionCodeSchema,
  StoredAssessmentSchema,
  parseOrThrow,
  todayInPoland,
  type ActorType,
  type AssessmentInput,
  type AssessmentInputRaw,
  type IsoDate,
  type PublicTask,
  type ReadinessLevel,
  type RecommendationSet,
  type StoredAssessment,
  type SupportFunction,
} from "@klastry/domain";
import type { DataSource } from "typeorm";
import { DbError } from "../errors.ts";
import {
  bytewise,
  readCount,
  readJson,
  readTimestamp,
  runSql,
  writeJson,
  type Queryable,
} from "../sql.ts";
import { hashSecret } from "./api-key-repository.ts";
import type { ClusterRepository } from "./cluster-repository.ts";

export interface CreateAssessment {
  /** An existing cluster to add to; must exist. Falls back to `input.clusterId`. */
  clusterId?: string;
  input: AssessmentInputRaw | AssessmentInput;
  /** The day the assessment speaks for; default today in Poland. */
  assessedOn?: IsoDate;
  rulebookVersion?: string;
  recommendations?: RecommendationSet;
  /** sha256 of the private-link token (see `hashSecret`); the token itself is never stored. */
  accessTokenHash?: string;
}

/**
 * An assessment with what the domain's StoredAssessment leaves out. The access-token hash never
 * leaves the repository: `matchesAccessToken` compares it.
 */
export interface AssessmentRecord {
  assessment: StoredAssessment;
  assessedOn: IsoDate;
  region: string;
  recommendations: RecommendationSet | null;
  /** Whether a private-link token was stored with the assessment. */
  hasAccessToken: boolean;
}

interface LoadedRecord extends AssessmentRecord {
  accessTokenHash: string | null;
}

function publicRecord({ accessTokenHash: _hash, ...record }: LoadedRecord): AssessmentRecord {
  return record;
}

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
}

/**
 * The ids of the latest assessment of each cluster (latest assessed_on, then created_at, then
 * id), restricted to clusters with an assessment in `:region` when `byRegion`; the latest one
 * must itself lie in the region, so a cluster that moved counts only where it is now.
 */
function latestIdsSql(byRegion: boolean): string {
  return `SELECT ranked.id FROM (
      SELECT a.id, a.region, ROW_NUMBER() OVER (
        PARTITION BY a.cluster_id ORDER BY a.assessed_on DESC, a.created_at DESC, a.id DESC
      ) AS rn
      FROM assessment a
      ${byRegion ? "WHERE a.cluster_id IN (SELECT b.cluster_id FROM assessment b WHERE b.region = :region)" : ""}
    ) ranked
    WHERE ranked.rn = 1${byRegion ? " AND ranked.region = :region" : ""}`;
}

const ASSESSMENT_COLUMNS = `a.id, a.cluster_id, a.region, a.created_at, CAST(a.assessed_on AS TEXT) AS assessed_on,
  a.cluster_snapshot, a.profile, a.own_contribution, a.rulebook_version, a.recommendations,
  a.access_token_hash`;

export class AssessmentRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clusters: ClusterRepository,
  ) {}

  /**
   * Stores a new assessment (never replacing one). Creates the cluster when no id is given;
   * otherwise the cluster must exist and takes the profile's name and region.
   */
  async create(args: CreateAssessment): Promise<StoredAssessment> {
    const input = parseOrThrow(AssessmentInputSchema, args.input, "assessment");
    const assessedOn = parseOrThrow(IsoDateSchema, args.assessedOn ?? todayInPoland(), "assessedOn");
    const recommendations =
      args.recommendations === undefined
        ? null
        : parseOrThrow(RecommendationSetSchema, args.recommendations, "recommendations");
    const clusterId = args.clusterId ?? input.clusterId;
    return this.dataSource.transaction(async (tx) => {
      if (clusterId !== undefined && (await this.clusters.findById(clusterId, tx)) === null) {
        throw new DbError("CLUSTER_NOT_FOUND", `cluster "${clusterId}" does not exist; leave clusterId out to register a new cluster`);
      }
      const cluster = await this.clusters.upsertFromProfile(input.cluster, clusterId === undefined ? {} : { id: clusterId }, tx);
      const id = randomUUID();
      const createdAt = await nextCreatedAt(tx, cluster.id);
      await insertAssessment(tx, {
        id,
        clusterId: cluster.id,
        createdAt,
        assessedOn,
        input,
        rulebookVersion: args.rulebookVersion ?? null,
        recommendations,
        accessTokenHash: args.accessTokenHash ?? null,
      });
      return toStored({ id, clusterId: cluster.id, createdAt, rulebookVersion: args.rulebookVersion ?? null, input });
    });
  }

  async getById(id: string): Promise<StoredAssessment | null> {
    return (await this.getRecord(id))?.assessment ?? null;
  }

  /** The assessment with its date, region, recommendations and access-token hash. */
  async getRecord(id: string): Promise<AssessmentRecord | null> {
    const record = await this.loadOne(id);
    return record ? publicRecord(record) : null;
  }

  /** True when `token` is the private-link token the assessment was stored with (constant time). */
  async matchesAccessToken(id: string, token: string): Promise<boolean> {
    const record = await this.loadOne(id);
    if (!record?.accessTokenHash) return false;
    const expected = Buffer.from(record.accessTokenHash, "hex");
    const actual = Buffer.from(hashSecret(token), "hex");
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  private async loadOne(id: string): Promise<LoadedRecord | null> {
    // A malformed id cannot exist; PostgreSQL would refuse to compare it with a uuid column.
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
    const [record] = await this.load(`a.id = :id`, { id: id.toLowerCase() }, "a.id");
    return record ?? null;
  }

  /** A cluster's history, oldest first. */
  async listByCluster(clusterId: string): Promise<StoredAssessment[]> {
    const records = await this.load(`a.cluster_id = :clusterId`, { clusterId }, `a.created_at, a.id`);
    return records.map((record) => record.assessment);
  }

  /** The latest assessment of every cluster of a region, ordered by cluster id. */
  async latestByRegion(region: string): Promise<AssessmentRecord[]> {
    const code = parseOrThrow(RegionCodeSchema, region, "region");
    return (await this.load(`a.id IN (${latestIdsSql(true)})`, { region: code }, this.byCluster())).map(publicRecord);
  }

  /** The latest assessment of every cluster, ordered by cluster id (for impact analysis). */
  async latestAll(): Promise<AssessmentRecord[]> {
    return (await this.load(`a.id IN (${latestIdsSql(false)})`, {}, this.byCluster())).map(publicRecord);
  }

  /** Counts of needs by actor x function over the latest assessment of each cluster of the region. */
  async needsMatrix(region: string): Promise<NeedsMatrix> {
    const code = parseOrThrow(RegionCodeSchema, region, "region");
    const c = bytewise(this.dataSource);
    const rows = await runSql<Record<string, unknown>>(
      this.dataSource,
      `SELECT n.actor, n.function, COUNT(*) AS total,
         SUM(CASE WHEN n.priority = 1 THEN 1 ELSE 0 END) AS p1,
         SUM(CASE WHEN n.priority = 2 THEN 1 ELSE 0 END) AS p2,
         SUM(CASE WHEN n.priority = 3 THEN 1 ELSE 0 END) AS p3
       FROM assessment_need n
       WHERE n.assessment_id IN (${latestIdsSql(true)})
       GROUP BY n.actor, n.function
       ORDER BY n.actor${c}, n.function${c}`,
      { region: code },
    );
    return {
      region: code,
      clusters: await this.countLatest(code),
      cells: rows.map((row) => ({
        actor: row.actor as ActorType,
        function: row.function as SupportFunction,
        count: readCount(row.total),
        byPriority: { 1: readCount(row.p1), 2: readCount(row.p2), 3: readCount(row.p3) },
      })),
    };
  }

  /** Counts of clusters by public task x readiness over the latest assessment of each cluster. */
  async publicTaskReadiness(region: string): Promise<PublicTaskReadinessSummary> {
    const code = parseOrThrow(RegionCodeSchema, region, "region");
    const c = bytewise(this.dataSource);
    const rows = await runSql<Record<string, unknown>>(
      this.dataSource,
      `SELECT t.task, t.readiness, COUNT(*) AS total
       FROM assessment_public_task t
       WHERE t.assessment_id IN (${latestIdsSql(true)})
       GROUP BY t.task, t.readiness
       ORDER BY t.task${c}, t.readiness${c}`,
      { region: code },
    );
    return {
      region: code,
      clusters: await this.countLatest(code),
      rows: rows.map((row) => ({
        task: row.task as PublicTask,
        readiness: row.readiness as ReadinessLevel,
        count: readCount(row.total),
      })),
    };
  }

  private byCluster(): string {
    return `a.cluster_id${bytewise(this.dataSource)}`;
  }

  private async countLatest(region: string): Promise<number> {
    const [row] = await runSql<{ total: unknown }>(
      this.dataSource,
      `SELECT COUNT(*) AS total FROM (${latestIdsSql(true)}) latest`,
      { region },
    );
    return readCount(row?.total);
  }

  /** Loads assessments matching `where` with their needs and public tasks (three queries). */
  private async load(where: string, params: Record<string, unknown>, orderBy: string): Promise<LoadedRecord[]> {
    const rows = await runSql<AssessmentDbRow>(
      this.dataSource,
      `SELECT ${ASSESSMENT_COLUMNS} FROM assessment a WHERE ${where} ORDER BY ${orderBy}`,
      params,
    );
    if (rows.length === 0) return [];
    const ids = `SELECT a.id FROM assessment a WHERE ${where}`;
    const needs = await runSql<{ assessment_id: string; actor: string; function: string; priority: unknown }>(
      this.dataSource,
      `SELECT assessment_id, actor, function, priority FROM assessment_need
       WHERE assessment_id IN (${ids}) ORDER BY assessment_id, position`,
      params,
    );
    const tasks = await runSql<{ assessment_id: string; task: string; readiness: string }>(
      this.dataSource,
      `SELECT assessment_id, task, readiness FROM assessment_public_task
       WHERE assessment_id IN (${ids}) ORDER BY assessment_id, position`,
      params,
    );
    const needsOf = groupBy(needs, (n) => ({ actor: n.actor, function: n.function, priority: Number(n.priority) }));
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
          needs: needsOf.get(row.id) ?? [],
          publicTasks: tasksOf.get(row.id) ?? [],
          ownContribution: readJson(row.own_contribution),
        },
        `assessment ${row.id}`,
      ),
      assessedOn: row.assessed_on,
      region: row.region,
      recommendations:
        row.recommendations === null
          ? null
          : parseOrThrow(RecommendationSetSchema, readJson(row.recommendations), `assessment ${row.id} recommendations`),
      hasAccessToken: row.access_token_hash !== null,
      accessTokenHash: row.access_token_hash,
    }));
  }
}

function groupBy<Row extends { assessment_id: string }, Out>(rows: Row[], map: (row: Row) => Out): Map<string, Out[]> {
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
async function nextCreatedAt(tx: Queryable, clusterId: string): Promise<string> {
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
}

/** Inserts one assessment row with its needs and public tasks (used by create and by the seed). */
export async function insertAssessment(tx: Queryable, row: AssessmentInsert): Promise<void> {
  await runSql(
    tx,
    `INSERT INTO assessment (id, cluster_id, region, created_at, assessed_on, cluster_snapshot, profile,
       own_contribution, rulebook_version, recommendations, access_token_hash)
     VALUES (:id, :clusterId, :region, :createdAt, :assessedOn, :cluster, :profile,
       :ownContribution, :rulebookVersion, :recommendations, :accessTokenHash)`,
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
    },
  );
  for (const [position, need] of row.input.needs.entries()) {
    await runSql(
      tx,
      `INSERT INTO assessment_need (assessment_id, position, actor, function, priority)
       VALUES (:id, :position, :actor, :function, :priority)`,
      { id: row.id, position, actor: need.actor, function: need.function, priority: need.priority },
    );
  }
  for (const [position, entry] of row.input.publicTasks.entries()) {
    await runSql(
      tx,
      `INSERT INTO assessment_public_task (assessment_id, position, task, readiness)
       VALUES (:id, :position, :task, :readiness)`,
      { id: row.id, position, task: entry.task, readiness: entry.readiness },
    );
  }
}

function toStored(args: {
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
    needs: args.input.needs,
    publicTasks: args.input.publicTasks,
    ownContribution: args.input.ownContribution,
  });
}
