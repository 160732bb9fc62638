/**
 * @module
 * A round's report: its data as JSON (structured by the working group's ten questions), and its
 * data annex as CSV and as an XLSX workbook. Admin and national keys, and the round's owner.
 */
import type { Context } from "hono";
import type { IsoDate, Language } from "@klastry/domain";
import { authenticate } from "../../auth/access.ts";
import type { RouteDeps } from "../../deps.ts";
import { createRouter } from "../router.ts";
import { reportCsvRoute, reportRoute, reportXlsxRoute, XLSX_TYPE } from "./contracts.ts";
import { pictureFor } from "./national.ts";
import { annexCsv, annexXlsx } from "./report-annex.ts";
import { buildReportData } from "./report-data.ts";
import { readReport } from "./round-access.ts";

type Deps = Pick<RouteDeps, "db" | "keys" | "rulebookStore" | "knowledge">;

async function reportOf(
  deps: Deps,
  c: Context,
  id: string,
  query: { compareWith?: string | undefined; date?: IsoDate | undefined },
) {
  const principal = await authenticate(c, deps.keys);
  readReport(principal, await deps.db.survey.getRound(id), id);
  const { picture, round, rates, rulebook, counts } = await pictureFor(deps, c, principal, {
    round: id,
    compareWith: query.compareWith,
    date: query.date,
  });
  if (round === null || rates === undefined) throw new Error("a round's picture has its round");
  c.header("Cache-Control", "private, no-store");
  return buildReportData({
    round,
    picture,
    counts,
    rates,
    accepted: await deps.db.survey.acceptedCount(round.id),
    instruments: [...rulebook.instruments.values()],
    fundingSources: deps.knowledge.fundingSources,
    rulebookVersion: rulebook.version,
    catalogueVersion: await deps.db.catalogue.catalogueVersion(),
  });
}

const fileName = (id: string, lang: Language, ext: string) => `report-${id}-${lang}.${ext}`;

export function reportRoutes(deps: Deps) {
  return createRouter()
    .openapi(reportRoute, async (c) => {
      const { id } = c.req.valid("param");
      return c.json(await reportOf(deps, c, id, c.req.valid("query")), 200);
    })
    .openapi(reportCsvRoute, async (c) => {
      const { id } = c.req.valid("param");
      const query = c.req.valid("query");
      const report = await reportOf(deps, c, id, query);
      return c.body(annexCsv(report, query.lang), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName(id, query.lang, "csv")}"`,
      });
    })
    .openapi(reportXlsxRoute, async (c) => {
      const { id } = c.req.valid("param");
      const query = c.req.valid("query");
      const report = await reportOf(deps, c, id, query);
      const bytes = await annexXlsx(report, query.lang);
      return c.body(new Uint8Array(bytes), 200, {
        "Content-Type": XLSX_TYPE,
        "Content-Disposition": `attachment; filename="${fileName(id, query.lang, "xlsx")}"`,
      });
    });
}
