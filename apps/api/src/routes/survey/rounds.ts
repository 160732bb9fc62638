/**
 * @module
 * Survey rounds: open, list, read and close them; import their invitations (one private token per
 * cluster, shown once) and follow them (status, response rate by region); moderate the
 * self-registered answers of their scope; and open an invitation with its token.
 */
import { toCsv } from "@klastry/domain";
import {
  newInvitationToken,
  invitationLink,
  readInvitationTokenHash,
} from "../../auth/invitation-token.ts";
import { challenge } from "../../auth/credentials.ts";
import type { RouteDeps } from "../../deps.ts";
import { ApiError } from "../../problems/api-error.ts";
import { problemLanguage } from "../../problems/on-error.ts";
import { createRouter } from "../router.ts";
import {
  closeRoundRoute,
  createRoundRoute,
  decideModerationRoute,
  getInvitationRoute,
  getRoundRoute,
  importInvitationsRoute,
  listInvitationsRoute,
  listModerationRoute,
  listRoundsRoute,
} from "./contracts.ts";
import { readInvitationCsv } from "./invitation-import.ts";
import {
  canSeeRound,
  decidedBy,
  manageRound,
  ownerOf,
  requireRoundReader,
  seeRound,
} from "./round-access.ts";
import { wantsCsv } from "../../csv.ts";

type Deps = Pick<RouteDeps, "db" | "keys">;

/** The invitation a request's `X-Invitation-Token` opens; 401 when it opens none. */
export async function openInvitation(deps: Pick<RouteDeps, "db">, hash: string) {
  const opened = await deps.db.survey.findInvitation(hash);
  if (opened === null)
    throw new ApiError(
      "UNAUTHENTICATED",
      "the invitation token is unknown; it opens no invitation",
      {
        headers: challenge("invalid_token"),
      },
    );
  if (opened.round.status !== "open")
    throw new ApiError(
      "CONFLICT",
      `the round "${opened.round.title}" is closed; it takes no more answers`,
    );
  return opened;
}

