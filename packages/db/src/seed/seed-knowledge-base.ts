/**
 * @module
 * Seeds the catalogue and the sample clusters from a knowledge base, idempotently and in ONE
 * transaction. Everything is validated first; an invalid knowledge base is refused before the
 * database is touched. Catalogue records are upserted by content hash (changed ones updated,
 * removed ones deleted); sample clusters and their assessments are inserted only once.
 */
import { randomUUID } from "node:crypto";
import type { FundingSource, Instrument, PublicTaskRecord, SampleCluster } from "@klastry/domain";
import type { KnowledgeBase } from "@klastry/knowledge";
import { DbError } from "../errors.ts";
import type { Database } from "../open-database.ts";
import { insertAssessment } from "../repositories/assessment-rows.ts";
import { inTransaction } from "../sqlite-gate.ts";
import { runSql, writeJson, type Queryable } from "../sql.ts";
import { canonicalJson, foldText, sha256Hex } from "../text.ts";
import { validateKnowledgeBase } from "./validate-knowledge-base.ts";

export interface UpsertCounts {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

export interface SeedCounts {
  instruments: UpsertCounts;
  fundingSources: UpsertCounts;
  publicTasks: UpsertCounts;
  sampleClusters: { inserted: number; skipped: number };
  assessments: { inserted: number };
}

/** The instrument's join tables: table, column, and the codes an instrument lists. */
const INSTRUMENT_LINKS = [
  ["instrument_region", "region", (i: Instrument) => i.regions],
  ["instrument_function", "function", (i: Instrument) => i.functions],
  ["instrument_actor", "actor", (i: Instrument) => i.eligibleActors],
  ["instrument_form", "form", (i: Instrument) => i.forms],
  ["instrument_funding_source", "funding_source_id", (i: Instrument) => i.fundingSources],
] as const;

/**
 * Validates `kb` and writes it in one transaction.
 *
 * @throws DbError with code SEED_INVALID listing every issue (record id and path) when any record
 *   is invalid; the database is then left exactly as it was.
 * @example
 * const counts = await seedKnowledgeBase(db, await loadKnowledgeBase());
 * console.log(counts.instruments); // { inserted: 42, updated: 0, deleted: 0, unchanged: 0 }
 */
export async function seedKnowledgeBase(db: Database, kb: KnowledgeBase): Promise<SeedCounts> {
  const { issues, value } = validateKnowledgeBase(kb);
  if (issues.length > 0) {
    throw new DbError(
      "SEED_INVALID",
      `knowledge base is invalid (${issues.length} issue(s)); nothing was written`,
      issues,
    );
  }
  const now = new Date().toISOString();
  return inTransaction(db.dataSource, async (tx) => {
    const instrumentHashes = await existingHashes(tx, "instrument", "id");
    const fundingHashes = await existingHashes(tx, "funding_source", "id");
    const taskHashes = await existingHashes(tx, "public_task", "code");

    // Instruments go first so that removed funding sources are no longer referenced when deleted.
    const removedInstruments = removedKeys(
      instrumentHashes,
      value.instruments.map((i) => i.id),
    );
    for (const id of removedInstruments)
      await runSql(tx, `DELETE FROM instrument WHERE id = :id`, { id });

    const fundingSources = await upsertAll(
      value.fundingSources,
      fundingHashes,
      (f) => f.id,
      (f, hash, isNew) => writeFundingSource(tx, f, hash, now, isNew),
    );
    const publicTasks = await upsertAll(
      value.publicTasks,
      taskHashes,
      (t) => t.code,
      (t, hash, isNew) => writePublicTask(tx, t, hash, now, isNew),
    );
    const removedTasks = removedKeys(
      taskHashes,
      value.publicTasks.map((t) => t.code),
    );
    for (const code of removedTasks)
      await runSql(tx, `DELETE FROM public_task WHERE code = :code`, { code });
    publicTasks.deleted = removedTasks.length;
    const instruments = await upsertAll(
      value.instruments,
      instrumentHashes,
      (i) => i.id,
      (i, hash, isNew) => writeInstrument(tx, i, hash, now, isNew),
    );
    instruments.deleted = removedInstruments.length;
    const removedFunding = removedKeys(
      fundingHashes,
      value.fundingSources.map((f) => f.id),
    );
    for (const id of removedFunding)
      await runSql(tx, `DELETE FROM funding_source WHERE id = :id`, { id });
    fundingSources.deleted = removedFunding.length;

    const samples = await insertSampleClusters(tx, value.sampleClusters);
    return { instruments, fundingSources, publicTasks, ...samples };
  });
}

async function existingHashes(
  tx: Queryable,
  table: string,
  key: string,
): Promise<Map<string, string>> {
  const rows = await runSql<{ key: string; content_hash: string }>(
    tx,
    `SELECT ${key} AS key, content_hash FROM ${table}`,
  );
  return new Map(rows.map((row) => [row.key, row.content_hash]));
}

function removedKeys(existing: Map<string, string>, wanted: string[]): string[] {
  const keep = new Set(wanted);
  return [...existing.keys()].filter((key) => !keep.has(key)).sort();
}

async function upsertAll<T>(
  records: T[],
  existing: Map<string, string>,
  keyOf: (record: T) => string,
  write: (record: T, hash: string, isNew: boolean) => Promise<void>,
): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, deleted: 0, unchanged: 0 };
  for (const record of records) {
    const hash = sha256Hex(canonicalJson(record));
    const previous = existing.get(keyOf(record));
    if (previous === hash) {
      counts.unchanged += 1;
      continue;
    }
    await write(record, hash, previous === undefined);
    if (previous === undefined) counts.inserted += 1;
    else counts.updated += 1;
  }
  return counts;
}

