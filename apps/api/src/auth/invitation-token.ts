/**
 * @module
 * Survey invitation tokens: `ki_` + 32 random bytes, shown once when a round's owner imports the
 * list, stored only as their sha256 (the db's `hashSecret`), and accepted only in the
 * `X-Invitation-Token` header (never in a URL: the private link carries it in the fragment, which
 * browsers do not send). Like keys, never logged.
 */
import { randomBytes } from "node:crypto";
import type { Context } from "hono";
import { hashSecret } from "@klastry/db";
import { ApiError } from "../problems/api-error.ts";
import { challenge } from "./credentials.ts";

export const INVITATION_HEADER = "x-invitation-token";
const INVITATION_TOKEN = /^ki_[A-Za-z0-9_-]{43}$/;

export function newInvitationToken(): { token: string; hash: string } {
  const token = `ki_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashSecret(token) };
}

/** The hash of the invitation token the request carries; undefined when it carries none. */
export function readInvitationTokenHash(c: Context): string | undefined {
  const token = c.req.header(INVITATION_HEADER);
  if (token === undefined) return undefined;
  if (!INVITATION_TOKEN.test(token)) {
    throw new ApiError(
      "UNAUTHENTICATED",
      "the invitation token is malformed; it looks like ki_ followed by 43 characters",
      { headers: challenge("invalid_request") },
    );
  }
  return hashSecret(token);
}

/** The invitation link a cluster gets: the answer page, with the token in the fragment. */
export function invitationLink(token: string): string {
  return `/survey/answer#${token}`;
}
