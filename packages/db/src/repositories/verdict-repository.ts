/**
 * @module
 * Stored verdicts: for each assessment, the instruments that fit it (or nearly do) under one
 * rulebook version on one day, and the state row saying which version and day that was. Region
 * routes read them in SQL; anything not at the version and day asked for is "stale" and the
 * caller evaluates it itself (see `coverage`), so a stored verdict never answers for a
 * rulebook or a day it was not made by.
 */
import {
  IsoDateSchema,
  RegionCodeSchema,
  parseOrThrow,
  type IsoDate,
  type Verdict,
} from "@klastry/domain";
import type { DataSource } from "typeorm";
import { dialectOf, readBoolean, readCount, runSql, type Queryable } from "../sql.ts";
import { inTransaction } from "../sqlite-gate.ts";
import { latestIdsSql } from "./regional-aggregates.ts";

/** The rulebook version and the day a set of verdicts was (or is to be) made for. */
export interface VerdictTarget {
  rulebookVersion: string;
  evaluatedOn: IsoDate;
}

/** One instrument's verdict for one assessment (only fitting ones and near misses are stored). */
export interface StoredVerdict {
  instrumentId: string;
  verdict: Verdict;
  nearMiss: boolean;
}

export interface AssessmentVerdicts {
  assessmentId: string;
  verdicts: readonly StoredVerdict[];
}

/** An instrument serving a need, with how it counts on the day: covering it, or may fund it. */
export interface ServedNeed {
  instrumentId: string;
  actor: string;
  function: string;
  kind: "covers" | "may_fund";
}

/** Counts over the fresh latest assessments of a region, per need (actor x function). */
export interface StoredCoverage {
  /** Clusters whose need at least one `covers` instrument covers. */
  covered: { actor: string; function: string; clusters: number }[];
  /** Clusters per need and instrument, for `covers` and `may_fund` instruments. */
  instruments: {
    actor: string;
    function: string;
    instrumentId: string;
    kind: ServedNeed["kind"];
    clusters: number;
  }[];
}

/** Rows per multi-row INSERT: 4 parameters each stays far below both drivers' limits. */
const ROWS_PER_INSERT = 250;

/** SQL true when the state row `s` is at the target (`:version`, `:day`). */
const FRESH = `s.rulebook_version = :version AND s.evaluated_on = :day`;

