/**
 * @module
 * Private access tokens of stored assessments: `kt_` + 32 random bytes, shown once in the answer
 * to POST /assessments; the database keeps only their sha256 (the db's `hashSecret`).
 */
import { randomBytes } from "node:crypto";
import { hashSecret } from "@klastry/db";

export function newAssessmentToken(): { token: string; hash: string } {
  const token = `kt_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashSecret(token) };
}
