/**
 * Region routes answered from stored verdicts and SQL paging give the answers of evaluating every
 * latest assessment on the spot with the engine: a few hundred generated assessments, the real
 * catalogue and rulebook, before the verdicts are stored (everything evaluated per request),
 * after the background recompute (everything from the database), and for another date.
 */
import { join } from "node:path";
import type { DatabaseKind } from "@klastry/db";
import { todayInPoland, type IsoDate, type Language } from "@klastry/domain";
import { loadKnowledgeBase } from "@klastry/knowledge";
import { evaluate, needsCoverage, type Rulebook } from "@klastry/rules-engine";
import { afterAll, beforeAll, expect, it } from "vitest";
import { REPO_ROOT } from "../../env.ts";
import { answersOf } from "../../evaluation.ts";
import { describeEachDatabase } from "../../testing/databases.ts";
import { storeGeneratedAssessments } from "../../testing/generated-assessments.ts";
import { bearer, openTestApi, type TestApi } from "../../testing/harness.ts";
import { VerdictRefresher } from "../../verdicts/verdict-refresher.ts";

const REGIONS = ["10", "14"] as const;
const CLUSTERS = 240;

interface CoverageItem {
  actor: string;
  function: string;
  count: number;
  covered: boolean;
  coveredClusters: number;
  uncoveredClusters: number;
  instruments: { id: string; clusters: number }[];
  mayFund: { id: string; clusters: number }[];
}

