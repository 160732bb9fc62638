/**
 * @module
 * Section 9 of `npm run bench`: region routes at 1,000 / 10,000 / 100,000 stored assessments
 * (issue 12 item 6), on SQLite and on PostgreSQL, with the real catalogue and rulebook. Clusters
 * are generated (a fifth with a second, later assessment) evenly over the 16 voivodeships; region
 * 14 is measured; half named, a quarter anonymous, a quarter private. At each size: the time of a
 * full recompute of stored verdicts (one process), then p50/p95 of each region route called in
 * process (`app.request`, the whole route: auth, SQL, evaluation of the page, JSON).
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { VerdictRefresher, createApp, createLogger, loadEnv, RulebookStore } from "@klastry/api";
import { seedKnowledgeBase, type DatabaseKind } from "@klastry/db";
import {
  analyzeAfterBulkLoad,
  forgetStoredVerdicts,
  insertClustersInBulk,
  openTestDatabase,
  postgresAvailability,
  type BulkCluster,
} from "@klastry/db/testing";
import {
  ActorTypes,
  PublicTasks,
  ReadinessLevels,
  REGION_CODES,
  SupportFunctions,
  type AssessmentInput,
  type Visibility,
} from "@klastry/domain";
import { buildAssessment } from "@klastry/domain/testing";
import { repoRoot } from "@klastry/e2e/support";
import { loadKnowledgeBase } from "@klastry/knowledge";
import { loadRulebook, type Rulebook } from "@klastry/rules-engine";
import { seededRandom, type Random } from "./random.ts";

export const REGION_SIZES = [1_000, 10_000, 100_000] as const;
const REGION = "14";
const REQUESTS = 25;

export interface RouteTiming {
  route: string;
  p50Ms: number;
  p95Ms: number;
  requests: number;
}

export interface RegionSizeReport {
  assessments: number;
  clusters: number;
  clustersInRegion: number;
  seedSeconds: number;
  recompute: { assessments: number; batches: number; seconds: number };
  routes: RouteTiming[];
}

export interface RegionReport {
  database: DatabaseKind;
  sizes: RegionSizeReport[];
}

const VISIBILITIES: readonly Visibility[] = ["named", "named", "anonymous", "private"];
const TEMPLATE = buildAssessment();

function generated(random: Random, index: number, region: string): AssessmentInput {
  const needs = new Map<string, { actor: string; function: string; priority: 1 | 2 | 3 }>();
  for (let i = random.int(0, 5); i > 0; i--) {
    const actor = random.pick(ActorTypes.codes);
    const fn = random.pick(SupportFunctions.codes);
    needs.set(`${actor}/${fn}`, { actor, function: fn, priority: random.int(1, 3) as 1 | 2 | 3 });
  }
  const tasks = new Map<string, { task: string; readiness: string }>();
  for (let i = random.int(0, 3); i > 0; i--) {
    const task = random.pick(PublicTasks.codes);
    tasks.set(task, { task, readiness: random.pick(ReadinessLevels.codes) });
  }
  // Built from a parsed template without parsing again: 100,000 zod parses would dominate.
  return {
    ...TEMPLATE,
    cluster: {
      ...TEMPLATE.cluster,
      name: `Klaster benchmarkowy ${index} (fikcyjny)`,
      region,
      foundedYear: random.int(1995, 2025),
      kkk: random.bool(0.3) ? { holds: true, validUntil: "2099-12-31" } : { holds: false },
    },
    profile: {
      ...TEMPLATE.profile,
      members: {
        sme: random.int(0, 80),
        large_enterprise: random.int(0, 10),
        research_organisation: random.int(0, 5),
        business_support_institution: random.int(0, 3),
        local_government: random.int(0, 2),
        other: 0,
      },
    },
    needs: [...needs.values()],
    publicTasks: [...tasks.values()],
  } as AssessmentInput;
}

/** `count` more assessments as clusters (a fifth with two), numbered from `from`. */
export function clustersOf(random: Random, from: number, count: number): BulkCluster[] {
  const out: BulkCluster[] = [];
  let made = 0;
  for (let index = from; made < count; index++) {
    const region = random.pick(REGION_CODES);
    const assessments: BulkCluster["assessments"] = [
      {
        id: randomUUID(),
        assessedOn: "2026-01-15",
        input: generated(random, index, region),
      },
    ];
    if (index % 5 === 0 && made + 1 < count) {
      const later = generated(random, index, region);
      assessments.push({ id: randomUUID(), assessedOn: "2026-06-15", input: later });
    }
    made += assessments.length;
    out.push({
      id: `bench-cluster-${index}`,
      visibility: VISIBILITIES[index % VISIBILITIES.length] as Visibility,
      assessments,
    });
  }
  return out;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

function percentile(sorted: readonly number[], p: number): number {
  const at = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, at)] as number) * 10) / 10;
}

