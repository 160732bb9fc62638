/**
 * @module
 * Assessments: APPEND-ONLY. There is no update and no delete here, and database triggers refuse
 * UPDATE and DELETE on `assessment`, `assessment_need` and `assessment_public_task` on both
 * dialects. Regional aggregates run in SQL (see regional-aggregates.ts).
 */
import { randomUUID, timingSafeEqual } from "node:crypto";
import {
  IsoDateSchema,
  RegionCodeSchema,
  parseOrThrow,
  todayInPoland,
  type AssessmentInput,
  type IsoDate,
  type RecommendationSet,
  type StoredAssessment,
  type Visibility,
} from "@klastry/domain";
import type { DataSource } from "typeorm";
import { DbError } from "../errors.ts";
import { bytewise, readCount, runSql } from "../sql.ts";
import { inTransaction } from "../sqlite-gate.ts";
import { hashSecret } from "./api-key-repository.ts";
import { recordSubmission } from "./survey-invitation-rows.ts";
import {
  insertAssessment,
  loadAssessments,
  nextCreatedAt,
  publicRecord,
  toStored,
  type AssessmentRecord,
  type LoadedRecord,
} from "./assessment-rows.ts";
import {
  PageRequestSchema,
  type ClusterRepository,
  type PageRequest,
} from "./cluster-repository.ts";
import { latestPageByRegion, namedTaskClusters, type TaskCluster } from "./region-pages.ts";
import {
  latestIdsSql,
  needsMatrix,
  type RegionAudience,
  publicTaskReadiness,
  type NeedsMatrix,
  type PublicTaskReadinessSummary,
} from "./regional-aggregates.ts";

export interface CreateAssessment {
  /** An existing cluster to add to; must exist. Falls back to `input.clusterId`. */
  clusterId?: string;
  /** Parsed answers: the edge that received them (HTTP, CLI, seed) parsed them once. */
  input: AssessmentInput;
  /** The day the assessment speaks for; default today in Poland. */
  assessedOn?: IsoDate;
  rulebookVersion?: string;
  /** The engine's own result, stored as it is (not parsed again: the engine made it). */
  recommendations?: RecommendationSet;
  /** sha256 of the private-link token (see `hashSecret`); the token itself is never stored. */
  accessTokenHash?: string;
  /**
   * The coordinator's choice of whom the cluster is shown to; absent keeps an existing cluster's
   * choice and makes a new cluster private.
   */
  visibility?: Visibility;
  /** The survey invitation the answer came through: it belongs to the round, not self-registered. */
  invitation?: { roundId: string; invitationId: string };
}

