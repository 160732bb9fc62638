/**
 * @module
 * The national needs survey at the scale of the EU cluster landscape (issue 14): 10,000 clusters
 * with 5 assessments each (two self-registered, two answered in an earlier round, one in the
 * current national round, ~4 needs and 2 public tasks each), bulk-inserted into a fresh SQLite
 * file and, when it answers, a scratch PostgreSQL database. Then the real app, in process,
 * answers `GET /national` (with the change from the earlier round) and `GET /rounds/{id}/report`
 * for a national key: the median of 5 timed requests after one warm-up, target under 1 s each.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, createLogger, loadEnv, RulebookStore } from "@klastry/api";
import { inTransaction, openDatabase, seedKnowledgeBase, type Database } from "@klastry/db";
import {
  ActorTypes,
  PublicTasks,
  ReadinessLevels,
  REGION_CODES,
  SupportFunctions,
} from "@klastry/domain";
import { insertRows } from "@klastry/db/testing";
import { buildAssessment } from "@klastry/domain/testing";
import { createScratchDatabase, postgresPlan, repoRoot } from "@klastry/e2e/support";
import { loadKnowledgeBase } from "@klastry/knowledge";
import { loadRulebook, type Rulebook } from "@klastry/rules-engine";

export const SURVEY_CLUSTERS = 10_000;
export const SURVEY_ASSESSMENTS_PER_CLUSTER = 5;
const RUNS = 5;

export interface SurveyBenchRow {
  database: "sqlite" | "postgres";
  clusters: number;
  assessments: number;
  seedSeconds: number;
  /** GET /national for the current round with the change from the earlier one. */
  nationalMs: number;
  /** GET /national without a round: the latest official answer of every cluster. */
  nationalLatestMs: number;
  /** GET /rounds/{id}/report (the report's data, JSON). */
  reportMs: number;
  /** The load average over the last minute when the timings ended: the machine is shared. */
  loadAverage: number;
  targetMs: number;
}

/** Multi-row INSERTs into one table in a transaction (the db package's bulk writer). */
function insertTable(
  db: Database,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  return inTransaction(db.dataSource, (tx) => insertRows(tx, table, columns, rows));
}

async function seedSurvey(db: Database): Promise<{ current: string; earlier: string }> {
  const earlier = await db.survey.createRound(
    {
      title: "Badanie 2025",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      scope: "national",
    },
    "admin",
  );
  const current = await db.survey.createRound(
    {
      title: "Badanie 2026",
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      scope: "national",
    },
    "admin",
  );
  const template = buildAssessment();
  const now = new Date().toISOString();
  const clusters: unknown[][] = [];
  const invitations: unknown[][] = [];
  const assessments: unknown[][] = [];
  const needs: unknown[][] = [];
  const tasks: unknown[][] = [];
  for (let c = 0; c < SURVEY_CLUSTERS; c += 1) {
    const region = REGION_CODES[c % REGION_CODES.length] ?? "14";
    const id = `survey-bench-${c}`;
    clusters.push([
      id,
      `Klaster ${c} (fikcyjny)`,
      region,
      false,
      c % 5 === 0 ? "named" : "anonymous",
      now,
    ]);
    const snapshot = JSON.stringify({ ...template.cluster, name: id, region });
    for (let a = 0; a < SURVEY_ASSESSMENTS_PER_CLUSTER; a += 1) {
      const assessmentId = randomUUID();
      const round = a === 4 ? current.id : a >= 2 ? earlier.id : null;
      const invitationId = round === null ? null : randomUUID();
      if (invitationId !== null && a !== 3)
        invitations.push([
          invitationId,
          round,
          c,
          `Klaster ${c} (fikcyjny)`,
          region,
          null,
          `${assessmentId}-hash`,
          "submitted",
          now,
          now,
          now,
          id,
          assessmentId,
        ]);
      assessments.push([
        assessmentId,
        id,
        region,
        new Date(Date.UTC(2025, 0, 1) + c * 10 + a).toISOString(),
        `202${a < 4 ? 5 : 6}-0${a + 1}-15`,
        snapshot,
        JSON.stringify(template.profile),
        JSON.stringify(template.ownContribution ?? {}),
        true,
        true,
        round,
        a === 3 ? null : invitationId,
      ]);
      const seen = new Set<string>();
      for (let k = 0; k < 4; k += 1) {
        const actor = ActorTypes.codes[(c + k) % ActorTypes.codes.length] ?? "sme";
        const fn =
          SupportFunctions.codes[(c * 3 + a + k) % SupportFunctions.codes.length] ??
          "cluster_management";
        if (seen.has(`${actor}/${fn}`)) continue;
        seen.add(`${actor}/${fn}`);
        needs.push([assessmentId, k, actor, fn, (k % 3) + 1]);
      }
      for (let k = 0; k < 2; k += 1)
        tasks.push([
          assessmentId,
          k,
          PublicTasks.codes[(c + k) % PublicTasks.codes.length],
          ReadinessLevels.codes[(c + a + k) % ReadinessLevels.codes.length],
        ]);
    }
  }
  await insertTable(
    db,
    "cluster",
    ["id", "name", "region", "fictional", "visibility", "created_at"],
    clusters,
  );
  await insertTable(
    db,
    "survey_invitation",
    [
      "id",
      "round_id",
      "position",
      "cluster_name",
      "region",
      "contact",
      "token_hash",
      "status",
      "invited_at",
      "started_at",
      "submitted_at",
      "cluster_id",
      "assessment_id",
    ],
    invitations,
  );
  await insertTable(
    db,
    "assessment",
    [
      "id",
      "cluster_id",
      "region",
      "created_at",
      "assessed_on",
      "cluster_snapshot",
      "profile",
      "own_contribution",
      "needs_answered",
      "public_tasks_answered",
      "round_id",
      "invitation_id",
    ],
    assessments,
  );
  await insertTable(
    db,
    "assessment_need",
    ["assessment_id", "position", "actor", "function", "priority"],
    needs,
  );
  await insertTable(
    db,
    "assessment_public_task",
    ["assessment_id", "position", "task", "readiness"],
    tasks,
  );
  // Fresh statistics, as a production database has after its autovacuum or `ANALYZE`.
  await db.dataSource.query("ANALYZE");
  return { current: current.id, earlier: earlier.id };
}