async function writeFundingSource(
  tx: Queryable,
  f: FundingSource,
  hash: string,
  now: string,
  isNew: boolean,
) {
  const params = { id: f.id, kind: f.kind, level: f.level ?? null, data: writeJson(f), hash, now };
  await runSql(
    tx,
    isNew
      ? `INSERT INTO funding_source (id, kind, level, data, content_hash, updated_at)
         VALUES (:id, :kind, :level, :data, :hash, :now)`
      : `UPDATE funding_source SET kind = :kind, level = :level, data = :data, content_hash = :hash,
         updated_at = :now WHERE id = :id`,
    params,
  );
}

async function writePublicTask(
  tx: Queryable,
  t: PublicTaskRecord,
  hash: string,
  now: string,
  isNew: boolean,
) {
  const params = { code: t.code, data: writeJson(t), hash, now };
  await runSql(
    tx,
    isNew
      ? `INSERT INTO public_task (code, data, content_hash, updated_at) VALUES (:code, :data, :hash, :now)`
      : `UPDATE public_task SET data = :data, content_hash = :hash, updated_at = :now WHERE code = :code`,
    params,
  );
}

/** Text the `q` filter searches: names, short name and descriptions, folded (see foldText). */
export function instrumentSearchText(
  i: Pick<Instrument, "name" | "shortName" | "description">,
): string {
  return foldText(
    [
      i.name.pl,
      i.name.en,
      i.shortName?.pl ?? "",
      i.shortName?.en ?? "",
      i.description.pl,
      i.description.en,
    ].join(" \n "),
  );
}

async function writeInstrument(
  tx: Queryable,
  i: Instrument,
  hash: string,
  now: string,
  isNew: boolean,
) {
  const params = {
    id: i.id,
    level: i.level,
    kind: i.kind,
    clusterSpecific: i.clusterSpecific,
    data: writeJson(i),
    searchText: instrumentSearchText(i),
    lastVerified: i.lastVerified,
    hash,
    now,
  };
  if (isNew) {
    await runSql(
      tx,
      `INSERT INTO instrument (id, level, kind, cluster_specific, data, search_text, last_verified, content_hash, updated_at)
       VALUES (:id, :level, :kind, :clusterSpecific, :data, :searchText, :lastVerified, :hash, :now)`,
      params,
    );
  } else {
    await runSql(
      tx,
      `UPDATE instrument SET level = :level, kind = :kind, cluster_specific = :clusterSpecific, data = :data,
         search_text = :searchText, last_verified = :lastVerified, content_hash = :hash, updated_at = :now
       WHERE id = :id`,
      params,
    );
    for (const [table] of INSTRUMENT_LINKS) {
      await runSql(tx, `DELETE FROM ${table} WHERE instrument_id = :id`, { id: i.id });
    }
  }
  for (const [table, column, codesOf] of INSTRUMENT_LINKS) {
    for (const code of new Set<string>(codesOf(i))) {
      await runSql(tx, `INSERT INTO ${table} (instrument_id, ${column}) VALUES (:id, :code)`, {
        id: i.id,
        code,
      });
    }
  }
}

/**
 * Inserts each sample cluster that is not in the database yet, with its assessments in date
 * order; a cluster already present is skipped with its assessments (they are append-only).
 */
async function insertSampleClusters(tx: Queryable, clusters: SampleCluster[]) {
  const counts = { sampleClusters: { inserted: 0, skipped: 0 }, assessments: { inserted: 0 } };
  let clock = Date.now();
  for (const cluster of clusters) {
    const [exists] = await runSql(tx, `SELECT id FROM cluster WHERE id = :id`, { id: cluster.id });
    if (exists) {
      counts.sampleClusters.skipped += 1;
      continue;
    }
    const assessments = [...cluster.assessments].sort((a, b) =>
      a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0,
    );
    const latest = assessments[assessments.length - 1] ?? cluster.assessments[0];
    if (!latest) continue;
    await runSql(
      tx,
      // Sample clusters are fictional, not anyone's data: their region sees them by name.
      `INSERT INTO cluster (id, name, region, fictional, visibility, created_at)
       VALUES (:id, :name, :region, :fictional, 'named', :now)`,
      {
        id: cluster.id,
        name: latest.cluster.name,
        region: latest.cluster.region,
        fictional: true,
        now: new Date(clock).toISOString(),
      },
    );
    for (const assessment of assessments) {
      clock += 1;
      await insertAssessment(tx, {
        id: randomUUID(),
        clusterId: cluster.id,
        createdAt: new Date(clock).toISOString(),
        assessedOn: assessment.assessedOn,
        input: assessment,
        rulebookVersion: null,
        recommendations: null,
        accessTokenHash: null,
      });
      counts.assessments.inserted += 1;
    }
    counts.sampleClusters.inserted += 1;
  }
  return counts;
}