function suite(kind: DatabaseKind): void {
  let api: TestApi;
  let key: string;
  let rulebook: Rulebook;

  beforeAll(async () => {
    api = await openTestApi(kind, {
      knowledge: loadKnowledgeBase(),
      rulesDir: join(REPO_ROOT, "rules"),
    });
    key = await api.key("admin");
    rulebook = api.deps.rulebookStore.current();
    await storeGeneratedAssessments(api.db, CLUSTERS, REGIONS);
  }, 120_000);
  afterAll(async () => api?.dispose());

  async function get<T>(path: string): Promise<T> {
    const res = await api.app.request(`/api/v1${path}`, { headers: bearer(key) });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  }

  /** Every page of a region's recommendations, concatenated. */
  async function allRecommendations(region: string, query: string) {
    const items: unknown[] = [];
    for (let page = 1; ; page++) {
      const body = await get<{ items: unknown[]; total: number }>(
        `/regions/${region}/recommendations?pageSize=37&page=${page}${query}`,
      );
      items.push(...body.items);
      if (items.length >= body.total || body.items.length === 0)
        return { items, total: body.total };
    }
  }

  async function expectedRecommendations(region: string, date: IsoDate, language: Language) {
    const latest = await api.db.assessments.latestByRegion(region, "named");
    return latest.map((record) => {
      const set = evaluate(rulebook, answersOf(record.assessment), { date, language });
      return {
        clusterId: record.assessment.clusterId,
        clusterName: record.assessment.cluster.name,
        assessmentId: record.assessment.id,
        assessedOn: record.assessedOn,
        recommendations: set.recommendations,
        notEligibleCount: set.notEligibleCount,
      };
    });
  }

  /** Coverage as the engine gives it, cluster by cluster, added up here. */
  async function expectedCoverage(region: string, date: IsoDate) {
    const latest = await api.db.assessments.latestByRegion(region, "totals");
    const cells = new Map<
      string,
      { covered: number; by: Map<string, number>; may: Map<string, number> }
    >();
    for (const record of latest) {
      for (const c of needsCoverage(rulebook, answersOf(record.assessment), date)) {
        const key = `${c.need.actor}/${c.need.function}`;
        const cell = cells.get(key) ?? { covered: 0, by: new Map(), may: new Map() };
        if (c.coveredBy.length > 0) cell.covered++;
        for (const id of c.coveredBy) cell.by.set(id, (cell.by.get(id) ?? 0) + 1);
        for (const id of c.mayFund) cell.may.set(id, (cell.may.get(id) ?? 0) + 1);
        cells.set(key, cell);
      }
    }
    const listed = (counts: Map<string, number>) =>
      [...counts]
        .map(([id, clusters]) => ({ id, clusters }))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
    return { clusters: latest.length, cells, listed };
  }

  async function checkCoverage(region: string, date: IsoDate, query: string) {
    const body = await get<{
      clusters: number;
      items: CoverageItem[];
      verdicts: { stored: number; evaluated: number };
    }>(`/regions/${region}/coverage?pageSize=200${query}`);
    const expected = await expectedCoverage(region, date);
    expect(body.clusters).toBe(expected.clusters);
    expect(body.items.length).toBeGreaterThan(5);
    for (const item of body.items) {
      const cell = expected.cells.get(`${item.actor}/${item.function}`);
      expect(
        {
          coveredClusters: item.coveredClusters,
          uncoveredClusters: item.uncoveredClusters,
          instruments: item.instruments.map((i) => ({ id: i.id, clusters: i.clusters })),
          mayFund: item.mayFund.map((i) => ({ id: i.id, clusters: i.clusters })),
        },
        `${item.actor}/${item.function}`,
      ).toEqual({
        coveredClusters: cell?.covered ?? 0,
        uncoveredClusters: item.count - (cell?.covered ?? 0),
        instruments: cell ? expected.listed(cell.by) : [],
        mayFund: cell ? expected.listed(cell.may) : [],
      });
    }
    // The comparison means something only when some needs are covered and some are not.
    expect(body.items.some((item) => item.coveredClusters > 0 && item.instruments.length > 0)).toBe(
      true,
    );
    expect(body.items.some((item) => item.uncoveredClusters > 0)).toBe(true);
    return body;
  }

  async function checkPublicTasks(region: string) {
    const body = await get<{
      items: {
        task: string;
        readiness: string;
        count: number;
        clusters: { id: string; name: string }[];
      }[];
    }>(`/regions/${region}/public-tasks?pageSize=5&page=2`);
    const latest = await api.db.assessments.latestByRegion(region, "named");
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(item.clusters).toEqual(
        latest
          .filter((r) =>
            (r.assessment.publicTasks ?? []).some(
              (t) => t.task === item.task && t.readiness === item.readiness,
            ),
          )
          .map((r) => ({ id: r.assessment.clusterId, name: r.assessment.cluster.name })),
      );
    }
  }

  it("answers as the engine does while no verdict is stored, evaluating every cluster", async () => {
    const today = todayInPoland();
    for (const region of REGIONS) {
      const pages = await allRecommendations(region, "&lang=en");
      const expected = await expectedRecommendations(region, today, "en");
      expect(pages.total).toBe(expected.length);
      expect(pages.items).toEqual(expected);
      const coverage = await checkCoverage(region, today, "");
      expect(coverage.verdicts).toEqual({ stored: 0, evaluated: coverage.clusters });
      await checkPublicTasks(region);
    }
  }, 120_000);

  it("answers the same from stored verdicts once they are recomputed, and for another date", async () => {
    const refresher = new VerdictRefresher({
      db: api.db,
      rulebookStore: api.deps.rulebookStore,
      logger: api.deps.logger,
      worker: "test",
      batchSize: 40,
    });
    const today = todayInPoland();
    const target = { rulebookVersion: rulebook.version, evaluatedOn: today };
    // The generated clusters and the seeded sample clusters.
    const stale = await api.db.verdicts.countStaleLatest(target);
    expect(stale).toBeGreaterThanOrEqual(CLUSTERS);
    const run = await refresher.refresh();
    expect(run.assessments).toBe(stale);
    expect(await api.db.verdicts.countStaleLatest(target)).toBe(0);
    for (const region of REGIONS) {
      const coverage = await checkCoverage(region, today, "");
      expect(coverage.verdicts).toEqual({ stored: coverage.clusters, evaluated: 0 });
      const other = await checkCoverage(region, "2025-03-01", "&date=2025-03-01");
      expect(other.verdicts).toEqual({ stored: 0, evaluated: other.clusters });
      const pages = await allRecommendations(region, "&lang=pl&date=2025-03-01");
      expect(pages.items).toEqual(await expectedRecommendations(region, "2025-03-01", "pl"));
      await checkPublicTasks(region);
    }
  }, 120_000);
}

describeEachDatabase("region routes from stored verdicts", suite);