export class AssessmentRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clusters: ClusterRepository,
  ) {}

  /**
   * Stores a new assessment (never replacing one). Creates the cluster when no id is given;
   * otherwise the cluster must exist and takes the profile's name and region. Takes parsed answers
   * (the caller's edge parsed them); only the day is checked here.
   */
  async create(args: CreateAssessment): Promise<StoredAssessment> {
    const { input } = args;
    const assessedOn = parseOrThrow(
      IsoDateSchema,
      args.assessedOn ?? todayInPoland(),
      "assessedOn",
    );
    const recommendations = args.recommendations ?? null;
    const clusterId = args.clusterId ?? input.clusterId;
    return inTransaction(this.dataSource, async (tx) => {
      if (clusterId !== undefined && (await this.clusters.findById(clusterId, tx)) === null) {
        throw new DbError(
          "CLUSTER_NOT_FOUND",
          `cluster "${clusterId}" does not exist; leave clusterId out to register a new cluster`,
        );
      }
      const cluster = await this.clusters.upsertFromProfile(
        input.cluster,
        {
          ...(clusterId === undefined ? {} : { id: clusterId }),
          ...(args.visibility === undefined ? {} : { visibility: args.visibility }),
        },
        tx,
      );
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
        roundId: args.invitation?.roundId ?? null,
        invitationId: args.invitation?.invitationId ?? null,
      });
      if (args.invitation !== undefined)
        await recordSubmission(tx, args.invitation.invitationId, id, cluster.id, createdAt);
      return toStored({
        id,
        clusterId: cluster.id,
        createdAt,
        rulebookVersion: args.rulebookVersion ?? null,
        input,
      });
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

  /**
   * The assessment a private-link token opens, found by the token's sha256 through an index
   * (`ix_assessment_access_token`): one lookup, whatever the size of the cluster, and no
   * assessment is read for a token that opens none.
   */
  async findByAccessToken(
    token: string,
  ): Promise<{ assessmentId: string; clusterId: string; region: string } | null> {
    const [row] = await runSql<{ id: string; cluster_id: string; region: string }>(
      this.dataSource,
      `SELECT id, cluster_id, region FROM assessment WHERE access_token_hash = :hash`,
      { hash: hashSecret(token) },
    );
    return row === undefined
      ? null
      : { assessmentId: String(row.id), clusterId: row.cluster_id, region: row.region };
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
    const records = await this.load(
      `a.cluster_id = :clusterId`,
      { clusterId },
      `a.created_at, a.id`,
    );
    return records.map((record) => record.assessment);
  }

  /** One page of a cluster's history, oldest first, paged in SQL, and the history's length. */
  async historyPage(
    clusterId: string,
    page: PageRequest = {},
  ): Promise<{ items: StoredAssessment[]; total: number }> {
    const p = parseOrThrow(PageRequestSchema, page, "page");
    const [count] = await runSql<{ total: unknown }>(
      this.dataSource,
      `SELECT COUNT(*) AS total FROM assessment WHERE cluster_id = :clusterId`,
      { clusterId },
    );
    const total = readCount(count?.total);
    const offset = (p.page - 1) * p.pageSize;
    if (offset >= total) return { items: [], total };
    const records = await loadAssessments(
      this.dataSource,
      `a.cluster_id = :clusterId`,
      { clusterId },
      `a.created_at, a.id`,
      { limit: p.pageSize, offset },
    );
    return { items: records.map((record) => record.assessment), total };
  }

  /**
   * The latest assessment of every cluster of a region that its authority may see: by name
   * (`audience` "named", the default: lists and exports naming clusters) or also those counted
   * only in totals ("totals": aggregates that name no cluster). Private clusters never.
   */
  async latestByRegion(
    region: string,
    audience: RegionAudience = "named",
  ): Promise<AssessmentRecord[]> {
    const code = parseOrThrow(RegionCodeSchema, region, "region");
    return (
      await this.load(
        `a.id IN (${latestIdsSql(true, audience)})`,
        { region: code },
        this.byCluster(),
      )
    ).map(publicRecord);
  }

  /**
   * One page of `latestByRegion` (same order), cut in SQL, with the number of such assessments.
   */
  async latestPageByRegion(
    region: string,
    audience: RegionAudience,
    page: PageRequest = {},
  ): Promise<{ items: AssessmentRecord[]; total: number }> {
    const p = parseOrThrow(PageRequestSchema, page, "page");
    return latestPageByRegion(this.dataSource, region, audience, {
      limit: p.pageSize,
      offset: (p.page - 1) * p.pageSize,
    });
  }

  /** The assessments with these ids (unknown ids left out), by id. */
  async recordsByIds(ids: readonly string[]): Promise<AssessmentRecord[]> {
    if (ids.length === 0) return [];
    return (await this.load(`a.id IN (:...ids)`, { ids: [...ids] }, "a.id")).map(publicRecord);
  }

  /** Named clusters of a region reporting readiness for any of `tasks` (by cluster id). */
  async namedTaskClusters(region: string, tasks: readonly string[]): Promise<TaskCluster[]> {
    return namedTaskClusters(this.dataSource, region, tasks);
  }

  /**
   * The latest assessment of every cluster, ordered by cluster id (for impact analysis); with an
   * `audience`, only the clusters whose coordinator lets them be seen that way.
   */
  async latestAll(audience?: RegionAudience): Promise<AssessmentRecord[]> {
    return (
      await this.load(`a.id IN (${latestIdsSql(false, audience)})`, {}, this.byCluster())
    ).map(publicRecord);
  }

  /** Counts of needs by actor x function over the latest assessment of each cluster of the region. */
  async needsMatrix(region: string): Promise<NeedsMatrix> {
    return needsMatrix(this.dataSource, region);
  }

  /** Counts of clusters by public task x readiness over the latest assessment of each cluster. */
  async publicTaskReadiness(region: string): Promise<PublicTaskReadinessSummary> {
    return publicTaskReadiness(this.dataSource, region);
  }

  private byCluster(): string {
    return `a.cluster_id${bytewise(this.dataSource)}`;
  }

  private load(
    where: string,
    params: Record<string, unknown>,
    orderBy: string,
  ): Promise<LoadedRecord[]> {
    return loadAssessments(this.dataSource, where, params, orderBy);
  }
}
