/**
 * @module
 * The Hono environment every route module shares: what middleware puts on the context.
 */
import type { RequestIdVariables } from "hono/request-id";

export interface AppEnv {
  Variables: RequestIdVariables;
}
