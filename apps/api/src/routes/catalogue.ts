/**
 * @module
 * The public catalogue: `GET /instruments` (filters, pages, ETag), `GET /instruments/{id}`,
 * `GET /funding-sources`. Call status is derived for `?date=` (default today in Poland).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { etag } from "hono/etag";
import {
  CallStatusOnSchema as DomainCallStatusOnSchema,
  CallStatusSchema,
  FundingSourceSchema,
  InstrumentFilterFieldsSchema,
  IsoDateSchema,
  InstrumentSchema,
  SlugSchema,
  callStatusOn,
  todayInPoland,
  type Instrument,
} from "@klastry/domain";
import type { AppDeps } from "../deps.ts";
import { ApiError } from "../problems/api-error.ts";
import { problemResponses } from "../problems/problem.ts";
import { createRouter, MAX_PAGE_SIZE, PageQuerySchema, pageOf, withOpenApi } from "./router.ts";

export const CallStatusOnSchema = withOpenApi(DomainCallStatusOnSchema, "CallStatusOn");

export const InstrumentOnDateSchema = InstrumentSchema.extend({
  callStatus: CallStatusOnSchema,
}).openapi("Instrument");

const InstrumentPageSchema = pageOf(InstrumentOnDateSchema)
  .extend({ statusOn: IsoDateSchema })
  .openapi("InstrumentPage");

// The domain's filter fields, pages from the query string, and the derived-status filter.
const InstrumentQuerySchema = PageQuerySchema.extend(InstrumentFilterFieldsSchema.shape).extend({
  status: CallStatusSchema.optional().openapi({ description: "Call status on `date`" }),
  date: IsoDateSchema.optional().openapi({
    description: "Day the call status is derived for; default today in Europe/Warsaw",
  }),
  q: withOpenApi(InstrumentFilterFieldsSchema.shape.q, {
    description: "Words that must all appear in a name or description",
  }),
});

const listRoute = createRoute({
  method: "get",
  path: "/instruments",
  operationId: "listInstruments",
  security: [],
  tags: ["catalogue"],
  summary: "Instruments, filtered and paged; answers 304 to a matching If-None-Match",
  middleware: [etag()] as const,
  request: { query: InstrumentQuerySchema },
  responses: {
    200: {
      description: "One page of instruments",
      content: { "application/json": { schema: InstrumentPageSchema } },
    },
    304: { description: "Not modified (ETag matched)" },
    ...problemResponses(400, 429),
  },
});

const oneRoute = createRoute({
  method: "get",
  path: "/instruments/{id}",
  operationId: "getInstrument",
  security: [],
  tags: ["catalogue"],
  summary: "One instrument with its call status on a date",
  middleware: [etag()] as const,
  request: {
    params: z.object({ id: SlugSchema }),
    query: z.object({ date: IsoDateSchema.optional() }),
  },
  responses: {
    200: {
      description: "The instrument",
      content: { "application/json": { schema: InstrumentOnDateSchema } },
    },
    304: { description: "Not modified (ETag matched)" },
    ...problemResponses(400, 404, 429),
  },
});

const FundingSourcePageSchema = pageOf(withOpenApi(FundingSourceSchema, "FundingSource")).openapi(
  "FundingSourcePage",
);

const fundingRoute = createRoute({
  method: "get",
  path: "/funding-sources",
  operationId: "listFundingSources",
  security: [],
  tags: ["catalogue"],
  summary: "Funding sources (where instruments' money comes from)",
  middleware: [etag()] as const,
  request: { query: PageQuerySchema },
  responses: {
    200: {
      description: "Funding sources",
      content: { "application/json": { schema: FundingSourcePageSchema } },
    },
    304: { description: "Not modified (ETag matched)" },
    ...problemResponses(400, 429),
  },
});

function withStatus(instrument: Instrument, date: string) {
  return { ...instrument, callStatus: callStatusOn(instrument, date) };
}

export function catalogueRoutes(deps: Pick<AppDeps, "db">) {
  const catalogue = deps.db.catalogue;
  return createRouter()
    .openapi(listRoute, async (c) => {
      const { page, pageSize, status, date: askedDate, ...filters } = c.req.valid("query");
      const date = askedDate ?? todayInPoland();
      if (status === undefined) {
        const found = await catalogue.listInstruments({ ...filters, page, pageSize });
        const items = found.items.map((instrument) => withStatus(instrument, date));
        return c.json({ items, total: found.total, page, pageSize, statusOn: date }, 200);
      }
      // Status depends on the date, so it is derived here over every instrument the SQL filters
      // keep (the catalogue has hundreds of records, not millions), then paged.
      const matching: ReturnType<typeof withStatus>[] = [];
      for (let p = 1; ; p += 1) {
        const found = await catalogue.listInstruments({
          ...filters,
          page: p,
          pageSize: MAX_PAGE_SIZE,
        });
        for (const instrument of found.items) {
          const entry = withStatus(instrument, date);
          if (entry.callStatus.status === status) matching.push(entry);
        }
        if (p * MAX_PAGE_SIZE >= found.total) break;
      }
      const items = matching.slice((page - 1) * pageSize, page * pageSize);
      return c.json({ items, total: matching.length, page, pageSize, statusOn: date }, 200);
    })
    .openapi(oneRoute, async (c) => {
      const { id } = c.req.valid("param");
      const instrument = await catalogue.getInstrument(id);
      if (instrument === null)
        throw new ApiError("NOT_FOUND", `no instrument "${id}" in the catalogue`);
      return c.json(withStatus(instrument, c.req.valid("query").date ?? todayInPoland()), 200);
    })
    .openapi(fundingRoute, async (c) => {
      const { page, pageSize } = c.req.valid("query");
      const all = await catalogue.listFundingSources();
      const items = all.slice((page - 1) * pageSize, page * pageSize);
      return c.json({ items, total: all.length, page, pageSize }, 200);
    });
}
