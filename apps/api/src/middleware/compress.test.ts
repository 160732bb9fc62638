import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { COMPRESS_THRESHOLD_BYTES, compress, negotiateEncoding } from "./compress.ts";

describe("negotiateEncoding", () => {
  it.each([
    ["gzip, deflate, br, zstd", "br"],
    ["gzip, deflate", "gzip"],
    ["br;q=0.5, gzip", "gzip"],
    ["br;q=0, gzip;q=0.1", "gzip"],
    ["BR", "br"],
    ["*", "br"],
    ["gzip;q=0.2, *;q=0.5", "br"],
  ])("picks the preferred coding of %j: %s", (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });

  it.each([[undefined], [""], ["identity"], ["deflate"], ["br;q=0, gzip;q=0"], ["*;q=0"]])(
    "sends the body as is for %j",
    (header) => {
      expect(negotiateEncoding(header)).toBeUndefined();
    },
  );
});

/** An app answering a large JSON body, a small one, and variations of headers. */
function appWith() {
  const large = {
    items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `instrument ${i}` })),
  };
  const app = new Hono();
  app.use(compress());
  app.get("/large", (c) => {
    c.header("etag", '"v1"');
    return c.json(large);
  });
  app.get("/small", (c) => c.json({ status: "ok" }));
  app.get("/no-transform", (c) => {
    c.header("cache-control", "no-transform");
    return c.json(large);
  });
  app.get("/image", (c) => c.body(new Uint8Array(4096), 200, { "content-type": "image/png" }));
  app.get("/csv", (c) => c.body("a,b\n".repeat(1000), 200, { "content-type": "text/csv" }));
  return { app, large };
}

describe("compress", () => {
  const { app, large } = appWith();

  it("compresses a large JSON answer with brotli when the client accepts it", async () => {
    const res = await app.request("/large", { headers: { "accept-encoding": "gzip, br" } });
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Number(res.headers.get("content-length"))).toBe(bytes.byteLength);
    expect(bytes.byteLength).toBeLessThan(JSON.stringify(large).length / 3);
    expect(JSON.parse(brotliDecompressSync(bytes).toString("utf8"))).toEqual(large);
  });

  it("compresses with gzip when that is all the client takes", async () => {
    const res = await app.request("/large", { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(JSON.parse(gunzipSync(bytes).toString("utf8"))).toEqual(large);
  });

  it("sends the plain body to a client that accepts no coding, still marked Vary", async () => {
    const res = await app.request("/large");
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect(await res.json()).toEqual(large);
  });

  it("weakens the entity tag of a compressed answer, which is other bytes than the plain one", async () => {
    const plain = await app.request("/large");
    expect(plain.headers.get("etag")).toBe('"v1"');
    const compressed = await app.request("/large", { headers: { "accept-encoding": "br" } });
    expect(compressed.headers.get("etag")).toBe('W/"v1"');
  });

  it(`leaves answers under ${COMPRESS_THRESHOLD_BYTES} bytes as they are`, async () => {
    const res = await app.request("/small", { headers: { "accept-encoding": "br" } });
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("compresses CSV as text", async () => {
    const res = await app.request("/csv", { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString("utf8")).toBe(
      "a,b\n".repeat(1000),
    );
  });

  it("respects Cache-Control: no-transform and leaves binary types alone", async () => {
    const kept = await app.request("/no-transform", { headers: { "accept-encoding": "br" } });
    expect(kept.headers.get("content-encoding")).toBeNull();
    expect(await kept.json()).toEqual(large);
    const image = await app.request("/image", { headers: { "accept-encoding": "br" } });
    expect(image.headers.get("content-encoding")).toBeNull();
    expect(image.headers.get("vary")).toBeNull();
  });

  it("does not compress an answer that already has a coding, and adds Vary only once", async () => {
    const encoded = new Hono();
    encoded.use(compress());
    encoded.get("/file.js", (c) =>
      c.body(new Uint8Array(5000), 200, {
        "content-type": "text/javascript",
        "content-encoding": "br",
        vary: "Accept-Encoding",
      }),
    );
    const res = await encoded.request("/file.js", { headers: { "accept-encoding": "gzip, br" } });
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect((await res.arrayBuffer()).byteLength).toBe(5000);
  });
});
