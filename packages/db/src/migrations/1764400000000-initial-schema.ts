/**
 * @module
 * The first schema, hand-written per dialect where types differ: JSON is text on SQLite and jsonb
 * on PostgreSQL, dates are text (ISO) on SQLite and date/timestamptz on PostgreSQL. Assessments and
 * their needs and public tasks are append-only, enforced by triggers on both dialects.
 */
import type { MigrationInterface, QueryRunner } from "typeorm";

interface Types {
  json: string;
  date: string;
  timestamp: string;
  bool: string;
  uuid: string;
}

const SQLITE: Types = {
  json: "TEXT",
  date: "TEXT",
  timestamp: "TEXT",
  bool: "BOOLEAN",
  uuid: "TEXT",
};
const POSTGRES: Types = {
  json: "JSONB",
  date: "DATE",
  timestamp: "TIMESTAMPTZ",
  bool: "BOOLEAN",
  uuid: "UUID",
};

/** Tables in creation order (children after parents); `down` drops them in reverse. */
export const TABLES = [
  "funding_source",
  "public_task",
  "instrument",
  "instrument_region",
  "instrument_function",
  "instrument_actor",
  "instrument_form",
  "instrument_funding_source",
  "cluster",
  "assessment",
  "assessment_need",
  "assessment_public_task",
  "api_key",
  "system_state",
] as const;

/** The tables that refuse UPDATE and DELETE: an assessment is never overwritten. */
export const APPEND_ONLY_TABLES = [
  "assessment",
  "assessment_need",
  "assessment_public_task",
] as const;

function tableStatements(t: Types): string[] {
  const joinTable = (name: string, column: string, references?: string) => [
    `CREATE TABLE ${name} (
      instrument_id TEXT NOT NULL REFERENCES instrument(id) ON DELETE CASCADE,
      ${column} TEXT NOT NULL${references ? ` REFERENCES ${references}` : ""},
      PRIMARY KEY (instrument_id, ${column})
    )`,
    // The filter goes from the code to the instruments: (code, instrument_id).
    `CREATE INDEX ix_${name}_${column} ON ${name} (${column}, instrument_id)`,
  ];
  return [
    `CREATE TABLE funding_source (
      id TEXT PRIMARY KEY NOT NULL,
      kind TEXT NOT NULL,
      level TEXT NULL,
      data ${t.json} NOT NULL,
      content_hash TEXT NOT NULL,
      updated_at ${t.timestamp} NOT NULL
    )`,
    `CREATE TABLE public_task (
      code TEXT PRIMARY KEY NOT NULL,
      data ${t.json} NOT NULL,
      content_hash TEXT NOT NULL,
      updated_at ${t.timestamp} NOT NULL
    )`,
    `CREATE TABLE instrument (
      id TEXT PRIMARY KEY NOT NULL,
      level TEXT NOT NULL,
      kind TEXT NOT NULL,
      cluster_specific ${t.bool} NOT NULL,
      data ${t.json} NOT NULL,
      search_text TEXT NOT NULL,
      last_verified ${t.date} NOT NULL,
      content_hash TEXT NOT NULL,
      updated_at ${t.timestamp} NOT NULL
    )`,
    `CREATE INDEX ix_instrument_level ON instrument (level, id)`,
    ...joinTable("instrument_region", "region"),
    ...joinTable("instrument_function", "function"),
    ...joinTable("instrument_actor", "actor"),
    ...joinTable("instrument_form", "form"),
    ...joinTable("instrument_funding_source", "funding_source_id", "funding_source(id)"),
    `CREATE TABLE cluster (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      region TEXT NOT NULL,
      fictional ${t.bool} NOT NULL DEFAULT FALSE,
      created_at ${t.timestamp} NOT NULL
    )`,
    `CREATE INDEX ix_cluster_region ON cluster (region, id)`,
    `CREATE TABLE assessment (
      id ${t.uuid} PRIMARY KEY NOT NULL,
      cluster_id TEXT NOT NULL REFERENCES cluster(id),
      region TEXT NOT NULL,
      created_at ${t.timestamp} NOT NULL,
      assessed_on ${t.date} NOT NULL,
      cluster_snapshot ${t.json} NOT NULL,
      profile ${t.json} NOT NULL,
      own_contribution ${t.json} NOT NULL,
      rulebook_version TEXT NULL,
      recommendations ${t.json} NULL,
      access_token_hash TEXT NULL
    )`,
    // "Latest of each cluster" ranks a cluster's assessments by these three columns.
    `CREATE INDEX ix_assessment_cluster_latest ON assessment (cluster_id, assessed_on, created_at, id)`,
    `CREATE INDEX ix_assessment_region ON assessment (region, cluster_id)`,
    `CREATE TABLE assessment_need (
      assessment_id ${t.uuid} NOT NULL REFERENCES assessment(id),
      position INTEGER NOT NULL,
      actor TEXT NOT NULL,
      function TEXT NOT NULL,
      priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 3),
      PRIMARY KEY (assessment_id, actor, function)
    )`,
    `CREATE TABLE assessment_public_task (
      assessment_id ${t.uuid} NOT NULL REFERENCES assessment(id),
      position INTEGER NOT NULL,
      task TEXT NOT NULL,
      readiness TEXT NOT NULL,
      PRIMARY KEY (assessment_id, task)
    )`,
    `CREATE TABLE api_key (
      id ${t.uuid} PRIMARY KEY NOT NULL,
      label TEXT NOT NULL,
      role TEXT NOT NULL,
      key_hash TEXT NOT NULL,
      created_at ${t.timestamp} NOT NULL,
      revoked_at ${t.timestamp} NULL,
      last_used_at ${t.timestamp} NULL
    )`,
    `CREATE UNIQUE INDEX ux_api_key_key_hash ON api_key (key_hash)`,
    `CREATE TABLE system_state (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL,
      version INTEGER NOT NULL,
      updated_at ${t.timestamp} NOT NULL
    )`,
  ];
}

function sqliteTriggers(): string[] {
  return APPEND_ONLY_TABLES.flatMap((table) =>
    (["UPDATE", "DELETE"] as const).map(
      (op) =>
        `CREATE TRIGGER tr_${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
         BEGIN SELECT RAISE(ABORT, '${table} is append-only: ${op} refused'); END`,
    ),
  );
}

function postgresTriggers(): string[] {
  return [
    `CREATE FUNCTION klastry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
     BEGIN
       RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
         USING ERRCODE = 'restrict_violation';
     END
     $fn$`,
    ...APPEND_ONLY_TABLES.flatMap((table) => [
      `CREATE TRIGGER tr_${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION klastry_refuse_change()`,
      `CREATE TRIGGER tr_${table}_no_truncate BEFORE TRUNCATE ON ${table}
       FOR EACH STATEMENT EXECUTE FUNCTION klastry_refuse_change()`,
    ]),
  ];
}

export class InitialSchema1764400000000 implements MigrationInterface {
  readonly name = "InitialSchema1764400000000";

  async up(runner: QueryRunner): Promise<void> {
    const postgres = runner.connection.driver.options.type === "postgres";
    const statements = postgres
      ? [...tableStatements(POSTGRES), ...postgresTriggers()]
      : [...tableStatements(SQLITE), ...sqliteTriggers()];
    for (const statement of statements) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    const postgres = runner.connection.driver.options.type === "postgres";
    for (const table of [...TABLES].reverse()) await runner.query(`DROP TABLE ${table}`);
    if (postgres) await runner.query(`DROP FUNCTION klastry_refuse_change()`);
  }
}