export function roundRoutes(deps: Deps) {
  const { db } = deps;
  return createRouter()
    .openapi(createRoundRoute, async (c) => {
      const input = c.req.valid("json");
      const principal = await requireRoundReader(c, deps.keys);
      const round = await db.survey.createRound(input, ownerOf(principal, input));
      c.header("Location", `/api/v1/rounds/${round.id}`);
      return c.json(round, 201);
    })
    .openapi(listRoundsRoute, async (c) => {
      const principal = await requireRoundReader(c, deps.keys);
      const rounds = await db.survey.listRounds(
        principal.kind === "region" ? { region: principal.region } : {},
      );
      return c.json({ items: rounds.filter((round) => canSeeRound(principal, round)) }, 200);
    })
    .openapi(getRoundRoute, async (c) => {
      const { id } = c.req.valid("param");
      const principal = await requireRoundReader(c, deps.keys);
      return c.json(seeRound(principal, await db.survey.getRound(id), id), 200);
    })
    .openapi(closeRoundRoute, async (c) => {
      const { id } = c.req.valid("param");
      const principal = await requireRoundReader(c, deps.keys);
      manageRound(principal, await db.survey.getRound(id), id);
      const closed = await db.survey.closeRound(id);
      if (closed === null) throw new ApiError("CONFLICT", `survey round "${id}" is already closed`);
      return c.json(closed, 200);
    })
    .openapi(importInvitationsRoute, async (c) => {
      const { id } = c.req.valid("param");
      const principal = await requireRoundReader(c, deps.keys);
      const round = manageRound(principal, await db.survey.getRound(id), id);
      if (round.status !== "open")
        throw new ApiError("CONFLICT", `survey round "${id}" is closed; it takes no invitations`);
      const type = c.req.header("content-type") ?? "";
      if (!/^text\/(csv|plain)\b/i.test(type))
        throw new ApiError(
          "UNSUPPORTED_MEDIA_TYPE",
          `send the list as text/csv (received ${type === "" ? "no Content-Type" : type})`,
        );
      const lines = readInvitationCsv(await c.req.text(), round, problemLanguage(c));
      const tokens = lines.map(() => newInvitationToken());
      const stored = await db.survey.importInvitations(
        round.id,
        lines.map((line, i) => ({ ...line, tokenHash: (tokens[i] as { hash: string }).hash })),
      );
      c.header("Cache-Control", "no-store");
      return c.json(
        {
          roundId: round.id,
          imported: stored.length,
          invitations: stored.map((invitation, i) => {
            const token = (tokens[i] as { token: string }).token;
            return { ...invitation, token, link: invitationLink(token) };
          }),
        },
        201,
      );
    })
    .openapi(listInvitationsRoute, async (c) => {
      const { id } = c.req.valid("param");
      const { page, pageSize } = c.req.valid("query");
      const principal = await requireRoundReader(c, deps.keys);
      const round = manageRound(principal, await db.survey.getRound(id), id);
      const rates = await db.survey.responseRates(round.id);
      c.header("Vary", "Accept", { append: true });
      c.header("Cache-Control", "private, no-store");
      if (wantsCsv(c.req.header("accept"))) {
        // The whole list for the owner's mail merge follow-up: every page at once.
        const all = await db.survey.listInvitations(round.id, { page: 1, pageSize: 200 });
        const items = [...all.items];
        for (let p = 2; (p - 1) * 200 < all.total; p += 1)
          items.push(
            ...(await db.survey.listInvitations(round.id, { page: p, pageSize: 200 })).items,
          );
        return c.body(
          toCsv(
            [
              "id",
              "clusterName",
              "region",
              "contact",
              "status",
              "invitedAt",
              "startedAt",
              "submittedAt",
            ],
            items.map((i) => [
              i.id,
              i.clusterName,
              i.region,
              i.contact,
              i.status,
              i.invitedAt,
              i.startedAt,
              i.submittedAt,
            ]),
          ),
          200,
          {
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": `attachment; filename="invitations-${round.id}.csv"`,
          },
        );
      }
      const found = await db.survey.listInvitations(round.id, {
        page,
        pageSize: Math.min(pageSize, 200),
      });
      return c.json(
        {
          round,
          items: found.items,
          total: found.total,
          page,
          pageSize,
          responseRate: rates.total,
          byRegion: rates.byRegion,
        },
        200,
      );
    })
    .openapi(listModerationRoute, async (c) => {
      const { id } = c.req.valid("param");
      const { page, pageSize } = c.req.valid("query");
      const principal = await requireRoundReader(c, deps.keys);
      const round = manageRound(principal, await db.survey.getRound(id), id);
      const found = await db.survey.pendingAnswers(round, {
        page,
        pageSize: Math.min(pageSize, 200),
      });
      c.header("Cache-Control", "private, no-store");
      return c.json({ round, items: found.items, total: found.total, page, pageSize }, 200);
    })
    .openapi(decideModerationRoute, async (c) => {
      const { id, assessmentId } = c.req.valid("param");
      const { decision } = c.req.valid("json");
      const principal = await requireRoundReader(c, deps.keys);
      const round = manageRound(principal, await db.survey.getRound(id), id);
      if (round.status !== "open")
        throw new ApiError("CONFLICT", `survey round "${id}" is closed; its figures are final`);
      const { decidedAt } = await db.survey.decide(
        round,
        assessmentId,
        decision,
        decidedBy(principal),
      );
      return c.json(
        { assessmentId: assessmentId.toLowerCase(), roundId: round.id, decision, decidedAt },
        200,
      );
    })
    .openapi(getInvitationRoute, async (c) => {
      const hash = readInvitationTokenHash(c);
      if (hash === undefined)
        throw new ApiError(
          "UNAUTHENTICATED",
          "send the invitation token as X-Invitation-Token: ki_...",
          {
            headers: challenge(),
          },
        );
      const { invitation, round } = await openInvitation(deps, hash);
      await db.survey.markStarted(invitation.id);
      c.header("Cache-Control", "private, no-store");
      return c.json(
        {
          round: {
            id: round.id,
            title: round.title,
            periodStart: round.periodStart,
            periodEnd: round.periodEnd,
            status: round.status,
            questionnaireVersion: round.questionnaireVersion,
          },
          clusterName: invitation.clusterName,
          region: invitation.region,
          status: invitation.status === "invited" ? ("started" as const) : invitation.status,
        },
        200,
      );
    });
}