export class VerdictRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Replaces the verdicts of the given assessments by those made for `target`, in one transaction. */
  async write(target: VerdictTarget, entries: readonly AssessmentVerdicts[]): Promise<void> {
    if (entries.length === 0) return;
    await inTransaction(this.dataSource, (tx) => writeVerdicts(tx, target, entries));
  }

  /** How many latest assessments (all regions) are not at `target`: what a recompute has left. */
  async countStaleLatest(target: VerdictTarget): Promise<number> {
    const [row] = await runSql<{ total: unknown }>(
      this.dataSource,
      `SELECT COUNT(*) AS total FROM (${latestIdsSql(false)}) l
       WHERE NOT EXISTS (
         SELECT 1 FROM assessment_verdict_state s WHERE s.assessment_id = l.id AND ${FRESH})`,
      targetParams(target),
    );
    return readCount(row?.total);
  }

  /** The stored verdicts and their target of some assessments (absent: never evaluated). */
  async read(
    assessmentIds: readonly string[],
  ): Promise<Map<string, VerdictTarget & { verdicts: StoredVerdict[] }>> {
    const out = new Map<string, VerdictTarget & { verdicts: StoredVerdict[] }>();
    if (assessmentIds.length === 0) return out;
    const day =
      dialectOf(this.dataSource) === "postgres"
        ? `to_char(s.evaluated_on, 'YYYY-MM-DD')`
        : "s.evaluated_on";
    const states = await runSql<{ assessment_id: string; rulebook_version: string; day: string }>(
      this.dataSource,
      `SELECT s.assessment_id, s.rulebook_version, ${day} AS day
       FROM assessment_verdict_state s WHERE s.assessment_id IN (:...ids)`,
      { ids: assessmentIds },
    );
    for (const row of states) {
      out.set(String(row.assessment_id), {
        rulebookVersion: row.rulebook_version,
        evaluatedOn: parseOrThrow(IsoDateSchema, row.day, "evaluated_on"),
        verdicts: [],
      });
    }
    const rows = await runSql<{
      assessment_id: string;
      instrument_id: string;
      verdict: string;
      near_miss: unknown;
    }>(
      this.dataSource,
      `SELECT assessment_id, instrument_id, verdict, near_miss FROM assessment_verdict
       WHERE assessment_id IN (:...ids) ORDER BY assessment_id, instrument_id`,
      { ids: assessmentIds },
    );
    for (const row of rows) {
      out.get(String(row.assessment_id))?.verdicts.push({
        instrumentId: row.instrument_id,
        verdict: row.verdict as Verdict,
        nearMiss: readBoolean(row.near_miss),
      });
    }
    return out;
  }

  /**
   * Coverage counts over the latest assessments of a region (audience `totals`) whose verdicts
   * are at `target`, joined in SQL with the instruments serving each need (`served`, made by the
   * caller from the rulebook and the day's call statuses), and the ids of the stale ones, which
   * the caller evaluates and adds up itself. One statement: the region's latest assessments are
   * ranked once.
   */
  async coverage(
    region: string,
    target: VerdictTarget,
    served: readonly ServedNeed[],
  ): Promise<StoredCoverage & { staleIds: string[] }> {
    const code = parseOrThrow(RegionCodeSchema, region, "region");
    // Served needs as "instrument|actor|function" keys, matched with IN (a b-tree on SQLite, a
    // hash on PostgreSQL); an empty list is not SQL, so a key that matches nothing stands in.
    const keys = served.map((entry) => `${entry.instrumentId}|${entry.actor}|${entry.function}`);
    const covering = served.filter((entry) => entry.kind === "covers").map((e) => e.instrumentId);
    const params: Record<string, unknown> = {
      region: code,
      ...targetParams(target),
      served: keys.length > 0 ? keys : [""],
      covering: covering.length > 0 ? [...new Set(covering)] : [""],
    };
    const result = await runSql<Record<string, unknown>>(
      this.dataSource,
      // CROSS JOIN keeps SQLite's join order (PostgreSQL plans it as an inner join): from the
      // region's latest assessments outwards, never from a whole table inwards.
      `WITH latest AS MATERIALIZED (${latestIdsSql(true, "totals")}),
       fresh AS MATERIALIZED (
         SELECT l.id FROM latest l
         CROSS JOIN assessment_verdict_state s
         WHERE s.assessment_id = l.id AND ${FRESH}),
       joined AS MATERIALIZED (
         SELECT n.assessment_id, n.actor, n.function, v.instrument_id,
           CASE WHEN v.instrument_id IN (:...covering) THEN 'covers' ELSE 'may_fund' END AS kind
         FROM fresh f
         CROSS JOIN assessment_need n
         CROSS JOIN assessment_verdict v
         WHERE n.assessment_id = f.id AND v.assessment_id = f.id
           AND v.verdict IN ('eligible', 'unknown')
           AND v.instrument_id || '|' || n.actor || '|' || n.function IN (:...served))
       SELECT 'instrument' AS part, j.actor, j.function, j.instrument_id, j.kind,
         COUNT(*) AS total, NULL AS id
       FROM joined j GROUP BY j.actor, j.function, j.instrument_id, j.kind
       UNION ALL
       SELECT 'covered', j.actor, j.function, NULL, NULL, COUNT(DISTINCT j.assessment_id), NULL
       FROM joined j WHERE j.kind = 'covers' GROUP BY j.actor, j.function
       UNION ALL
       SELECT 'stale', NULL, NULL, NULL, NULL, NULL, CAST(l.id AS TEXT)
       FROM latest l WHERE NOT EXISTS (
         SELECT 1 FROM assessment_verdict_state s WHERE s.assessment_id = l.id AND ${FRESH})`,
      params,
    );
    const out: StoredCoverage & { staleIds: string[] } = {
      covered: [],
      instruments: [],
      staleIds: [],
    };
    for (const row of result) {
      if (row.part === "stale") out.staleIds.push(String(row.id));
      else if (row.part === "covered") {
        out.covered.push({
          actor: String(row.actor),
          function: String(row.function),
          clusters: readCount(row.total),
        });
      } else {
        out.instruments.push({
          actor: String(row.actor),
          function: String(row.function),
          instrumentId: String(row.instrument_id),
          kind: row.kind === "may_fund" ? "may_fund" : "covers",
          clusters: readCount(row.total),
        });
      }
    }
    out.staleIds.sort();
    return out;
  }
}

function targetParams(target: VerdictTarget): Record<string, unknown> {
  return { version: target.rulebookVersion, day: target.evaluatedOn };
}

/** Replaces verdicts and states inside a transaction (multi-row statements). */
export async function writeVerdicts(
  tx: Queryable,
  target: VerdictTarget,
  entries: readonly AssessmentVerdicts[],
): Promise<void> {
  const now = new Date().toISOString();
  for (let start = 0; start < entries.length; start += ROWS_PER_INSERT) {
    const chunk = entries.slice(start, start + ROWS_PER_INSERT);
    const ids = chunk.map((entry) => entry.assessmentId);
    await runSql(tx, `DELETE FROM assessment_verdict WHERE assessment_id IN (:...ids)`, { ids });
    const states: Record<string, unknown> = {
      version: target.rulebookVersion,
      day: target.evaluatedOn,
      now,
    };
    const stateValues = chunk.map((entry, i) => {
      states[`a${i}`] = entry.assessmentId;
      return `(:a${i}, :version, :day, :now)`;
    });
    await runSql(
      tx,
      `INSERT INTO assessment_verdict_state (assessment_id, rulebook_version, evaluated_on, evaluated_at)
       VALUES ${stateValues.join(", ")}
       ON CONFLICT (assessment_id) DO UPDATE SET rulebook_version = excluded.rulebook_version,
         evaluated_on = excluded.evaluated_on, evaluated_at = excluded.evaluated_at`,
      states,
    );
  }
  const rows = entries.flatMap((entry) =>
    entry.verdicts.map((verdict) => ({ assessmentId: entry.assessmentId, ...verdict })),
  );
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const params: Record<string, unknown> = {};
    const values = rows.slice(start, start + ROWS_PER_INSERT).map((row, i) => {
      params[`a${i}`] = row.assessmentId;
      params[`i${i}`] = row.instrumentId;
      params[`v${i}`] = row.verdict;
      params[`n${i}`] = row.nearMiss;
      return `(:a${i}, :i${i}, :v${i}, :n${i})`;
    });
    await runSql(
      tx,
      `INSERT INTO assessment_verdict (assessment_id, instrument_id, verdict, near_miss)
       VALUES ${values.join(", ")}`,
      params,
    );
  }
}
