/**
 * @module
 * Hono's typed client over the API's own route types, for the web app:
 * `createClient("/").api.v1.instruments.$get({ query: { region: "14" } })`.
 * Type-only import of the app, so no server code reaches the browser bundle.
 */
import { hc } from "hono/client";
import type { App } from "./app.ts";

/** The type of the whole app; `hc<AppType>` knows every route, its input and its output. */
export type AppType = App;

/**
 * A typed client for a base url (the same origin in the browser: `createClient("/")`).
 *
 * @example
 * const client = createClient("http://localhost:3000");
 * const res = await client.api.v1.vocabulary.$get();
 */
export function createClient(baseUrl: string, options?: Parameters<typeof hc>[1]) {
  return hc<AppType>(baseUrl, options);
}
