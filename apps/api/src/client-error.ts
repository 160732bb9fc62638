/**
 * @module
 * Requests that Node's HTTP parser refuses before the app sees them (bytes outside the allowed
 * set in the request line, oversized headers, a request that arrives too slowly) get a problem
 * document like every other error (issue 7 item 1), not Node's bare "400 Bad Request".
 */
import type { Server } from "node:http";
import type { Duplex } from "node:stream";
import { PROBLEM_CONTENT_TYPE } from "./problems/problem.ts";

interface Refusal {
  status: number;
  code: string;
  title: string;
  detail: string;
}

function refusalOf(error: NodeJS.ErrnoException): Refusal {
  // The same statuses Node's default handler answers (lib/_http_server.js, socketOnError).
  if (error.code === "HPE_HEADER_OVERFLOW") {
    return {
      status: 431,
      code: "HEADERS_TOO_LARGE",
      title: "Request header fields too large",
      detail: "the request headers are too large",
    };
  }
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
    return {
      status: 408,
      code: "REQUEST_TIMEOUT",
      title: "Request timeout",
      detail: "the request did not arrive in time",
    };
  }
  return {
    status: 400,
    code: "MALFORMED_REQUEST",
    title: "The request is not valid HTTP",
    detail:
      "the request could not be parsed; percent-encode non-ASCII bytes in the path and query (RFC 3986)",
  };
}

/** Answers parser-level refusals of `server` with an RFC 9457 problem document and closes the socket. */
export function answerClientErrors(server: Server): void {
  server.on(
    "clientError",
    (
      error: NodeJS.ErrnoException,
      socket: Duplex & { _httpMessage?: { headersSent?: boolean } | null },
    ) => {
      // A reset socket, or one whose in-flight answer has begun, cannot take another response
      // (the check Node's own handler makes: lib/_http_server.js, socketOnError). A kept-alive
      // socket that answered earlier requests can.
      if (
        error.code === "ECONNRESET" ||
        !socket.writable ||
        socket._httpMessage?.headersSent === true
      ) {
        socket.destroy();
        return;
      }
      const { status, code, title, detail } = refusalOf(error);
      const body = JSON.stringify({
        type: `urn:klastry:problem:${code.toLowerCase().replaceAll("_", "-")}`,
        title,
        status,
        detail,
        code,
        issues: [],
      });
      socket.end(
        `HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  );
}
