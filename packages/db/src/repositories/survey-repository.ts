/**
 * @module
 * Survey rounds, their invitations and the moderation of self-registered answers. An invitation's
 * token is stored only as its sha256; the token itself is returned once by `importInvitations`.
 * Response rates are counted in SQL (GROUP BY region).
 */
import { randomUUID } from "node:crypto";
import {
  RoundInputSchema,
  parseOrThrow,
  type Invitation,
  type ModerationDecision,
  type ModerationItem,
  type RegionCode,
  type RegionResponseRate,
  type ResponseRate,
  type Round,
  type RoundInputRaw,
} from "@klastry/domain";
import type { DataSource } from "typeorm";
import { DbError } from "../errors.ts";
import { bytewise, dialectOf, readCount, readTimestamp, runSql } from "../sql.ts";
import { inTransaction } from "../sqlite-gate.ts";
import { PageRequestSchema, type PageRequest } from "./cluster-repository.ts";
import { acceptedCount, surveyCounts, type SurveyCounts } from "./survey-aggregates.ts";
import {
  INVITATION_COLUMNS,
  roundColumns,
  toInvitation,
  toRound,
} from "./survey-invitation-rows.ts";

/** One line of an imported list, already checked. */
export interface InvitationLine {
  clusterName: string;
  region: RegionCode;
  contact: string | null;
  /** sha256 of the invitation token (the caller made the token and shows it once). */
  tokenHash: string;
}

/** What an invitation token opens. */
export interface OpenedInvitation {
  invitation: Invitation;
  round: Round;
  clusterId: string | null;
}

/** Rows per INSERT when importing: well under SQLite's and PostgreSQL's parameter limits. */
const INSERT_BATCH = 200;

function rate(invited: number, submitted: number): number | null {
  return invited === 0 ? null : Math.round((submitted / invited) * 1000) / 10;
}

