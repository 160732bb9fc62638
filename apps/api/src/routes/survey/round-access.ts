/**
 * @module
 * Who may do what with a survey round:
 *
 * | credential        | open a round           | see a round, its report     | manage it (invitations, moderation, close) | national picture |
 * |-------------------|------------------------|-----------------------------|--------------------------------------------|------------------|
 * | admin key         | national or regional   | every round                 | every round                                | yes              |
 * | national key      | no                     | every round                 | no                                         | yes              |
 * | key region:R      | regional, of R only    | national rounds and R's     | R's own rounds                             | no               |
 * | assessment token  | no                     | no                          | no                                         | no               |
 */
import type { Context } from "hono";
import type { Round, RoundInput } from "@klastry/domain";
import { authenticate, forbidden, type KeyVerifier, type Principal } from "../../auth/access.ts";
import { ApiError } from "../../problems/api-error.ts";

/** The owner a new round gets: "admin", or "region:<code>" for a region's key. */
export function ownerOf(principal: Principal, round: RoundInput): string {
  if (principal.kind === "admin") return "admin";
  if (
    principal.kind === "region" &&
    round.scope === "regional" &&
    round.region === principal.region
  )
    return `region:${principal.region}`;
  throw forbidden(
    principal,
    round.scope === "national"
      ? "opening a national round (an admin key is needed)"
      : `opening a round for region ${round.region ?? "?"} (a key of that region or an admin key is needed)`,
  );
}

/** A key that may see rounds at all (not an assessment token). */
export async function requireRoundReader(c: Context, keys: KeyVerifier): Promise<Principal> {
  const principal = await authenticate(c, keys);
  if (principal.kind === "assessment-token") throw forbidden(principal, "survey rounds");
  return principal;
}

export function canSeeRound(principal: Principal, round: Round): boolean {
  if (principal.kind === "admin" || principal.kind === "national") return true;
  return (
    principal.kind === "region" && (round.scope === "national" || round.region === principal.region)
  );
}

export function canManageRound(principal: Principal, round: Round): boolean {
  return (
    principal.kind === "admin" ||
    (principal.kind === "region" && round.owner === `region:${principal.region}`)
  );
}

/** The round, when the principal may see it; 404 for an unknown id, 403 otherwise. */
export function seeRound(principal: Principal, round: Round | null, id: string): Round {
  if (round === null) throw new ApiError("NOT_FOUND", `no survey round "${id}"`);
  if (!canSeeRound(principal, round)) throw forbidden(principal, `survey round "${id}"`);
  return round;
}

/** The round, when the principal owns it (or is admin). */
export function manageRound(principal: Principal, round: Round | null, id: string): Round {
  const seen = seeRound(principal, round, id);
  if (!canManageRound(principal, seen))
    throw forbidden(
      principal,
      `managing survey round "${id}" (only its owner, ${seen.owner}, or an admin key)`,
    );
  return seen;
}

/** The report of a round: admin, national, and the round's owner. */
export function readReport(principal: Principal, round: Round | null, id: string): Round {
  const seen = seeRound(principal, round, id);
  if (principal.kind === "region" && !canManageRound(principal, seen))
    throw forbidden(
      principal,
      `the report of survey round "${id}" (its owner, national or admin keys)`,
    );
  return seen;
}

/** The national picture: national and admin keys. */
export async function requireNational(c: Context, keys: KeyVerifier): Promise<Principal> {
  const principal = await authenticate(c, keys);
  if (principal.kind !== "admin" && principal.kind !== "national")
    throw forbidden(principal, "the national picture (a national or admin key is needed)");
  return principal;
}

/** Who decided, as stored with a moderation decision: the key's id, never its secret. */
export function decidedBy(principal: Principal): string {
  return "keyId" in principal ? `key:${principal.keyId}` : principal.kind;
}
