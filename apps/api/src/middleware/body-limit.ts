/**
 * @module
 * The request-body limit (issue 15 item 4). A body over the limit gets a 413 problem with
 * `Connection: close`, and the rest of the body is read and dropped before the answer goes out:
 * closing a socket with unread bytes makes the kernel reset it (RFC 9112 section 9.6 asks servers
 * to avoid that), which clients saw as a socket error instead of the 413, and a pooled client's
 * next request failed on the dead connection. The drain is bounded in bytes and time; past
 * either, the answer goes out anyway and the connection is closed. A declared Content-Length over
 * the limit is judged without reading; a chunked body is read up to the limit and kept.
 */
import type { MiddlewareHandler } from "hono";
import { ApiError } from "../problems/api-error.ts";

export interface BodyLimitOptions {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Most bytes read and dropped from a refused body before answering; default 8 MiB. */
  drainBytes?: number;
  /** Longest wait for a refused body's rest; default 5 s. */
  drainMs?: number;
}

type Reader = ReadableStreamDefaultReader<Uint8Array>;

/** Reads and drops what is left of a body, until its end or a bound; true when it ended. */
async function drain(reader: Reader, maxBytes: number, maxMs: number): Promise<boolean> {
  let read = 0;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), maxMs);
  });
  const rest = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      read += value.byteLength;
      if (read > maxBytes) return false;
    }
  })().catch(() => false);
  try {
    return await Promise.race([rest, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * @example
 * app.use("/api/*", bodyLimit({ maxBytes: 256 * 1024 }));
 */
export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler {
  const { maxBytes } = options;
  const drainBytes = options.drainBytes ?? 8 * 1024 * 1024;
  const drainMs = options.drainMs ?? 5_000;
  const tooLarge = () =>
    new ApiError("PAYLOAD_TOO_LARGE", `the request body exceeds ${maxBytes} bytes`, {
      headers: { connection: "close" },
    });

  return async function limitBody(c, next) {
    // A GET or HEAD has no body; and asking for `c.req.raw.body` makes @hono/node-server build a
    // whole Request, a cost every request would pay: the headers decide first.
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      // Node's parser holds the body to exactly Content-Length bytes: the header can be trusted.
      const declared = Number(length);
      if (declared <= maxBytes) return next();
      const body = c.req.raw.body;
      if (body !== null && declared - maxBytes <= drainBytes) {
        await drain(body.getReader(), drainBytes, drainMs);
      }
      throw tooLarge();
    }
    const body = c.req.raw.body;
    if (body === null) return next();
    const reader: Reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await drain(reader, drainBytes, drainMs);
        throw tooLarge();
      }
      chunks.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks, size) });
    return next();
  };
}
