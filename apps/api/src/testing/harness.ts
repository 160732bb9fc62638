/**
 * @module
 * An API app over a real throw-away database (SQLite file or PostgreSQL database), the db
 * package's fictional test knowledge base and a temp rules folder; logs are captured so tests can
 * grep them for secrets. Nothing of ours is replaced.
 */
import type { Database, DatabaseKind } from "@klastry/db";
import { openTestDatabase } from "@klastry/db/testing";
import type { KnowledgeBase } from "@klastry/knowledge";
import { buildKnowledgeBase } from "@klastry/knowledge/testing";
import { loadRulebook, type Rulebook } from "@klastry/rules-engine";
import { seedKnowledgeBase } from "@klastry/db";
import { createApp, type App } from "../app.ts";
import type { AppDeps } from "../deps.ts";
import { loadEnv, type Env } from "../env.ts";
import { createLogger } from "../logger.ts";
import { RulebookStore } from "../rulebook-store.ts";
import { makeRulesDir } from "./rule-files.ts";

export interface TestApi {
  app: App;
  deps: AppDeps;
  db: Database;
  rulesDir: string;
  /** Every log line written so far. */
  logs: string[];
  /** Creates an API key and returns its secret. */
  key(role: string): Promise<string>;
  dispose(): Promise<void>;
}

export interface TestApiOptions {
  /** Environment overrides (strings, as in process.env). */
  env?: Record<string, string>;
  rules?: Record<string, unknown>;
  knowledge?: KnowledgeBase;
  /** Use this database instead of opening a new one (two apps on one database). */
  db?: Database;
  /** Reuse a rules folder (two apps reading one folder). */
  rulesDir?: string;
  /** Seed the knowledge base; default: when this call opened the database. */
  seed?: boolean;
}

/** Builds the deps as `server.ts` does, over a given database and rules folder. */
export async function buildDeps(
  db: Database,
  rulesDir: string,
  knowledge: KnowledgeBase,
  env: Env,
  logs: string[],
): Promise<AppDeps> {
  const logger = createLogger({ level: "debug", write: (line) => logs.push(line) });
  const rulebookStore = new RulebookStore<Rulebook>({
    load: () => Promise.resolve(loadRulebook({ dir: rulesDir, knowledge })),
    state: db.systemState,
    logger,
  });
  await rulebookStore.init();
  return { db, knowledge, rulebookStore, env: { ...env, RULES_DIR: rulesDir }, logger };
}

export async function openTestApi(
  kind: DatabaseKind,
  options: TestApiOptions = {},
): Promise<TestApi> {
  const knowledge = options.knowledge ?? buildKnowledgeBase();
  const opened = options.db === undefined ? await openTestDatabase(kind) : undefined;
  const db = options.db ?? opened!.db;
  if (options.seed ?? opened !== undefined) await seedKnowledgeBase(db, knowledge);
  const rules = options.rulesDir === undefined ? makeRulesDir(options.rules) : undefined;
  const rulesDir = options.rulesDir ?? rules!.dir;
  const env = loadEnv({ WEB_DIST: "/nonexistent-klastry-web-dist", ...options.env });
  const logs: string[] = [];
  const deps = await buildDeps(db, rulesDir, knowledge, env, logs);
  const app = createApp(deps);
  return {
    app,
    deps,
    db,
    rulesDir,
    logs,
    async key(role) {
      return (await db.apiKeys.create({ role, label: `test ${role}` })).secret;
    },
    async dispose() {
      deps.rulebookStore.stopPolling();
      await opened?.dispose();
      rules?.dispose();
    },
  };
}

/** `Authorization: Bearer <secret>` headers, merged with others. */
export function bearer(
  secret: string,
  headers: Record<string, string> = {},
): Record<string, string> {
  return { authorization: `Bearer ${secret}`, ...headers };
}

/** JSON request init. */
export function jsonBody(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  };
}
