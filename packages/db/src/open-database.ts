/**
 * @module
 * Opens the database: a SQLite file by default (one process, embedded), PostgreSQL when given a
 * `postgres://` url (several stateless API processes). The same repositories run on both.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { DataSource, type DataSourceOptions } from "typeorm";
import type BetterSqlite3 from "better-sqlite3";
import { entitySchemas } from "./entities/index.ts";
import { DbError } from "./errors.ts";
import { MIGRATIONS } from "./migrations/index.ts";
import { exclusively } from "./sqlite-gate.ts";
import { AssessmentRepository } from "./repositories/assessment-repository.ts";
import { ApiKeyRepository } from "./repositories/api-key-repository.ts";
import { CatalogueRepository } from "./repositories/catalogue-repository.ts";
import { ClusterRepository } from "./repositories/cluster-repository.ts";
import { SurveyRepository } from "./repositories/survey-repository.ts";
import { SystemStateRepository } from "./repositories/system-state-repository.ts";
import { VerdictBatches } from "./repositories/verdict-batches.ts";
import { VerdictRepository } from "./repositories/verdict-repository.ts";
import { runSql, type DatabaseKind } from "./sql.ts";

export interface OpenDatabaseOptions {
  /** A `postgres://` or `postgresql://` url switches to PostgreSQL. */
  url?: string;
  /** SQLite file; default `./data/klastry.sqlite` relative to the working directory. */
  sqlitePath?: string;
  /** Log every SQL statement (TypeORM's logger). */
  logging?: boolean;
}

export interface DatabaseHealth {
  ok: boolean;
  kind: DatabaseKind;
  /** Why the database is not healthy. */
  error?: string;
}

export interface Database {
  readonly dataSource: DataSource;
  readonly kind: DatabaseKind;
  readonly catalogue: CatalogueRepository;
  readonly clusters: ClusterRepository;
  readonly assessments: AssessmentRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly systemState: SystemStateRepository;
  /** Stored verdicts of assessments, for region routes. */
  readonly verdicts: VerdictRepository;
  /** The queue of background verdict recomputes. */
  readonly verdictBatches: VerdictBatches;
  /** Survey rounds, invitations, moderation and the national aggregates. */
  readonly survey: SurveyRepository;
  /** Runs pending migrations, each in its own transaction; returns the names of those run. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
  health(): Promise<DatabaseHealth>;
}

export const DEFAULT_SQLITE_PATH = "data/klastry.sqlite";

/** How long a SQLite writer waits for another connection's lock before SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Prepares every SQLite connection. WAL lets readers run beside the one writer.
 * synchronous=FULL (not NORMAL): in WAL mode NORMAL can lose the last commits on power loss,
 * and an assessment a coordinator was promised a private link to must survive that; writes are
 * human-paced form submissions, so one fsync per commit costs little.
 */
function prepareSqlite(connection: BetterSqlite3.Database): void {
  connection.pragma("journal_mode = WAL");
  connection.pragma("synchronous = FULL");
  connection.pragma("foreign_keys = ON");
  connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
}

function dataSourceOptions(options: OpenDatabaseOptions): {
  kind: DatabaseKind;
  options: DataSourceOptions;
} {
  const logging = options.logging ?? false;
  const url = options.url;
  if (url !== undefined && url !== "") {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new DbError(
        "CONFIG_INVALID",
        `database url must start with postgres:// or postgresql://; received "${url.split(":")[0]}:..."; leave it out to use SQLite`,
      );
    }
    const entities = Object.values(entitySchemas("postgres"));
    return {
      kind: "postgres",
      options: {
        type: "postgres",
        url,
        entities,
        migrations: MIGRATIONS,
        synchronize: false,
        logging,
      },
    };
  }
  const database = path.resolve(process.cwd(), options.sqlitePath ?? DEFAULT_SQLITE_PATH);
  mkdirSync(path.dirname(database), { recursive: true });
  const entities = Object.values(entitySchemas("sqlite"));
  return {
    kind: "sqlite",
    options: {
      type: "better-sqlite3",
      database,
      timeout: SQLITE_BUSY_TIMEOUT_MS,
      prepareDatabase: prepareSqlite,
      entities,
      migrations: MIGRATIONS,
      synchronize: false,
      logging,
    },
  };
}

/**
 * Opens (and connects) the database. Does not migrate: call `migrate()` once at start-up.
 *
 * @example
 * const db = await openDatabase(); // ./data/klastry.sqlite
 * await db.migrate();
 * const { items } = await db.catalogue.listInstruments({ region: "14", page: 1, pageSize: 20 });
 * await db.close();
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const { kind, options: dsOptions } = dataSourceOptions(options);
  const dataSource = new DataSource(dsOptions);
  await dataSource.initialize();
  const systemState = new SystemStateRepository(dataSource);
  const clusters = new ClusterRepository(dataSource);
  return {
    dataSource,
    kind,
    catalogue: new CatalogueRepository(dataSource),
    clusters,
    assessments: new AssessmentRepository(dataSource, clusters),
    apiKeys: new ApiKeyRepository(dataSource, systemState),
    survey: new SurveyRepository(dataSource),
    systemState,
    verdicts: new VerdictRepository(dataSource),
    verdictBatches: new VerdictBatches(dataSource),
    async migrate() {
      const ran = await exclusively(dataSource, () =>
        dataSource.runMigrations({ transaction: "each" }),
      );
      return ran.map((migration) => migration.name);
    },
    async close() {
      // Let an open SQLite transaction finish rather than cut it off.
      if (dataSource.isInitialized) await exclusively(dataSource, () => dataSource.destroy());
    },
    async health() {
      try {
        await runSql(dataSource, "SELECT 1");
        return { ok: true, kind };
      } catch (error) {
        return { ok: false, kind, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