async function median(work: () => Promise<void>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)] ?? 0;
}

async function benchOne(kind: "sqlite" | "postgres", url?: string): Promise<SurveyBenchRow> {
  const dir = mkdtempSync(join(tmpdir(), "klastry-survey-bench-"));
  const db = await openDatabase(
    url === undefined ? { sqlitePath: join(dir, "bench.sqlite") } : { url },
  );
  try {
    await db.migrate();
    const knowledge = loadKnowledgeBase();
    await seedKnowledgeBase(db, knowledge);
    const seedStarted = performance.now();
    const rounds = await seedSurvey(db);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const logger = createLogger({ level: "error", write: () => undefined });
    const env = loadEnv({ WEB_DIST: "/nonexistent-klastry-web-dist", RATE_LIMIT_BURST: "100000" });
    const rulebookStore = new RulebookStore<Rulebook>({
      load: () => Promise.resolve(loadRulebook({ dir: join(repoRoot, "rules"), knowledge })),
      state: db.systemState,
      logger,
    });
    await rulebookStore.init();
    const app = createApp({ db, knowledge, rulebookStore, env, logger });
    const key = (await db.apiKeys.create({ role: "national", label: "bench" })).secret;
    const get = async (path: string) => {
      const res = await app.request(`/api/v1${path}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    const nationalMs = await median(() =>
      get(`/national?round=${rounds.current}&compareWith=${rounds.earlier}`),
    );
    const nationalLatestMs = await median(() => get(`/national`));
    const reportMs = await median(() => get(`/rounds/${rounds.current}/report`));
    rulebookStore.stopPolling();
    return {
      database: kind,
      clusters: SURVEY_CLUSTERS,
      assessments: SURVEY_CLUSTERS * SURVEY_ASSESSMENTS_PER_CLUSTER,
      seedSeconds: Math.round(seedSeconds * 10) / 10,
      nationalMs: Math.round(nationalMs),
      nationalLatestMs: Math.round(nationalLatestMs),
      reportMs: Math.round(reportMs),
      loadAverage: Math.round((loadavg()[0] ?? 0) * 10) / 10,
      targetMs: 1000,
    };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Both dialects (PostgreSQL when it answers), one row each. */
export async function runSurveyBench(
  log: (line: string) => void = console.log,
): Promise<SurveyBenchRow[]> {
  const rows = [await benchOne("sqlite")];
  const line = (row: SurveyBenchRow) =>
    `survey on ${row.database} (${row.clusters} clusters x ${SURVEY_ASSESSMENTS_PER_CLUSTER}, seeded in ${row.seedSeconds} s): national view ${row.nationalMs} ms (with change between rounds; latest official ${row.nationalLatestMs} ms), report data ${row.reportMs} ms; target < ${row.targetMs} ms each; load average ${row.loadAverage}`;
  log(line(rows[0] as SurveyBenchRow));
  if ((await postgresPlan()).run) {
    const scratch = await createScratchDatabase("surveybench");
    try {
      const row = await benchOne("postgres", scratch.url);
      rows.push(row);
      log(line(row));
    } finally {
      await scratch.drop();
    }
  }
  return rows;
}