export class SurveyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The raw counts of a round's answers (or, with null, of every cluster's latest official one). */
  async counts(roundId: string | null): Promise<SurveyCounts> {
    return surveyCounts(this.dataSource, roundId);
  }

  /** Self-registered answers accepted into the round. */
  async acceptedCount(roundId: string): Promise<number> {
    return acceptedCount(this.dataSource, roundId);
  }

  /** Opens a round; `owner` is "admin" for a national round or "region:<code>" for a regional one. */
  async createRound(input: RoundInputRaw, owner: string): Promise<Round> {
    const round = parseOrThrow(RoundInputSchema, input, "round");
    const id = randomUUID();
    await runSql(
      this.dataSource,
      `INSERT INTO survey_round (id, title, period_start, period_end, scope, region,
         questionnaire_version, status, owner, created_at)
       VALUES (:id, :title, :start, :end, :scope, :region, :version, 'open', :owner, :now)`,
      {
        id,
        title: round.title,
        start: round.periodStart,
        end: round.periodEnd,
        scope: round.scope,
        region: round.region ?? null,
        version: round.questionnaireVersion,
        owner,
        now: new Date().toISOString(),
      },
    );
    return (await this.getRound(id)) as Round;
  }

  async getRound(id: string): Promise<Round | null> {
    if (!isUuid(id)) return null;
    const [row] = await runSql(
      this.dataSource,
      `SELECT ${roundColumns(this.dataSource)} FROM survey_round r WHERE r.id = :id`,
      { id: id.toLowerCase() },
    );
    return row === undefined ? null : toRound(row);
  }

  /** Rounds newest first; with `region`, the national ones and that region's. */
  async listRounds(filter: { region?: RegionCode } = {}): Promise<Round[]> {
    const rows = await runSql(
      this.dataSource,
      `SELECT ${roundColumns(this.dataSource)} FROM survey_round r
       ${filter.region === undefined ? "" : "WHERE r.scope = 'national' OR r.region = :region"}
       ORDER BY r.created_at DESC, r.id`,
      { region: filter.region ?? null },
    );
    return rows.map(toRound);
  }

  /** Closes an open round; null when it was already closed. */
  async closeRound(id: string): Promise<Round | null> {
    const rows = await runSql(
      this.dataSource,
      `UPDATE survey_round SET status = 'closed', closed_at = :now
       WHERE id = :id AND status = 'open' RETURNING id`,
      { id: id.toLowerCase(), now: new Date().toISOString() },
    );
    return rows.length === 0 ? null : this.getRound(id);
  }

  /** Stores every line in one transaction (all or nothing), in the order given. */
  async importInvitations(
    roundId: string,
    lines: readonly InvitationLine[],
  ): Promise<Invitation[]> {
    const now = new Date().toISOString();
    const ids = lines.map(() => randomUUID());
    await inTransaction(this.dataSource, async (tx) => {
      const [row] = await runSql<{ n: unknown }>(
        tx,
        `SELECT COUNT(*) AS n FROM survey_invitation WHERE round_id = :roundId`,
        { roundId },
      );
      const offset = readCount(row?.n);
      for (let start = 0; start < lines.length; start += INSERT_BATCH) {
        const batch = lines.slice(start, start + INSERT_BATCH);
        const params: Record<string, unknown> = { roundId, now };
        const values = batch.map((line, i) => {
          const n = start + i;
          params[`id${n}`] = ids[n];
          params[`pos${n}`] = offset + n;
          params[`name${n}`] = line.clusterName;
          params[`region${n}`] = line.region;
          params[`contact${n}`] = line.contact;
          params[`hash${n}`] = line.tokenHash;
          return `(:id${n}, :roundId, :pos${n}, :name${n}, :region${n}, :contact${n}, :hash${n}, 'invited', :now)`;
        });
        await runSql(
          tx,
          `INSERT INTO survey_invitation (id, round_id, position, cluster_name, region, contact,
             token_hash, status, invited_at) VALUES ${values.join(", ")}`,
          params,
        );
      }
    });
    return lines.map((line, n) => ({
      id: ids[n] as string,
      roundId,
      clusterName: line.clusterName,
      region: line.region,
      contact: line.contact,
      status: "invited",
      invitedAt: now,
      startedAt: null,
      submittedAt: null,
      assessmentId: null,
    }));
  }

  /** The invitation a token's hash opens, with its round; one indexed lookup. */
  async findInvitation(tokenHash: string): Promise<OpenedInvitation | null> {
    const [row] = await runSql(
      this.dataSource,
      `SELECT ${INVITATION_COLUMNS} FROM survey_invitation i WHERE i.token_hash = :tokenHash`,
      { tokenHash },
    );
    if (row === undefined) return null;
    const round = await this.getRound(String(row.round_id));
    if (round === null) return null;
    return {
      invitation: toInvitation(row),
      round,
      clusterId: typeof row.cluster_id === "string" ? row.cluster_id : null,
    };
  }

  /** Opening an invitation marks it started (once; a submitted one stays submitted). */
  async markStarted(invitationId: string): Promise<void> {
    await runSql(
      this.dataSource,
      `UPDATE survey_invitation SET status = 'started', started_at = :now
       WHERE id = :id AND status = 'invited'`,
      { id: invitationId, now: new Date().toISOString() },
    );
  }

  /** One page of a round's invitations, in import order. */
  async listInvitations(
    roundId: string,
    page: PageRequest = {},
  ): Promise<{ items: Invitation[]; total: number }> {
    const p = parseOrThrow(PageRequestSchema, page, "page");
    const [count] = await runSql<{ n: unknown }>(
      this.dataSource,
      `SELECT COUNT(*) AS n FROM survey_invitation WHERE round_id = :roundId`,
      { roundId },
    );
    const rows = await runSql(
      this.dataSource,
      `SELECT ${INVITATION_COLUMNS} FROM survey_invitation i WHERE i.round_id = :roundId
       ORDER BY i.position LIMIT :limit OFFSET :offset`,
      { roundId, limit: p.pageSize, offset: (p.page - 1) * p.pageSize },
    );
    return { items: rows.map(toInvitation), total: readCount(count?.n) };
  }

  /** Invited, started and submitted by region (GROUP BY in SQL), and the round's total. */
  async responseRates(
    roundId: string,
  ): Promise<{ total: ResponseRate; byRegion: RegionResponseRate[] }> {
    const rows = await runSql(
      this.dataSource,
      `SELECT region, COUNT(*) AS invited,
         SUM(CASE WHEN status <> 'invited' THEN 1 ELSE 0 END) AS started,
         SUM(CASE WHEN status = 'submitted' THEN 1 ELSE 0 END) AS submitted
       FROM survey_invitation WHERE round_id = :roundId
       GROUP BY region ORDER BY region${bytewise(this.dataSource)}`,
      { roundId },
    );
    const byRegion = rows.map((row) => {
      const invited = readCount(row.invited);
      const submitted = readCount(row.submitted);
      return {
        region: row.region as RegionCode,
        invited,
        started: readCount(row.started),
        submitted,
        rate: rate(invited, submitted),
      };
    });
    const sum = (key: "invited" | "started" | "submitted") =>
      byRegion.reduce((s, r) => s + r[key], 0);
    return {
      total: {
        invited: sum("invited"),
        started: sum("started"),
        submitted: sum("submitted"),
        rate: rate(sum("invited"), sum("submitted")),
      },
      byRegion,
    };
  }

  /**
   * Self-registered answers in the round's scope (its region, or all for a national round) that
   * no round has decided on yet, oldest first. The fictional samples are not waiting for anyone.
   */
  async pendingAnswers(
    round: Round,
    page: PageRequest = {},
  ): Promise<{ items: ModerationItem[]; total: number }> {
    const p = parseOrThrow(PageRequestSchema, page, "page");
    const postgres = dialectOf(this.dataSource) === "postgres";
    const where = `a.round_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM assessment_review r WHERE r.assessment_id = a.id)
      AND c.fictional = FALSE
      ${round.region === null ? "" : "AND a.region = :region"}`;
    const params = { region: round.region, limit: p.pageSize, offset: (p.page - 1) * p.pageSize };
    const [count] = await runSql<{ n: unknown }>(
      this.dataSource,
      `SELECT COUNT(*) AS n FROM assessment a JOIN cluster c ON c.id = a.cluster_id WHERE ${where}`,
      params,
    );
    const rows = await runSql(
      this.dataSource,
      `SELECT a.id, a.cluster_id, a.region, a.created_at,
         ${postgres ? "to_char(a.assessed_on, 'YYYY-MM-DD')" : "a.assessed_on"} AS assessed_on,
         c.name, c.visibility,
         (SELECT COUNT(*) FROM assessment_need n WHERE n.assessment_id = a.id) AS needs
       FROM assessment a JOIN cluster c ON c.id = a.cluster_id
       WHERE ${where}
       ORDER BY a.created_at, a.id LIMIT :limit OFFSET :offset`,
      params,
    );
    return {
      total: readCount(count?.n),
      items: rows.map((row) => ({
        assessmentId: String(row.id),
        clusterId: String(row.cluster_id),
        clusterName: row.visibility === "named" ? String(row.name) : null,
        region: row.region as RegionCode,
        assessedOn: String(row.assessed_on),
        createdAt: readTimestamp(row.created_at),
        needs: readCount(row.needs),
      })),
    };
  }

  /**
   * Records a round owner's decision on a self-registered answer in the round's scope; an
   * accepted one counts in official figures and in the round's. Refuses an answer that came
   * through a round, a fictional sample, one outside the scope, or one already decided.
   */
  async decide(
    round: Round,
    assessmentId: string,
    decision: ModerationDecision,
    decidedBy: string,
  ): Promise<{ decidedAt: string }> {
    if (!isUuid(assessmentId))
      throw new DbError("CLUSTER_NOT_FOUND", `no assessment "${assessmentId}"`);
    const decidedAt = new Date().toISOString();
    await inTransaction(this.dataSource, async (tx) => {
      const [row] = await runSql(
        tx,
        `SELECT a.round_id, a.region, c.fictional,
           (SELECT r.decision FROM assessment_review r WHERE r.assessment_id = a.id) AS decided
         FROM assessment a JOIN cluster c ON c.id = a.cluster_id WHERE a.id = :id`,
        { id: assessmentId.toLowerCase() },
      );
      if (row === undefined)
        throw new DbError("CLUSTER_NOT_FOUND", `no assessment "${assessmentId}"`);
      if (round.region !== null && row.region !== round.region)
        throw new DbError(
          "ARGUMENT_INVALID",
          `assessment "${assessmentId}" is of region ${String(row.region)}; this round covers region ${round.region} only`,
        );
      if (row.round_id !== null && row.round_id !== undefined)
        throw new DbError(
          "STATE_CONFLICT",
          `assessment "${assessmentId}" came through a round's invitation; it needs no decision`,
        );
      if (row.decided !== null && row.decided !== undefined)
        throw new DbError(
          "STATE_CONFLICT",
          `assessment "${assessmentId}" was already ${typeof row.decided === "string" ? row.decided : "decided"}`,
        );
      await runSql(
        tx,
        `INSERT INTO assessment_review (assessment_id, round_id, decision, decided_by, decided_at)
         VALUES (:id, :roundId, :decision, :decidedBy, :decidedAt)`,
        { id: assessmentId.toLowerCase(), roundId: round.id, decision, decidedBy, decidedAt },
      );
    });
    return { decidedAt };
  }
}

function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
