/**
 * @module
 * A raw HTTP client for hostile requests: node:http sends the path and header values as latin1
 * bytes unchanged, so invalid UTF-8 reaches the server as it is (fetch would re-encode it), and
 * any method, header or body bytes can be sent.
 */
import { Agent, request } from "node:http";

export interface RawRequest {
  method: string;
  /** Path and query, sent byte for byte (characters U+0021..U+00FF). */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text(): string;
  contentType(): string;
}

/**
 * One connection per request: a server that answers early (413) or refuses a request closes the
 * connection, and a kept-alive socket reused at that moment would fail with ECONNRESET.
 */
const agent = new Agent({ keepAlive: false, maxSockets: 16 });

/** Sends one request to `base` (http://host:port) and reads the whole answer. */
export function send(base: string, req: RawRequest, timeoutMs = 30_000): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const body =
      req.body === undefined
        ? undefined
        : Buffer.isBuffer(req.body)
          ? req.body
          : Buffer.from(req.body);
    const outgoing = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        headers: {
          ...req.headers,
          ...(body === undefined ? {} : { "content-length": String(body.length) }),
        },
        timeout: timeoutMs,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () => {
          const data = Buffer.concat(chunks);
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: data,
            text: () => data.toString("utf8"),
            contentType: () => String(incoming.headers["content-type"] ?? ""),
          });
        });
      },
    );
    outgoing.on("timeout", () =>
      outgoing.destroy(new Error(`no answer to ${req.method} ${req.path} in ${timeoutMs} ms`)),
    );
    outgoing.on("error", reject);
    // A server may answer (413) and close before reading a large body; the answer still counts.
    if (body !== undefined) outgoing.write(body, () => undefined);
    outgoing.end();
  });
}

/**
 * Percent-encodes the UTF-8 bytes of `text` (a lone surrogate becomes U+FFFD's bytes, where
 * encodeURIComponent would throw); unreserved characters stay (RFC 3986 section 2.3).
 */
export function percentEncode(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(char)
      ? char
      : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Percent-encodes what node:http refuses in a path (controls, space, non-latin1), keeps the rest. */
export function rawPathText(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out += code > 0x20 && code <= 0xff && char !== "#" ? char : percentEncode(char);
  }
  return out;
}

/** Keeps what node:http accepts in a header value (tab, visible ASCII, latin1). */
export function headerText(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 9 || (code >= 0x20 && code <= 0x7e) || (code >= 0x80 && code <= 0xff)) out += char;
  }
  return out;
}
