import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { contentLengthLimit } from "./content-length-limit.ts";

const app = new Hono();
app.use(contentLengthLimit({ maxSize: 100, onError: (c) => c.text("too large", 413) }));
app.post("/echo", async (c) => c.text(await c.req.text()));
app.get("/ping", (c) => c.text("pong"));

/** A body whose length the client does not declare (sent chunked). */
function streamed(text: string): RequestInit {
  return {
    method: "POST",
    body: new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    }),
    duplex: "half",
  } as RequestInit;
}

describe("contentLengthLimit", () => {
  it("refuses a body whose declared length is over the limit, before reading it", async () => {
    const res = await app.request("/echo", {
      method: "POST",
      headers: { "content-length": "101" },
      body: "x".repeat(101),
    });
    expect(res.status).toBe(413);
  });

  it("passes a body whose declared length is within the limit, readable by the handler", async () => {
    const res = await app.request("/echo", {
      method: "POST",
      headers: { "content-length": "100" },
      body: "y".repeat(100),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("y".repeat(100));
  });

  it("counts the bytes of a body sent without a declared length", async () => {
    expect((await app.request("/echo", streamed("z".repeat(101)))).status).toBe(413);
    const small = await app.request("/echo", streamed("small"));
    expect(small.status).toBe(200);
    expect(await small.text()).toBe("small");
  });

  it("lets GET requests through", async () => {
    expect(await (await app.request("/ping")).text()).toBe("pong");
  });
});
