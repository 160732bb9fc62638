/**
 * @module
 * The caller's network address, for per-address rate limits. Behind one trusted load balancer the
 * last X-Forwarded-For entry is used (the address the balancer saw; earlier entries come from the
 * client and may be forged); otherwise the socket's address (absent for in-process requests).
 */
import type { Context } from "hono";

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as NodeBindings | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "in-process";
}
