/**
 * The real server (`@hono/node-server` on an ephemeral loopback port) over HTTP: the API, the
 * typed client, the built web app with its SPA fallback, and logs free of secrets.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildAssessment } from "@klastry/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "./client.ts";
import { startApi, type RunningApi } from "./server.ts";
import { openTestApi, type TestApi } from "./testing/harness.ts";

let api: TestApi;
let server: RunningApi;
let webDist: string;

beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), "klastry-web-dist-"));
  writeFileSync(
    join(webDist, "index.html"),
    "<!doctype html><title>Klastry</title><div id=app></div>",
  );
  mkdirSync(join(webDist, "assets"));
  writeFileSync(join(webDist, "assets", "app.js"), "console.log('klastry');");
  api = await openTestApi("sqlite", { env: { WEB_DIST: webDist } });
  server = await startApi(
    { ...api.deps.env, PORT: 0, HOST: "127.0.0.1" },
    api.deps.logger,
    api.deps,
  );
});
afterAll(async () => {
  await server?.close();
  await api?.dispose();
  rmSync(webDist, { recursive: true, force: true });
});

describe("real server", () => {
  it("answers health over HTTP", async () => {
    const res = await fetch(`${server.url}/api/v1/health`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe("ok");
  });

  it("stores and reopens an assessment over HTTP with the token, and logs neither token nor key", async () => {
    const key = await api.key("region:24");
    // Named: region 24's key may open it.
    const created = await fetch(`${server.url}/api/v1/assessments?visibility=named`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(buildAssessment()),
    });
    expect(created.status).toBe(201);
    const { id, accessToken } = (await created.json()) as { id: string; accessToken: string };
    const opened = await fetch(`${server.url}/api/v1/assessments/${id}`, {
      headers: { "x-assessment-token": accessToken },
    });
    expect(opened.status).toBe(200);
    // In the URL it is refused (and, like every query string, never logged).
    expect(
      (await fetch(`${server.url}/api/v1/assessments/${id}?token=${accessToken}`)).status,
    ).toBe(400);
    const byKey = await fetch(`${server.url}/api/v1/assessments/${id}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(byKey.status).toBe(200);
    const logs = api.logs.join("\n");
    expect(logs).toContain(`/api/v1/assessments/${id}`);
    expect(logs).not.toContain(accessToken);
    expect(logs).not.toContain(key);
    const line = api.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.path === `/api/v1/assessments/${id}`);
    expect(line).toMatchObject({ msg: "request", method: "GET", status: 200 });
    expect(typeof line?.durationMs).toBe("number");
    expect(typeof line?.requestId).toBe("string");
  });

  it("keeps answering others while clients stall mid-headers and mid-body", async () => {
    const stalled = Array.from({ length: 5 }, (_, i) => {
      const socket = connect(server.port, "127.0.0.1");
      socket.on("error", () => undefined);
      socket.write(
        i % 2 === 0
          ? "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          : 'POST /api/v1/recommendations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"cluster":',
      );
      return socket;
    });
    try {
      const res = await fetch(`${server.url}/api/v1/instruments?pageSize=1`);
      expect(res.status).toBe(200);
    } finally {
      for (const socket of stalled) socket.destroy();
    }
  });

  it("is reachable through the typed client", async () => {
    const client = createClient(server.url);
    const res = await client.api.v1.instruments.$get({ query: { region: "14", pageSize: "5" } });
    expect(res.status).toBe(200);
    if (res.status === 200) {
      const body = await res.json();
      expect(body.items.every((i) => i.regions.includes("14"))).toBe(true);
    }
  });

  it("serves the built web app, its assets and falls back to index.html for client routes", async () => {
    const root = await fetch(`${server.url}/`);
    expect(await root.text()).toContain("<title>Klastry</title>");
    expect(root.headers.get("cache-control")).toBe("no-cache");
    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(asset.headers.get("content-type")).toContain("javascript");
    expect(asset.headers.get("cache-control")).toContain("immutable");
    const deep = await fetch(`${server.url}/wyniki/123`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain("<title>Klastry</title>");
    const apiMiss = await fetch(`${server.url}/api/v1/not-a-route`);
    expect(apiMiss.status).toBe(404);
    expect(apiMiss.headers.get("content-type")).toContain("application/problem+json");
  });

  it("answers a clear 503 problem, not a 500, while the web build is being replaced", async () => {
    // `vite build` empties dist before writing it again; a page asked for meanwhile must not 500.
    rmSync(join(webDist, "index.html"));
    try {
      const res = await fetch(`${server.url}/assessment/5`);
      expect(res.status).toBe(503);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const asset = await fetch(`${server.url}/assets/missing.js`);
      expect(asset.status).toBe(404);
    } finally {
      writeFileSync(
        join(webDist, "index.html"),
        "<!doctype html><title>Klastry</title><div id=app></div>",
      );
    }
  });
});
