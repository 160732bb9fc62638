/**
 * Requests refused by Node's HTTP parser (issue 7 item 1): raw invalid UTF-8 bytes in the request
 * line and oversized headers are answered with a problem document, and the server keeps serving.
 */
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerClientErrors } from "./client-error.ts";

let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((_req, res) => res.end("ok"));
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends raw bytes and reads the whole answer (the server closes the connection). */
function exchange(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(bytes));
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString("latin1")));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("answerClientErrors", () => {
  it("answers a raw invalid UTF-8 byte in the query with a 400 problem document", async () => {
    const answer = await exchange(
      Buffer.from("GET /api/v1/health?q=\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n", "latin1"),
    );
    const [head, body] = answer.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toContain("Content-Type: application/problem+json");
    expect(JSON.parse(body ?? "")).toMatchObject({
      status: 400,
      code: "MALFORMED_REQUEST",
      issues: [],
    });
  });

  it("answers on a kept-alive socket that served a request before", async () => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk: Buffer) => {
      answer += chunk.toString("latin1");
      // The second request goes out once the first answer is complete.
      if (answer.endsWith("\r\n\r\nok"))
        socket.write(Buffer.from("GET /?q=\xff HTTP/1.1\r\nHost: x\r\n\r\n", "latin1"));
    });
    socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    await new Promise((resolve) => socket.on("end", resolve));
    expect(answer).toMatch(
      /^HTTP\/1\.1 200 [\s\S]*HTTP\/1\.1 400 [\s\S]*"code":"MALFORMED_REQUEST"/,
    );
  });

  it("answers oversized headers with 431 and keeps serving others", async () => {
    const answer = await exchange(
      Buffer.from(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(answer.split("\r\n\r\n")[1] ?? "")).toMatchObject({
      status: 431,
      code: "HEADERS_TOO_LARGE",
    });
    const ok = await fetch(`http://127.0.0.1:${port}/`);
    expect(await ok.text()).toBe("ok");
  });
});
