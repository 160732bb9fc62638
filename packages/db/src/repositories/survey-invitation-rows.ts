/**
 * @module
 * Rows of the survey tables read back as domain types, and the one write an answer makes to its
 * invitation (inside the assessment's own transaction, so the two never disagree).
 */
import { InvitationSchema, RoundSchema, type Invitation, type Round } from "@klastry/domain";
import { dialectOf, readOptionalTimestamp, readTimestamp, runSql, type Queryable } from "../sql.ts";

/** The columns of `survey_round` as the domain's Round reads them (dates as YYYY-MM-DD). */
export function roundColumns(target: Queryable, alias = "r"): string {
  const date = (column: string) =>
    dialectOf(target) === "postgres"
      ? `to_char(${alias}.${column}, 'YYYY-MM-DD') AS ${column}`
      : `${alias}.${column}`;
  return `${alias}.id, ${alias}.title, ${date("period_start")}, ${date("period_end")}, ${alias}.scope,
    ${alias}.region, ${alias}.questionnaire_version, ${alias}.status, ${alias}.owner,
    ${alias}.created_at, ${alias}.closed_at`;
}

export function toRound(row: Record<string, unknown>): Round {
  return RoundSchema.parse({
    id: String(row.id),
    title: row.title,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    scope: row.scope,
    region: row.region ?? null,
    questionnaireVersion: row.questionnaire_version,
    status: row.status,
    owner: row.owner,
    createdAt: readTimestamp(row.created_at),
    closedAt: readOptionalTimestamp(row.closed_at),
  });
}

export const INVITATION_COLUMNS = `i.id, i.round_id, i.cluster_name, i.region, i.contact, i.status,
  i.invited_at, i.started_at, i.submitted_at, i.assessment_id, i.cluster_id`;

export function toInvitation(row: Record<string, unknown>): Invitation {
  return InvitationSchema.parse({
    id: String(row.id),
    roundId: String(row.round_id),
    clusterName: row.cluster_name,
    region: row.region,
    contact: row.contact ?? null,
    status: row.status,
    invitedAt: readTimestamp(row.invited_at),
    startedAt: readOptionalTimestamp(row.started_at),
    submittedAt: readOptionalTimestamp(row.submitted_at),
    assessmentId: typeof row.assessment_id === "string" ? row.assessment_id : null,
  });
}

/** Marks an invitation submitted by the assessment just stored (started too, if it was not). */
export async function recordSubmission(
  tx: Queryable,
  invitationId: string,
  assessmentId: string,
  clusterId: string,
  at: string,
): Promise<void> {
  await runSql(
    tx,
    `UPDATE survey_invitation SET status = 'submitted', submitted_at = :at,
       started_at = COALESCE(started_at, :at), assessment_id = :assessmentId, cluster_id = :clusterId
     WHERE id = :invitationId`,
    { invitationId, assessmentId, clusterId, at },
  );
}
