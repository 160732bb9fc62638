/**
 * @module
 * Reads the credential a request presents, without checking it against the database:
 * - an API key: `Authorization: Bearer kl_...`;
 * - an assessment access token: `Authorization: Bearer kt_...` or `X-Assessment-Token: kt_...`.
 * Only headers: a credential in the URL is refused (see middleware/no-credentials-in-url.ts).
 * A malformed credential is refused (401) rather than ignored, so a typo never looks like "no key".
 */
import type { Context } from "hono";
import { ApiError } from "../problems/api-error.ts";

export type Credential =
  | { kind: "none" }
  | { kind: "api-key"; secret: string }
  | { kind: "assessment-token"; secret: string };

/** "kl_" + 32 random bytes in base64url (43 characters), as the db's ApiKeyRepository makes them. */
const API_KEY = /^kl_[A-Za-z0-9_-]{43}$/;
/** "kt_" + 32 random bytes in base64url. */
export const ASSESSMENT_TOKEN = /^kt_[A-Za-z0-9_-]{43}$/;

/** RFC 6750 section 3: the challenge a 401 answer carries. */
export function challenge(error?: "invalid_token" | "invalid_request"): Record<string, string> {
  const value =
    error === undefined ? `Bearer realm="klastry"` : `Bearer realm="klastry", error="${error}"`;
  return { "www-authenticate": value };
}

function malformed(detail: string): ApiError {
  return new ApiError("UNAUTHENTICATED", detail, { headers: challenge("invalid_request") });
}

export function readCredential(c: Context): Credential {
  const authorization = c.req.header("authorization");
  const headerToken = c.req.header("x-assessment-token");
  if (authorization !== undefined) {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) {
      throw malformed("the Authorization header must be `Bearer <API key or assessment token>`");
    }
    const secret = match[1];
    if (API_KEY.test(secret)) return { kind: "api-key", secret };
    if (ASSESSMENT_TOKEN.test(secret)) return { kind: "assessment-token", secret };
    throw malformed(
      "the bearer credential is neither an API key (kl_...) nor an assessment token (kt_...)",
    );
  }
  if (headerToken !== undefined) {
    if (ASSESSMENT_TOKEN.test(headerToken))
      return { kind: "assessment-token", secret: headerToken };
    throw malformed(
      "the assessment token is malformed; it looks like kt_ followed by 43 characters",
    );
  }
  return { kind: "none" };
}