export async function runRegionBench(
  options: { sizes?: readonly number[]; log?: (line: string) => void } = {},
): Promise<RegionReport[]> {
  const sizes = options.sizes ?? REGION_SIZES;
  const log = options.log ?? (() => undefined);
  const kinds: DatabaseKind[] = (await postgresAvailability()).available
    ? ["sqlite", "postgres"]
    : ["sqlite"];
  const knowledge = loadKnowledgeBase();
  const reports: RegionReport[] = [];
  for (const kind of kinds) {
    const test = await openTestDatabase(kind);
    try {
      const db = test.db;
      await seedKnowledgeBase(db, knowledge);
      const logger = createLogger({ level: "silent" });
      const rulebookStore = new RulebookStore<Rulebook>({
        load: () => Promise.resolve(loadRulebook({ dir: join(repoRoot, "rules"), knowledge })),
        state: db.systemState,
        logger,
      });
      await rulebookStore.init();
      const env = loadEnv({
        WEB_DIST: "/nonexistent",
        RATE_LIMIT_BURST: "1000000",
        RATE_LIMIT_KEY_PER_MINUTE: "100000000",
        RATE_LIMIT_PER_MINUTE: "100000000",
      });
      const app = createApp({ db, knowledge, rulebookStore, env, logger });
      const key = (await db.apiKeys.create({ role: "admin", label: "bench" })).secret;
      const refresher = new VerdictRefresher({
        db,
        rulebookStore,
        logger,
        worker: "bench",
        batchSize: env.VERDICT_BATCH_SIZE,
      });
      const random = seededRandom(12);
      const report: RegionReport = { database: kind, sizes: [] };
      let stored = 0;
      let clusters = 0;
      let inRegion = 0;
      for (const size of sizes) {
        const t0 = now();
        while (stored < size) {
          const chunk = clustersOf(random, clusters, Math.min(10_000, size - stored));
          await insertClustersInBulk(db, chunk);
          stored += chunk.reduce((sum, c) => sum + c.assessments.length, 0);
          clusters += chunk.length;
          inRegion += chunk.filter((c) => c.assessments[0]?.input.cluster.region === REGION).length;
        }
        await analyzeAfterBulkLoad(db);
        const seedSeconds = (now() - t0) / 1000;
        await forgetStoredVerdicts(db);
        const r0 = now();
        const run = await refresher.refresh();
        await analyzeAfterBulkLoad(db);
        const recompute = {
          assessments: run.assessments,
          batches: run.batches.length,
          seconds: Math.round((now() - r0) / 100) / 10,
        };
        const middle = Math.max(1, Math.floor(inRegion / 2 / 20 / 2));
        const paths: [string, string][] = [
          ["recommendations, page 1 of 20", `/regions/${REGION}/recommendations?pageSize=20`],
          [
            "recommendations, a middle page",
            `/regions/${REGION}/recommendations?pageSize=20&page=${middle}`,
          ],
          ["coverage (stored verdicts)", `/regions/${REGION}/coverage`],
          ["needs", `/regions/${REGION}/needs`],
          ["public tasks", `/regions/${REGION}/public-tasks`],
        ];
        const routes: RouteTiming[] = [];
        for (const [route, path] of paths) {
          const times: number[] = [];
          for (let i = 0; i < REQUESTS + 3; i++) {
            const s = now();
            const res = await app.request(`/api/v1${path}`, {
              headers: { authorization: `Bearer ${key}` },
            });
            await res.arrayBuffer();
            if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
            if (i >= 3) times.push(now() - s);
          }
          times.sort((a, b) => a - b);
          routes.push({
            route,
            p50Ms: percentile(times, 50),
            p95Ms: percentile(times, 95),
            requests: times.length,
          });
        }
        const row: RegionSizeReport = {
          assessments: stored,
          clusters,
          clustersInRegion: inRegion,
          seedSeconds: Math.round(seedSeconds * 10) / 10,
          recompute,
          routes,
        };
        report.sizes.push(row);
        log(formatRegionSize(kind, row));
      }
      reports.push(report);
    } finally {
      await test.dispose();
    }
  }
  return reports;
}

export function formatRegionSize(kind: DatabaseKind, row: RegionSizeReport): string {
  const lines = [
    `${kind}: ${row.assessments.toLocaleString("en")} assessments, ${row.clusters.toLocaleString("en")} clusters (${row.clustersInRegion.toLocaleString("en")} in region ${REGION}); seeded in ${row.seedSeconds} s; full recompute of ${row.recompute.assessments.toLocaleString("en")} latest assessments in ${row.recompute.batches} batches: ${row.recompute.seconds} s`,
    ...row.routes.map(
      (r) =>
        `  ${r.route.padEnd(34)} p50 ${String(r.p50Ms).padStart(7)} ms   p95 ${String(r.p95Ms).padStart(7)} ms`,
    ),
  ];
  return lines.join("\n");
}

export function formatRegionReport(reports: readonly RegionReport[]): string {
  return reports
    .flatMap((report) => report.sizes.map((row) => formatRegionSize(report.database, row)))
    .join("\n");
}
