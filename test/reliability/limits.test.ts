/**
 * Limits (issue 7 item 5) on the real server: the body-size limit (413 problem, with and without
 * Content-Length), the pagination cap of every list route as the OpenAPI document states it, rate
 * limits per key and per address (429 with Retry-After), and stalled or slow clients that do not
 * keep others from being served.
 */
import { mkdtempSync } from "node:fs";
import { Agent, request } from "node:http";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildAssessment } from "@klastry/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send } from "../support/http.ts";
import { issueKeys } from "../support/keys.ts";
import { fetchOpenApi, fillPath, operationsOf } from "../support/openapi.ts";
import { problemDefect } from "../support/problems.ts";
import { removeWorkDir, startServer, type RunningServer } from "../support/server.ts";

const BODY_LIMIT = 8 * 1024;
const BURST = 5;

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const server of servers) {
    await server.stop();
    removeWorkDir(server.workDir);
  }
});

function expectProblem(res: { status: number; headers: Headers }, text: string, status: number) {
  expect(res.status).toBe(status);
  expect(problemDefect(res.status, res.headers.get("content-type") ?? "", text)).toBeNull();
  return JSON.parse(text) as {
    code: string;
    detail: string;
    issues: { path: string; message: string; expected?: string }[];
  };
}

describe("body size and pagination", () => {
  let server: RunningServer;
  let adminKey: string;
  beforeAll(async () => {
    const workDir = mkdtempSync(join(tmpdir(), "klastry-limits-"));
    adminKey = (await issueKeys({ workDir }, [{ role: "admin" }]))[0]!.secret;
    server = await startServer({
      workDir,
      env: {
        BODY_LIMIT: String(BODY_LIMIT),
        RATE_LIMIT_BURST: "100000",
        RATE_LIMIT_PER_MINUTE: "1000000",
        RATE_LIMIT_KEY_PER_MINUTE: "1000000",
      },
    });
    servers.push(server);
  });

  it("refuses a body over the limit with a 413 problem, and accepts one under it", async () => {
    const assessment = buildAssessment();
    const under = JSON.stringify(assessment);
    expect(Buffer.byteLength(under)).toBeLessThan(BODY_LIMIT);
    const ok = await fetch(`${server.url}/api/v1/recommendations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: under,
    });
    expect(ok.status).toBe(200);
    const over = JSON.stringify({
      ...assessment,
      cluster: { ...assessment.cluster, name: "x".repeat(BODY_LIMIT) },
    });
    const res = await fetch(`${server.url}/api/v1/recommendations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: over,
    });
    const problem = expectProblem(res, await res.text(), 413);
    expect(problem.code).toBe("PAYLOAD_TOO_LARGE");
    expect(problem.detail).toContain(String(BODY_LIMIT));
  });

  it("counts a chunked body without Content-Length against the limit too", async () => {
    const chunks = [
      Buffer.from('{"cluster":{"name":"'),
      Buffer.alloc(BODY_LIMIT, 0x61),
      Buffer.from('"}}'),
    ];
    const res = await fetch(`${server.url}/api/v1/recommendations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new ReadableStream({
        pull(controller) {
          const next = chunks.shift();
          if (next === undefined) controller.close();
          else controller.enqueue(next);
        },
      }),
      duplex: "half",
    } as RequestInit);
    expectProblem(res, await res.text(), 413);
  });

  it("answers over-limit bodies on a kept-alive connection with a 413 and Connection: close, and the pooled client's next request succeeds", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const url = new URL(server.url);
    const post = (body: Buffer, chunked: boolean) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const req = request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            method: "POST",
            path: "/api/v1/recommendations",
            headers: {
              "content-type": "application/json",
              ...(chunked ? {} : { "content-length": String(body.length) }),
            },
          },
          (res) => {
            res.resume();
            res.on("end", () =>
              resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }),
            );
            res.on("error", reject);
          },
        );
        req.on("error", reject);
        if (chunked) {
          // Several writes, so the body travels in chunks over time.
          for (let at = 0; at < body.length; at += 16 * 1024)
            req.write(body.subarray(at, at + 16 * 1024));
          req.end();
        } else req.end(body);
      });
    const get = () =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          { agent, host: url.hostname, port: url.port, path: "/api/v1/vocabulary" },
          (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
          },
        );
        req.on("error", reject);
        req.end();
      });
    const errors: string[] = [];
    let refused = 0;
    try {
      for (let i = 0; i < 40; i += 1) {
        const size = [2, 10, 64, 400][i % 4]! * BODY_LIMIT;
        const body = Buffer.from(`{"cluster":{"name":"${"a".repeat(size)}"}}`);
        try {
          const answer = await post(body, i % 8 >= 4);
          expect(answer.status).toBe(413);
          expect(answer.connection).toBe("close");
          refused += 1;
        } catch (error) {
          errors.push(`upload ${i} (${size} bytes): ${(error as Error).message}`);
        }
        try {
          expect(await get()).toBe(200);
        } catch (error) {
          errors.push(`request after upload ${i}: ${(error as Error).message}`);
        }
      }
      // Past the server's drain bound (8 MiB) the answer goes out at once and the connection is
      // closed under the upload: that upload may fail, the pooled client's next request may not.
      await post(Buffer.alloc(10 * 1024 * 1024 + BODY_LIMIT, 0x20), false).catch(() => undefined);
      expect(await get()).toBe(200);
    } finally {
      agent.destroy();
    }
    expect(errors).toEqual([]);
    expect(refused).toBe(40);
  });

  it("caps pageSize on every list route at the documented maximum: 400 naming it, the maximum itself served", async () => {
    const doc = await fetchOpenApi(server.url);
    const lists = operationsOf(doc).filter(
      (op) => op.method === "GET" && op.queryParams.includes("pageSize"),
    );
    expect(lists.length).toBeGreaterThanOrEqual(5);
    for (const op of lists) {
      const parameter = (
        doc.paths[op.template]?.get as unknown as {
          parameters: { name: string; schema?: { maximum?: number } }[];
        }
      ).parameters.find((p) => p.name === "pageSize");
      const max = parameter?.schema?.maximum;
      expect(max, `${op.template} documents a maximum pageSize`).toBeTypeOf("number");
      const path = fillPath(op.template, { code: "14", id: "feng-2-17-rozwoj-oferty-klastrow" });
      const headers = { authorization: `Bearer ${adminKey}` };
      const over = await fetch(`${server.url}${path}?pageSize=${max! + 1}`, { headers });
      const problem = expectProblem(over, await over.text(), 400);
      const issue = problem.issues.find((i) => i.path === "pageSize");
      expect(`${issue?.message} ${issue?.expected ?? ""}`, op.template).toContain(String(max));
      const page = await fetch(`${server.url}${path}?pageSize=${max}`, { headers });
      // Cluster histories need an existing cluster and a round's lists an existing round; every
      // other list answers the full page size.
      if (
        !op.template.startsWith("/api/v1/clusters/") &&
        !op.template.startsWith("/api/v1/rounds/")
      ) {
        expect(page.status, op.template).toBe(200);
        expect(((await page.json()) as { pageSize: number }).pageSize).toBe(max);
      }
      const pageMax = (
        doc.paths[op.template]?.get as unknown as {
          parameters: { name: string; schema?: { maximum?: number } }[];
        }
      ).parameters.find((p) => p.name === "page")?.schema?.maximum;
      if (pageMax !== undefined) {
        const far = await fetch(`${server.url}${path}?page=${pageMax + 1}`, { headers });
        expectProblem(far, await far.text(), 400);
      }
      for (const bad of ["0", "-1", "1.5", "abc"]) {
        const res = await fetch(`${server.url}${path}?pageSize=${bad}`, { headers });
        expectProblem(res, await res.text(), 400);
      }
    }
  });
});

describe("rate limits", () => {
  let server: RunningServer;
  let regionKey: string;
  beforeAll(async () => {
    const workDir = mkdtempSync(join(tmpdir(), "klastry-rate-"));
    regionKey = (await issueKeys({ workDir }, [{ role: "region:14" }]))[0]!.secret;
    // A burst of 5, refilled one token a minute: nothing refills while the test runs.
    server = await startServer({
      workDir,
      env: {
        RATE_LIMIT_BURST: String(BURST),
        RATE_LIMIT_PER_MINUTE: "1",
        RATE_LIMIT_KEY_PER_MINUTE: "1",
        TRUST_PROXY: "true",
      },
    });
    servers.push(server);
  });

  async function get(path: string, headers: Record<string, string>) {
    const res = await fetch(`${server.url}${path}`, { headers });
    return { res, text: await res.text() };
  }

  it("limits one address: 429 with Retry-After after the burst, while another address is served", async () => {
    const from = { "x-forwarded-for": "203.0.113.7" };
    for (let i = 0; i < BURST; i += 1)
      expect((await get("/api/v1/vocabulary", from)).res.status).toBe(200);
    const { res, text } = await get("/api/v1/vocabulary", from);
    const problem = expectProblem(res, text, 429);
    expect(problem.code).toBe("RATE_LIMITED");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await get("/api/v1/vocabulary", { "x-forwarded-for": "203.0.113.8" })).res.status).toBe(
      200,
    );
    // Load balancers' health checks are never limited.
    expect((await get("/api/v1/health", from)).res.status).toBe(200);
  });

  it("limits one key across addresses: 429 with Retry-After after the burst", async () => {
    const auth = { authorization: `Bearer ${regionKey}` };
    for (let i = 0; i < BURST; i += 1) {
      const { res } = await get("/api/v1/regions/14/clusters", {
        ...auth,
        "x-forwarded-for": `198.51.100.${i + 1}`,
      });
      expect(res.status).toBe(200);
    }
    const { res, text } = await get("/api/v1/regions/14/clusters", {
      ...auth,
      "x-forwarded-for": "198.51.100.99",
    });
    expectProblem(res, text, 429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // The same fresh address without the exhausted key is still served.
    expect(
      (await get("/api/v1/vocabulary", { "x-forwarded-for": "198.51.100.100" })).res.status,
    ).toBe(200);
  });
});

describe("stalled and slow clients", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      env: { RATE_LIMIT_BURST: "100000", RATE_LIMIT_PER_MINUTE: "1000000" },
    });
    servers.push(server);
  });

  function open(): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect(server.port, "127.0.0.1", () => resolve(socket));
      socket.on("error", reject);
    });
  }

  it("serves other clients while some send half a request and others read answers very slowly", async () => {
    const answered: string[] = [];
    const stalled: Socket[] = [];
    for (let i = 0; i < 12; i += 1) {
      const socket = await open();
      socket.removeAllListeners("error");
      socket.on("error", () => undefined);
      const index = answered.push("") - 1;
      socket.on("data", (chunk: Buffer) => (answered[index] += chunk.toString("latin1")));
      socket.write(
        i % 2 === 0
          ? "GET /api/v1/instruments HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: "
          : `POST /api/v1/recommendations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 50000\r\n\r\n{"cluster":{"name":"`,
      );
      stalled.push(socket);
    }
    // Slow readers: each pipelines many large answers and does not read them.
    const slow: { socket: Socket; received: () => string }[] = [];
    for (let i = 0; i < 4; i += 1) {
      const socket = await open();
      let received = "";
      socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
      socket.pause();
      socket.write("GET /api/v1/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".repeat(20));
      slow.push({ socket, received: () => received });
    }
    try {
      const assessment = JSON.stringify(buildAssessment());
      const others = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i % 2 === 0
            ? send(server.url, { method: "GET", path: "/api/v1/instruments?pageSize=50" })
            : send(server.url, {
                method: "POST",
                path: "/api/v1/recommendations",
                headers: { "content-type": "application/json" },
                body: assessment,
              }),
        ),
      );
      expect(others.map((res) => res.status)).toEqual(Array.from({ length: 20 }, () => 200));
      // The stalled clients were not served: their half requests got no answer, or, on a machine
      // so slow that the server's header timeout (10 s) passed meanwhile, a 408 problem.
      for (const text of answered)
        expect(text === "" || text.startsWith("HTTP/1.1 408 ")).toBe(true);
      // The slow readers get every answer once they read.
      for (const reader of slow) reader.socket.resume();
      for (const reader of slow) {
        await expect
          .poll(() => reader.received().split("HTTP/1.1 200 OK").length - 1, {
            timeout: 30_000,
            interval: 100,
          })
          .toBe(20);
      }
    } finally {
      for (const socket of [...stalled, ...slow.map((reader) => reader.socket)]) socket.destroy();
    }
  });
});
