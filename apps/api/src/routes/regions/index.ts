/**
 * @module
 * Routes for regional authorities, each scoped to one voivodeship (a key of that region or an
 * admin key) and each also served as CSV (`Accept: text/csv`): the region's clusters, the
 * recommendations for their latest assessments evaluated now, the needs matrix (actor x function,
 * counted in SQL), the coverage of those needs (by the engine's own verdicts for each cluster:
 * `needsCoverage`), and public-task readiness. The coordinators' choice decides what a region
 * sees (cluster visibility): clusters and recommendations list only `named` clusters, totals
 * (needs, coverage, readiness counts) also count `anonymous` ones, `private` ones never appear.
 */
import type { z } from "@hono/zod-openapi";
import {
  ActorTypes,
  PublicTasks,
  ReadinessLevels,
  SupportFunctions,
  indexByCode,
  todayInPoland,
  type Language,
  type VocabularyEntry,
} from "@klastry/domain";
import { requireRegion } from "../../auth/access.ts";
import type { RouteDeps } from "../../deps.ts";
import { answersOf, evaluateWith, pinRulebook } from "../../evaluation.ts";
import { csvIfAccepted } from "../csv-response.ts";
import { coverageOn } from "./coverage-on.ts";
import { createRouter } from "../router.ts";
import {
  clustersRoute,
  ClusterRecommendationsSchema,
  coverageRoute,
  needsRoute,
  publicTasksRoute,
  recommendationsRoute,
} from "./contracts.ts";

function label(entries: readonly VocabularyEntry[], language: Language) {
  const index = indexByCode(entries);
  return (code: string) => index.get(code)?.label[language] ?? code;
}

function slice<T>(items: readonly T[], page: number, pageSize: number): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize);
}

