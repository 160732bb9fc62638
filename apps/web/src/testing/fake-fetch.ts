/**
 * @module
 * The API's stand-in for component tests: a `fetch` answered by a plain function of the request
 * (`vi.stubGlobal("fetch", fakeFetch((url, init) => new Response(...)))`), and the JSON a request
 * carried.
 */
import { vi } from "vitest";

/** A mock fetch whose calls resolve to `answer`'s response. */
export function fakeFetch(answer: (url: string, init?: RequestInit) => Response) {
  return vi.fn((url: string, init?: RequestInit) => Promise.resolve(answer(url, init)));
}

/** The JSON body a request carried (the app sends JSON text), or undefined without one. */
export function jsonBodyOf(init?: RequestInit): unknown {
  return typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
}
