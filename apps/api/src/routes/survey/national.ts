/**
 * @module
 * `GET /national`: the national picture for the ministry and the working group (national and
 * admin keys), as JSON or CSV (`Accept: text/csv`). Counts come from SQL, protected before they
 * leave (see national-picture.ts); no cluster is named.
 */
import {
  ActorTypes,
  PublicTasks,
  ReadinessLevels,
  SupportFunctions,
  indexByCode,
  todayInPoland,
  type IsoDate,
  type Language,
  type Round,
  type VocabularyEntry,
} from "@klastry/domain";
import type { Context } from "hono";
import type { Principal } from "../../auth/access.ts";
import type { RouteDeps } from "../../deps.ts";
import { pinRulebook } from "../../evaluation.ts";
import { ApiError } from "../../problems/api-error.ts";
import { csvIfAccepted } from "../csv-response.ts";
import { createRouter } from "../router.ts";
import { nationalRoute } from "./contracts.ts";
import { buildNationalPicture } from "./national-picture.ts";
import { requireNational, seeRound } from "./round-access.ts";

type Deps = Pick<RouteDeps, "db" | "keys" | "rulebookStore">;

export const refOf = (round: Round) => ({
  id: round.id,
  title: round.title,
  periodStart: round.periodStart,
  periodEnd: round.periodEnd,
});

export function labeller(entries: readonly VocabularyEntry[], language: Language) {
  const index = indexByCode(entries);
  return (code: string) => index.get(code)?.label[language] ?? code;
}

/** The picture of a round (or of every cluster's latest official answer), with the change. */
export async function pictureFor(
  deps: Deps,
  c: Context,
  principal: Principal,
  query: {
    round?: string | undefined;
    compareWith?: string | undefined;
    date?: IsoDate | undefined;
  },
) {
  const round =
    query.round === undefined
      ? null
      : seeRound(principal, await deps.db.survey.getRound(query.round), query.round);
  if (query.compareWith !== undefined && round === null)
    throw new ApiError("VALIDATION_FAILED", "compareWith needs a round to compare with it", {
      issues: [
        {
          code: "INVALID_VALUE",
          in: "query",
          path: "compareWith",
          pointer: "/compareWith",
          message: "give `round` too: the change is from compareWith to round",
        },
      ],
    });
  const earlier =
    query.compareWith === undefined
      ? undefined
      : seeRound(principal, await deps.db.survey.getRound(query.compareWith), query.compareWith);
  const rulebook = pinRulebook(deps, c);
  const statusOn = query.date ?? todayInPoland();
  // Side by side: PostgreSQL runs them on separate connections (SQLite takes them in turn).
  const [counts, rates, earlierCounts] = await Promise.all([
    deps.db.survey.counts(round?.id ?? null),
    round === null ? undefined : deps.db.survey.responseRates(round.id),
    earlier === undefined ? undefined : deps.db.survey.counts(earlier.id),
  ]);
  return {
    round,
    rates,
    rulebook,
    counts,
    picture: buildNationalPicture({
      round: round === null ? null : refOf(round),
      statusOn,
      counts,
      instruments: rulebook.instruments.values(),
      catalogueVersion: rulebook.version,
      ...(rates === undefined ? {} : { responseRates: rates.byRegion }),
      ...(earlier === undefined || earlierCounts === undefined
        ? {}
        : {
            before: {
              round: refOf(earlier),
              counts: earlierCounts,
              statusOn: earlier.periodEnd < statusOn ? earlier.periodEnd : statusOn,
            },
          }),
    }),
  };
}

export function nationalRoutes(deps: Deps) {
  return createRouter().openapi(nationalRoute, async (c) => {
    const query = c.req.valid("query");
    const principal = await requireNational(c, deps.keys);
    const { picture } = await pictureFor(deps, c, principal, query);
    c.header("Cache-Control", "private, no-store");
    const actor = labeller(ActorTypes.entries, query.lang);
    const fn = labeller(SupportFunctions.entries, query.lang);
    const task = labeller(PublicTasks.entries, query.lang);
    const readiness = labeller(ReadinessLevels.entries, query.lang);
    const csv = csvIfAccepted(
      c,
      `national-${picture.round?.id ?? "latest"}-${picture.statusOn}.csv`,
      [
        "table",
        "region",
        "actor",
        "function",
        "task",
        "readiness",
        "count",
        "eu",
        "national",
        "regional",
        "gap",
      ],
      () => [
        ...picture.regions.map((r) => [
          "clusters",
          r.region,
          "",
          "",
          "",
          "",
          r.clusters,
          "",
          "",
          "",
          "",
        ]),
        ["clusters", "all", "", "", "", "", picture.clusters, "", "", "", ""],
        ...picture.coverage.map((cell) => [
          "needs",
          cell.region,
          actor(cell.actor),
          fn(cell.function),
          "",
          "",
          cell.count,
          cell.levels.eu,
          cell.levels.national,
          cell.levels.regional,
          cell.gap,
        ]),
        ...picture.needTotals.map((t) => [
          "needs",
          "all",
          actor(t.actor),
          fn(t.function),
          "",
          "",
          t.count,
          "",
          "",
          "",
          "",
        ]),
        ...picture.publicTasks.map((t) => [
          "public-tasks",
          t.region,
          "",
          "",
          task(t.task),
          readiness(t.readiness),
          t.count,
          "",
          "",
          "",
          "",
        ]),
      ],
    );
    if (csv) return csv;
    const { protectedCounts: _p, offers: _o, ...body } = picture;
    return c.json(body, 200);
  });
}
