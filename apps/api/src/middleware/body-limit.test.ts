import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { ApiError } from "../problems/api-error.ts";
import { bodyLimit, type BodyLimitOptions } from "./body-limit.ts";

function appWith(options: BodyLimitOptions) {
  const app = new Hono();
  app.onError((error, c) => {
    if (!(error instanceof ApiError)) throw error;
    return c.json({ code: error.code }, error.status, error.headers);
  });
  app.use(bodyLimit(options));
  app.post("/", async (c) => c.json({ length: (await c.req.arrayBuffer()).byteLength }));
  return app;
}

/** A body in `chunks` pieces of `size` bytes that records how much was pulled from it. */
function source(chunks: number, size: number, options: { endless?: boolean } = {}) {
  const state = { pulled: 0, ended: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (options.endless !== true && state.pulled >= chunks * size) {
        state.ended = true;
        controller.close();
        return;
      }
      state.pulled += size;
      controller.enqueue(new Uint8Array(size));
      if (options.endless === true) return new Promise((resolve) => setTimeout(resolve, 20));
    },
  });
  return { stream, state };
}

function post(app: Hono, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return app.request("/", { method: "POST", body, headers, duplex: "half" });
}

describe("bodyLimit", () => {
  it("passes a body within the limit on, whole, declared or chunked", async () => {
    const app = appWith({ maxBytes: 1000 });
    expect(await (await post(app, source(10, 100).stream)).json()).toEqual({ length: 1000 });
    const declared = await post(app, source(5, 100).stream, { "content-length": "500" });
    expect(await declared.json()).toEqual({ length: 500 });
  });

  it("answers an over-limit chunked body with 413 and Connection: close after reading its rest", async () => {
    const app = appWith({ maxBytes: 1000 });
    const { stream, state } = source(50, 100);
    const res = await post(app, stream);
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    // The whole body was read and dropped: a socket closed with unread bytes is reset.
    expect(state.ended).toBe(true);
  });

  it("drains a body declared over the limit, without keeping it", async () => {
    const app = appWith({ maxBytes: 1000 });
    const { stream, state } = source(30, 100);
    const res = await post(app, stream, { "content-length": "3000" });
    expect(res.status).toBe(413);
    expect(state.ended).toBe(true);
  });

  it("does not read a body declared far past the drain bound, and answers at once", async () => {
    const app = appWith({ maxBytes: 1000, drainBytes: 2000 });
    const { stream, state } = source(100, 100);
    const res = await post(app, stream, { "content-length": "10000" });
    expect(res.status).toBe(413);
    expect(state.pulled).toBeLessThan(10000);
  });

  it("stops draining a body that never ends after the time bound and answers", async () => {
    const app = appWith({ maxBytes: 1000, drainMs: 200 });
    const { stream, state } = source(0, 600, { endless: true });
    const res = await post(app, stream);
    expect(res.status).toBe(413);
    expect(state.ended).toBe(false);
  });
});
