/**
 * @module
 * Compression section of `npm run bench`: the bytes of one `POST /api/v1/recommendations` answer
 * (and of a catalogue page) as sent plain, with brotli and with gzip, read off the wire with
 * node:http (fetch would decompress them before we could count).
 */
import { request } from "node:http";

export interface WireAnswer {
  status: number;
  encoding: string | null;
  bytes: number;
}

export interface CompressionRow {
  request: string;
  plainBytes: number;
  brBytes: number;
  gzipBytes: number;
  /** plain / compressed. */
  brRatio: number;
  gzipRatio: number;
}

/** Sends one request and counts the body bytes as they arrive, still encoded. */
export function onTheWire(
  url: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<WireAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? "GET", headers: init.headers }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.byteLength));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: res.headers["content-encoding"] ?? null,
          bytes,
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

async function row(
  label: string,
  url: string,
  init: { method?: string; body?: string; headers?: Record<string, string> },
): Promise<CompressionRow> {
  const send = (acceptEncoding?: string) =>
    onTheWire(url, {
      ...init,
      headers: {
        ...init.headers,
        ...(acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding }),
      },
    });
  const [plain, br, gzip] = [await send(), await send("br"), await send("gzip")];
  for (const [answer, expected] of [
    [plain, null],
    [br, "br"],
    [gzip, "gzip"],
  ] as const) {
    if (answer.status !== 200 || answer.encoding !== expected)
      throw new Error(
        `${label}: answered ${answer.status} ${answer.encoding}, not 200 ${expected}`,
      );
  }
  return {
    request: label,
    plainBytes: plain.bytes,
    brBytes: br.bytes,
    gzipBytes: gzip.bytes,
    brRatio: plain.bytes / br.bytes,
    gzipRatio: plain.bytes / gzip.bytes,
  };
}

/** One recommendation set and one catalogue page, each plain, br and gzip. */
export async function runCompressionBench(
  baseUrl: string,
  assessmentJson: string,
): Promise<CompressionRow[]> {
  return [
    await row("POST /api/v1/recommendations", `${baseUrl}/api/v1/recommendations?date=2026-11-29`, {
      method: "POST",
      body: assessmentJson,
      headers: { "content-type": "application/json" },
    }),
    await row(
      "GET /api/v1/instruments?pageSize=50",
      `${baseUrl}/api/v1/instruments?pageSize=50`,
      {},
    ),
  ];
}
