/**
 * @module
 * The verdict on one answer to a hostile request: never a 5xx; an error is a problem document
 * whose status matches; a success is JSON (or CSV when asked for) of the documented shape.
 */
import type { RawRequest, RawResponse } from "../support/http.ts";
import { matchOperation, type Operation, type ResponseValidator } from "../support/openapi.ts";
import { problemDefect } from "../support/problems.ts";

/** Why the answer is wrong; null when it is acceptable. */
export function judge(
  req: RawRequest,
  res: RawResponse,
  operations: Operation[],
  validator: ResponseValidator,
): string | null {
  if (res.status >= 500) return `server error ${res.status}: ${res.text().slice(0, 300)}`;
  if (res.status < 200) return `unexpected status ${res.status}`;
  const type = res.contentType();
  if (req.method === "HEAD") return null;
  if (req.method === "OPTIONS")
    return res.status === 204 || res.status === 200 || res.status === 404
      ? null
      : `OPTIONS answered ${res.status}`;
  // The server resolves dot segments as URLs do ("/api/.." is "/"); outside /api the web app
  // answers, and no path may climb out of its folder.
  const path = new URL(req.path, "http://server").pathname;
  if (path !== "/api" && !path.startsWith("/api/"))
    return /root:.*:0:0:/.test(res.text()) ? "path traversal served a system file" : null;
  if (res.status >= 400) return problemDefect(res.status, type, res.text());
  if (res.status >= 300) return `unexpected redirect or not-modified ${res.status}`;
  const op = matchOperation(operations, req.method, path);
  if (op === undefined) {
    // The API docs: Swagger UI's page, its start-up script and its files.
    return path === "/api/docs" || path.startsWith("/api/docs/")
      ? null
      : `2xx ${res.status} from no documented route`;
  }
  if (type.startsWith("text/csv")) {
    return /text\/csv/i.test(req.headers?.accept ?? "")
      ? null
      : "CSV answered without Accept: text/csv";
  }
  if (!type.startsWith("application/json")) return `2xx with content-type "${type}"`;
  let body: unknown;
  try {
    body = JSON.parse(res.text());
  } catch {
    return "2xx body is not JSON";
  }
  const defect = validator.check(op, res.status, "application/json", body);
  return defect === null ? null : `2xx body does not match the documented schema: ${defect}`;
}
