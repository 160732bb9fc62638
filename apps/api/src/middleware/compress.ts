/**
 * @module
 * Compresses answers with brotli or gzip when the client accepts them: a recommendation set is
 * 33-53 KB of JSON and about a tenth of that compressed. Text types only (JSON, problem
 * documents, CSV, HTML, scripts), from 1 KB up. Web assets arrive already compressed (written at
 * build time, picked by serve-static); this middleware leaves those alone and compresses only
 * what no file exists for. The work runs on libuv's thread pool, off the event loop.
 */
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { MiddlewareHandler } from "hono";
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/compress";

export type Encoding = "br" | "gzip";

/** Smaller bodies fit in a packet or two; compressing them saves nothing worth the CPU. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/** Statuses that never carry a body (RFC 9110 sections 15.3.5, 15.3.6 and 15.4.5) or a partial one. */
const NO_WHOLE_BODY = new Set([101, 103, 204, 205, 206, 304]);

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Picks the coding for an `Accept-Encoding` header (RFC 9110 section 12.5.3): the highest
 * q-value among br and gzip, br on a tie; `q=0` refuses a coding; `*` stands for any coding the
 * header does not name. No header, or nothing acceptable: undefined (send as is).
 *
 * @example
 * negotiateEncoding("gzip, deflate, br"); // "br"
 * negotiateEncoding("br;q=0.5, gzip");    // "gzip"
 */
export function negotiateEncoding(header: string | undefined): Encoding | undefined {
  if (header === undefined || header === "") return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.split(";").map((piece) => piece.trim());
    if (name === "") continue;
    const q = params.find((param) => /^q=/i.test(param));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name.toLowerCase(), Number.isFinite(weight) ? weight : 0);
  }
  const wildcard = weights.get("*") ?? 0;
  const weightOf = (coding: Encoding) => weights.get(coding) ?? wildcard;
  const best = weightOf("br") >= weightOf("gzip") ? "br" : "gzip";
  return weightOf(best) > 0 ? best : undefined;
}

/** Compresses `body` with `encoding`; brotli at quality 5, the usual setting for dynamic answers. */
export async function compressBody(
  body: Uint8Array,
  encoding: Encoding,
): Promise<Uint8Array<ArrayBuffer>> {
  const compressed = await (encoding === "br"
    ? brotliAsync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      })
    : gzipAsync(body));
  // A copy (a few kilobytes) typed as a plain ArrayBuffer view, which every Response accepts.
  return new Uint8Array(compressed);
}

/** Appends Accept-Encoding to Vary once: caches must keep the compressed and plain answers apart. */
function varyOnAcceptEncoding(headers: Headers): void {
  const vary = headers.get("vary");
  if (vary === null) headers.set("vary", "Accept-Encoding");
  else if (vary !== "*" && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))
    headers.set("vary", `${vary}, Accept-Encoding`);
}

/**
 * The middleware: after the handler, compresses a text answer of 1 KB or more with the coding
 * the client prefers, and marks every text answer `Vary: Accept-Encoding`.
 *
 * @example
 * app.use(compress());
 */
export function compress(): MiddlewareHandler {
  return async function compress(c, next) {
    await next();
    const res = c.res;
    // Only headers and status are read until we compress: on @hono/node-server, touching
    // `res.body` turns its cheap string answer into a web stream, a cost every request would pay.
    if (c.req.method === "HEAD" || NO_WHOLE_BODY.has(res.status)) return;
    const type = res.headers.get("content-type");
    if (type === null || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) return;
    // RFC 9111 section 5.2.2.6: no-transform forbids changing the content coding.
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get("cache-control") ?? "")) return;
    varyOnAcceptEncoding(res.headers);
    if (res.headers.has("content-encoding")) return;
    const encoding = negotiateEncoding(c.req.header("accept-encoding"));
    if (encoding === undefined) return;
    const declared = res.headers.get("content-length");
    if (declared !== null && Number(declared) < COMPRESS_THRESHOLD_BYTES) return;
    const body = new Uint8Array(await res.arrayBuffer());
    if (body.byteLength < COMPRESS_THRESHOLD_BYTES) {
      c.res = new Response(body, res);
      return;
    }
    const compressed = await compressBody(body, encoding);
    c.res = new Response(compressed, res);
    // Hono copies the old answer's headers onto the new one: set ours after the assignment.
    c.res.headers.set("content-encoding", encoding);
    c.res.headers.set("content-length", String(compressed.byteLength));
    // The compressed bytes differ from the plain ones: a strong validator would claim they are
    // the same (RFC 9110 section 8.8.1); If-None-Match compares weakly, so 304s keep working.
    const etag = c.res.headers.get("etag");
    if (etag !== null && !etag.startsWith("W/")) c.res.headers.set("etag", `W/${etag}`);
  };
}
