/**
 * @module
 * The public catalogue: `GET /instruments` (filters, pages, ETag), `GET /instruments/{id}`,
 * `GET /funding-sources`. Each instrument carries its availability on `?statusOn=` (default today
 * in Poland) with the basis of the status; maintainers' notes are never served.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { etag } from "hono/etag";
import {
  AvailabilityOnSchema as DomainAvailabilityOnSchema,
  CallStatusSchema,
  FundingSourceSchema,
  InstrumentFilterFieldsSchema,
  IsoDateSchema,
  PublicInstrumentSchema,
  SlugSchema,
  availabilityOn,
  todayInPoland,
  type Instrument,
  type PublicInstrument,
} from "@klastry/domain";
import { statusDescription } from "../openapi/status-description.ts";
import type { AppDeps } from "../deps.ts";
import { ApiError } from "../problems/api-error.ts";
import { problemResponses } from "../problems/problem.ts";
import { createRouter, MAX_PAGE_SIZE, PageQuerySchema, pageOf, withOpenApi } from "./router.ts";

export const AvailabilityOnSchema = withOpenApi(DomainAvailabilityOnSchema, "AvailabilityOn", {
  description: `An instrument's availability on a date, derived from its dated data, with the basis of the status (\`basis\` in Polish and English, \`source\`, \`window\`). The statuses:\n${statusDescription()}`,
});

export const InstrumentOnDateSchema = withOpenApi(PublicInstrumentSchema, {})
  .extend({ availabilityOn: AvailabilityOnSchema })
  .openapi("Instrument");

const InstrumentPageSchema = pageOf(InstrumentOnDateSchema)
  .extend({ statusOn: IsoDateSchema })
  .openapi("InstrumentPage");

// The domain's filter fields, pages from the query string, and the derived-status filter.
const InstrumentQuerySchema = PageQuerySchema.extend(InstrumentFilterFieldsSchema.shape).extend({
  status: withOpenApi(CallStatusSchema.optional(), {
    description: `Only instruments with this availability status on \`statusOn\`:\n${statusDescription()}`,
  }),
  statusOn: IsoDateSchema.optional().openapi({
    description: "Day the availability is derived for; default today in Europe/Warsaw",
    example: "2026-12-02",
  }),
  date: IsoDateSchema.optional().openapi({
    description: "Former name of `statusOn`, still accepted",
    deprecated: true,
  }),
  q: withOpenApi(InstrumentFilterFieldsSchema.shape.q, {
    description: "Words that must all appear in a name or description",
  }),
});

const listRoute = createRoute({
  method: "get",
  path: "/instruments",
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
  tags: ["catalogue"],
  summary: "One instrument with its call status on a date",
  middleware: [etag()] as const,
  request: {
    params: z.object({ id: SlugSchema }),
    query: z.object({
      statusOn: IsoDateSchema.optional().openapi({
        description: "Day the availability is derived for; default today in Europe/Warsaw",
      }),
      date: IsoDateSchema.optional().openapi({
        description: "Former name of `statusOn`, still accepted",
        deprecated: true,
      }),
    }),
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

/** An instrument as served: its public fields and its availability on the date. */
function withStatus(
  instrument: Instrument,
  date: string,
): PublicInstrument & { availabilityOn: ReturnType<typeof availabilityOn> } {
  const { maintainerNotes: _notes, ...served } = instrument;
  return { ...served, availabilityOn: availabilityOn(instrument, date) };
}

export function catalogueRoutes(deps: Pick<AppDeps, "db">) {
  const catalogue = deps.db.catalogue;
  return createRouter()
    .openapi(listRoute, async (c) => {
      const {
        page,
        pageSize,
        status,
        statusOn,
        date: formerDate,
        ...filters
      } = c.req.valid("query");
      const date = statusOn ?? formerDate ?? todayInPoland();
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
          if (entry.availabilityOn.status === status) matching.push(entry);
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
      const { statusOn, date } = c.req.valid("query");
      return c.json(withStatus(instrument, statusOn ?? date ?? todayInPoland()), 200);
    })
    .openapi(fundingRoute, async (c) => {
      const { page, pageSize } = c.req.valid("query");
      const all = await catalogue.listFundingSources();
      const items = all.slice((page - 1) * pageSize, page * pageSize);
      return c.json({ items, total: all.length, page, pageSize }, 200);
    });
}
