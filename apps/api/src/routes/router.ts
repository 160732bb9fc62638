/**
 * @module
 * Shared pieces of the route modules: a router factory (every router answers validation failures
 * with the same problem document) and the query schemas that lists and evaluations share.
 */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { IsoDateSchema, LanguageSchema, MAX_PAGE_SIZE } from "@klastry/domain";
import type { AppEnv } from "../context.ts";
import { validationHook } from "../problems/on-error.ts";

/**
 * `.openapi(...)` for a schema made before @hono/zod-openapi extended zod: schemas of
 * @klastry/domain may be created first (import order), and zod 4 instances made before the
 * extension lack the method, though the prototype has it.
 */
export function withOpenApi<T extends z.ZodType>(
  schema: T,
  ...args: [string] | [Record<string, unknown>] | [string, Record<string, unknown>]
): T {
  const openapi = (z.ZodType.prototype as unknown as { openapi: (this: T, ...a: typeof args) => T })
    .openapi;
  return openapi.call(schema, ...args);
}

export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

export { MAX_PAGE_SIZE };

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).openapi({ example: 1 }),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20).openapi({ example: 20 }),
});

/** `?date=` and `?lang=` of every evaluation; the date defaults to today in Poland. */
export const EvaluationQuerySchema = z.object({
  date: IsoDateSchema.optional().openapi({
    description: "Evaluate as of this day (YYYY-MM-DD); default: today in Europe/Warsaw",
    example: "2026-03-01",
  }),
  lang: LanguageSchema.default("pl").openapi({ description: "Language of reasons and labels" }),
});

/** `{ items, total, page, pageSize }`, the shape of every list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().nonnegative(),
    page: z.number().int().positive(),
    pageSize: z.number().int().positive(),
  });
}

export const RULEBOOK_VERSION_HEADER = "X-Rulebook-Version";

/** The header every recommendation response carries, as documented in OpenAPI. */
export const rulebookVersionHeader = {
  [RULEBOOK_VERSION_HEADER]: {
    description: "Version of the rulebook that produced the recommendations",
    schema: { type: "string" as const },
  },
};
