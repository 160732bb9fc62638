/**
 * @module
 * Who may do what. Keys are verified against the database on every request (by the hash of the
 * secret), so a revocation through any process takes effect at once in every other.
 *
 * Assessment tokens are checked the same way, by the hash of the token through an index, before
 * any assessment is read: a made-up token costs one lookup, whatever the cluster it names.
 *
 * | credential           | region routes of R | assessment A of cluster K in R  | rules routes |
 * |----------------------|--------------------|---------------------------------|--------------|
 * | none                 | 401                | 401                             | 401          |
 * | malformed/revoked    | 401                | 401                             | 401          |
 * | unknown/tampered     | 401                | 401                             | 401          |
 * | assessment token     | 403                | only A itself (and K's history) | 403          |
 * | key region:R      | yes                  | yes                            | 403          |
 * | key region:other  | 403                  | 403                            | 403          |
 * | key admin         | yes                  | yes                            | yes          |
 * | key national      | 403                  | 403                            | 403          |
 *
 * The `national` key (ministry, working group) reads the national picture and the survey
 * reports only; the survey routes' own table is in routes/survey/round-access.ts.
 */
import type { Context } from "hono";
import { RegionCodeSchema, type RegionCode } from "@klastry/domain";
import { ApiError } from "../problems/api-error.ts";
import { challenge, readCredential } from "./credentials.ts";

/** What a verified credential allows. */
export type Principal =
  | { kind: "admin"; keyId: string }
  | { kind: "national"; keyId: string }
  | { kind: "region"; keyId: string; region: RegionCode }
  | { kind: "assessment-token"; assessmentId: string; clusterId: string };

/** What access needs of the database: keys (the ApiKeyRepository) and assessment tokens. */
export interface KeyVerifier {
  verify(secret: string): Promise<{ id: string; role: string } | null>;
  /** The assessment a private-link token opens; null when the token opens none. */
  verifyAssessmentToken(token: string): Promise<{ assessmentId: string; clusterId: string } | null>;
}

function unauthenticated(detail: string, error?: "invalid_token"): ApiError {
  return new ApiError("UNAUTHENTICATED", detail, { headers: challenge(error) });
}

/** Verifies the request's credential; 401 when there is none or it is malformed or revoked. */
export async function authenticate(c: Context, keys: KeyVerifier): Promise<Principal> {
  const credential = readCredential(c);
  if (credential.kind === "none") {
    throw unauthenticated("this route needs an API key: send `Authorization: Bearer kl_...`");
  }
  if (credential.kind === "assessment-token") {
    const opened = await keys.verifyAssessmentToken(credential.secret);
    if (opened === null) {
      throw unauthenticated(
        "the assessment token is unknown; it opens no assessment",
        "invalid_token",
      );
    }
    return { kind: "assessment-token", ...opened };
  }
  const key = await keys.verify(credential.secret);
  if (key === null) throw unauthenticated("the API key is unknown or revoked", "invalid_token");
  if (key.role === "admin") return { kind: "admin", keyId: key.id };
  if (key.role === "national") return { kind: "national", keyId: key.id };
  const region = RegionCodeSchema.safeParse(key.role.replace(/^region:/, ""));
  if (!key.role.startsWith("region:") || !region.success) {
    throw unauthenticated("the API key has an unknown role", "invalid_token");
  }
  return { kind: "region", keyId: key.id, region: region.data };
}

/** True when the principal may read the confidential data of `region`. */
export function canReadRegion(principal: Principal, region: RegionCode): boolean {
  return principal.kind === "admin" || (principal.kind === "region" && principal.region === region);
}

function forbidden(principal: Principal, what: string): ApiError {
  const who =
    principal.kind === "region"
      ? `a key for region ${principal.region}`
      : principal.kind === "assessment-token"
        ? "an assessment token (it opens only its own assessment)"
        : "this key";
  return new ApiError("FORBIDDEN", `${who} may not access ${what}`);
}

/** Admin or a key of `region`, else 401/403. */
export async function requireRegion(
  c: Context,
  keys: KeyVerifier,
  region: RegionCode,
): Promise<Principal> {
  const principal = await authenticate(c, keys);
  if (!canReadRegion(principal, region)) throw forbidden(principal, `region ${region}`);
  return principal;
}

/** An admin key, else 401/403. */
export async function requireAdmin(c: Context, keys: KeyVerifier): Promise<Principal> {
  const principal = await authenticate(c, keys);
  if (principal.kind !== "admin")
    throw forbidden(principal, "the rule administration routes (admin key needed)");
  return principal;
}

export { forbidden };
