import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { corsHeaders } from "./cors-headers.ts";

function appWith() {
  const app = new Hono();
  app.use(
    "*",
    corsHeaders({
      origin: ["https://web.example"],
      allowHeaders: ["Authorization", "Content-Type"],
      allowMethods: ["GET", "POST", "OPTIONS"],
      exposeHeaders: ["X-Request-Id", "ETag"],
      maxAge: 600,
    }),
  );
  app.get("/things", (c) => {
    c.header("vary", "Accept-Encoding");
    return c.json({ things: [] });
  });
  app.get("/broken", () => {
    throw new HTTPException(418, { message: "teapot" });
  });
  return app;
}

describe("corsHeaders", () => {
  const app = appWith();

  it("lets an allowed origin read the answer and the exposed headers", async () => {
    const res = await app.request("/things", { headers: { origin: "https://web.example" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("https://web.example");
    expect(res.headers.get("access-control-expose-headers")).toBe("X-Request-Id,ETag");
    expect(res.headers.get("vary")).toBe("Accept-Encoding, Origin");
    expect(await res.json()).toEqual({ things: [] });
  });

  it("gives another origin, or none, no Access-Control-Allow-Origin, still marked Vary: Origin", async () => {
    const requests: Record<string, string>[] = [{ origin: "https://evil.example" }, {}];
    for (const headers of requests) {
      const res = await app.request("/things", { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      expect(res.headers.get("vary")).toContain("Origin");
    }
  });

  it("adds the headers to error answers too, so the web app can read a problem", async () => {
    const res = await app.request("/broken", { headers: { origin: "https://web.example" } });
    expect(res.status).toBe(418);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://web.example");
  });

  it("answers a preflight with the allowed methods, headers and max age", async () => {
    const res = await app.request("/things", {
      method: "OPTIONS",
      headers: { origin: "https://web.example", "access-control-request-method": "POST" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://web.example");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET,POST,OPTIONS");
    expect(res.headers.get("access-control-allow-headers")).toBe("Authorization,Content-Type");
    expect(res.headers.get("access-control-max-age")).toBe("600");
  });
});