export function regionRoutes(deps: Pick<RouteDeps, "db" | "rulebookStore" | "keys">) {
  const { db } = deps;
  return createRouter()
    .openapi(clustersRoute, async (c) => {
      const { code } = c.req.valid("param");
      const { page, pageSize } = c.req.valid("query");
      await requireRegion(c, deps.keys, code);
      const found = await db.clusters.listByRegion(code, { page, pageSize });
      const csv = csvIfAccepted(
        c,
        `clusters-${code}.csv`,
        ["id", "name", "region", "fictional", "createdAt"],
        () => found.items.map((cl) => [cl.id, cl.name, cl.region, cl.fictional, cl.createdAt]),
      );
      if (csv) return csv;
      return c.json({ region: code, items: found.items, total: found.total, page, pageSize }, 200);
    })
    .openapi(recommendationsRoute, async (c) => {
      const { code } = c.req.valid("param");
      const { page, pageSize, date, lang } = c.req.valid("query");
      await requireRegion(c, deps.keys, code);
      const rulebook = pinRulebook(deps, c);
      const evaluatedOn = date ?? todayInPoland();
      // The page is cut in SQL and only its assessments are evaluated, with this request's
      // rulebook, date and language: full recommendations (reasons in the language asked for)
      // at the cost of one page, whatever the size of the region.
      const latest = await db.assessments.latestPageByRegion(code, "named", { page, pageSize });
      const items: z.infer<typeof ClusterRecommendationsSchema>[] = [];
      for (const record of latest.items) {
        const set = await evaluateWith(rulebook, answersOf(record.assessment), {
          date: evaluatedOn,
          language: lang,
        });
        items.push({
          clusterId: record.assessment.clusterId,
          clusterName: record.assessment.cluster.name,
          assessmentId: record.assessment.id,
          assessedOn: record.assessedOn,
          recommendations: set.recommendations,
          notEligibleCount: set.notEligibleCount,
        });
      }
      const csv = csvIfAccepted(
        c,
        `recommendations-${code}-${evaluatedOn}.csv`,
        [
          "clusterId",
          "clusterName",
          "assessmentId",
          "assessedOn",
          "instrumentId",
          "instrument",
          "applicant",
          "verdict",
          "nearMiss",
          "score",
          "status",
          "deadline",
          "level",
          "operator",
          "fundingSources",
          "rulebookVersion",
        ],
        () =>
          items.flatMap((item) =>
            item.recommendations.map((r) => [
              item.clusterId,
              item.clusterName,
              item.assessmentId,
              item.assessedOn,
              r.instrumentId,
              r.name,
              r.applicant,
              r.verdict,
              r.nearMiss,
              r.score,
              r.availability.status,
              r.availability.deadline,
              r.level,
              r.operator,
              r.fundingSources.join(";"),
              rulebook.version,
            ]),
          ),
      );
      if (csv) return csv;
      return c.json(
        {
          region: code,
          rulebookVersion: rulebook.version,
          evaluatedOn,
          language: lang,
          items,
          total: latest.total,
          page,
          pageSize,
        },
        200,
      );
    })
    .openapi(needsRoute, async (c) => {
      const { code } = c.req.valid("param");
      const { page, pageSize, lang } = c.req.valid("query");
      await requireRegion(c, deps.keys, code);
      const matrix = await db.assessments.needsMatrix(code);
      const items = slice(matrix.cells, page, pageSize);
      const actor = label(ActorTypes.entries, lang);
      const fn = label(SupportFunctions.entries, lang);
      const csv = csvIfAccepted(
        c,
        `needs-${code}.csv`,
        [
          "actor",
          "actorLabel",
          "function",
          "functionLabel",
          "clusters",
          "priority1",
          "priority2",
          "priority3",
        ],
        () =>
          items.map((cell) => [
            cell.actor,
            actor(cell.actor),
            cell.function,
            fn(cell.function),
            cell.count,
            cell.byPriority[1],
            cell.byPriority[2],
            cell.byPriority[3],
          ]),
      );
      if (csv) return csv;
      return c.json(
        {
          region: code,
          clusters: matrix.clusters,
          items,
          total: matrix.cells.length,
          page,
          pageSize,
        },
        200,
      );
    })
    .openapi(coverageRoute, async (c) => {
      const { code } = c.req.valid("param");
      const { page, pageSize, lang, date } = c.req.valid("query");
      await requireRegion(c, deps.keys, code);
      const statusOn = date ?? todayInPoland();
      const rulebook = pinRulebook(deps, c);
      const matrix = await db.assessments.needsMatrix(code);
      const { all, verdicts } = await coverageOn(db, rulebook, code, matrix, statusOn, lang);
      const items = slice(all, page, pageSize);
      const actor = label(ActorTypes.entries, lang);
      const fn = label(SupportFunctions.entries, lang);
      const csv = csvIfAccepted(
        c,
        `coverage-${code}-${statusOn}.csv`,
        ["actor", "actorLabel", "function", "functionLabel", "clusters", "covered", "instruments"],
        () =>
          items.map((item) => [
            item.actor,
            actor(item.actor),
            item.function,
            fn(item.function),
            item.count,
            item.covered,
            item.instruments.map((i) => i.id).join(";"),
          ]),
      );
      if (csv) return csv;
      const gaps = all.filter((item) => !item.covered).length;
      return c.json(
        {
          region: code,
          clusters: matrix.clusters,
          statusOn,
          gaps,
          verdicts,
          items,
          total: all.length,
          page,
          pageSize,
        },
        200,
      );
    })
    .openapi(publicTasksRoute, async (c) => {
      const { code } = c.req.valid("param");
      const { page, pageSize, lang } = c.req.valid("query");
      await requireRegion(c, deps.keys, code);
      const summary = await db.assessments.publicTaskReadiness(code);
      // Counts include clusters seen only in totals; the names listed are the named ones only,
      // read in SQL for the tasks of this page.
      const rows = slice(summary.rows, page, pageSize);
      const named = await db.assessments.namedTaskClusters(code, [
        ...new Set(rows.map((row) => row.task)),
      ]);
      const items = rows.map((row) => ({
        ...row,
        clusters: named
          .filter((cl) => cl.task === row.task && cl.readiness === row.readiness)
          .map((cl) => ({ id: cl.id, name: cl.name })),
      }));
      const task = label(PublicTasks.entries, lang);
      const readiness = label(ReadinessLevels.entries, lang);
      const csv = csvIfAccepted(
        c,
        `public-tasks-${code}.csv`,
        ["task", "taskLabel", "readiness", "readinessLabel", "clusters", "clusterNames"],
        () =>
          items.map((item) => [
            item.task,
            task(item.task),
            item.readiness,
            readiness(item.readiness),
            item.count,
            item.clusters.map((cl) => cl.name).join("; "),
          ]),
      );
      if (csv) return csv;
      return c.json(
        {
          region: code,
          clusters: summary.clusters,
          items,
          total: summary.rows.length,
          page,
          pageSize,
        },
        200,
      );
    });
}
