/**
 * @module
 * What every error answer of the API must be: an RFC 9457 problem document whose `status`
 * equals the HTTP status, with our `code` and `issues` members.
 */
export const PROBLEM_MEDIA_TYPE = "application/problem+json";

/** Why `body` (with `contentType`) is not a problem document for `status`; null when it is. */
export function problemDefect(status: number, contentType: string, body: string): string | null {
  if (!contentType.startsWith(PROBLEM_MEDIA_TYPE))
    return `content-type is "${contentType}", not ${PROBLEM_MEDIA_TYPE}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `body is not JSON: ${body.slice(0, 200)}`;
  }
  const doc = parsed as Record<string, unknown>;
  if (typeof doc !== "object" || doc === null) return "body is not an object";
  for (const field of ["type", "title", "detail", "code"]) {
    if (typeof doc[field] !== "string") return `member "${field}" is missing or not a string`;
  }
  if (doc.status !== status)
    return `member "status" is ${String(doc.status)}, the response ${status}`;
  if (!Array.isArray(doc.issues)) return `member "issues" is not an array`;
  if (/\bat .+:\d+:\d+\)?/.test(body)) return "body carries a stack trace";
  return null;
}
