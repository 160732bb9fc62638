/**
 * @module
 * Reads the catalogue: instruments (filtered and paged in SQL through the join tables), funding
 * sources and public tasks. Every record is re-validated with the domain schema on the way out.
 * Call status is derived for a date by the caller (`callStatusOn`), so it is no filter here.
 */
import {
  FundingSourceSchema,
  InstrumentFilterFieldsSchema,
  InstrumentSchema,
  MAX_PAGE_SIZE,
  PublicTaskRecordSchema,
  parseOrThrow,
  type FundingSource,
  type Instrument,
  type PublicTaskRecord,
} from "@klastry/domain";
import { z } from "zod";
import { bytewise, escapeLike, readCount, readJson, runSql, type Queryable } from "../sql.ts";
import { foldText, sha256Hex } from "../text.ts";

/** Filters of `listInstruments` (the domain's filter fields) and a page, counted from 1. */
export const InstrumentFilterSchema = InstrumentFilterFieldsSchema.extend({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});

export type InstrumentFilter = z.input<typeof InstrumentFilterSchema>;

export interface Page<T> {
  items: T[];
  total: number;
}

/** Each filter is an EXISTS over its join table, whose (code, instrument_id) index serves it. */
const JOIN_FILTERS = [
  ["region", "instrument_region", "region"],
  ["function", "instrument_function", "function"],
  ["actorType", "instrument_actor", "actor"],
  ["form", "instrument_form", "form"],
  ["fundingSource", "instrument_funding_source", "funding_source_id"],
] as const;

export class CatalogueRepository {
  constructor(private readonly target: Queryable) {}

  /** One page of instruments matching every given filter, ordered by id, with the total count. */
  async listInstruments(filter: InstrumentFilter = {}): Promise<Page<Instrument>> {
    const f = parseOrThrow(InstrumentFilterSchema, filter, "instrument filter");
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (f.level) {
      where.push("i.level = :level");
      params.level = f.level;
    }
    for (const [key, table, column] of JOIN_FILTERS) {
      const value = f[key];
      if (value === undefined) continue;
      where.push(
        `EXISTS (SELECT 1 FROM ${table} j WHERE j.${column} = :${key} AND j.instrument_id = i.id)`,
      );
      params[key] = value;
    }
    const words = foldText(f.q ?? "")
      .split(/\s+/)
      .filter((word) => word !== "");
    words.forEach((word, index) => {
      where.push(`i.search_text LIKE :q${index} ESCAPE '\\'`);
      params[`q${index}`] = `%${escapeLike(word)}%`;
    });
    const whereSql = where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`;
    const [countRow] = await runSql<{ total: unknown }>(
      this.target,
      `SELECT COUNT(*) AS total FROM instrument i ${whereSql}`,
      params,
    );
    const rows = await runSql<{ id: string; data: unknown }>(
      this.target,
      `SELECT i.id, i.data FROM instrument i ${whereSql} ORDER BY i.id${bytewise(this.target)} LIMIT :limit OFFSET :offset`,
      { ...params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize },
    );
    return { items: rows.map(toInstrument), total: readCount(countRow?.total) };
  }

  /** Every instrument, ordered by id (for status-on-a-date filtering and rule evaluation). */
  async allInstruments(): Promise<Instrument[]> {
    const rows = await runSql<{ id: string; data: unknown }>(
      this.target,
      `SELECT id, data FROM instrument ORDER BY id${bytewise(this.target)}`,
    );
    return rows.map(toInstrument);
  }

  async getInstrument(id: string): Promise<Instrument | null> {
    const rows = await runSql<{ id: string; data: unknown }>(
      this.target,
      `SELECT id, data FROM instrument WHERE id = :id`,
      { id },
    );
    return rows[0] ? toInstrument(rows[0]) : null;
  }

  async listFundingSources(): Promise<FundingSource[]> {
    const rows = await runSql<{ id: string; data: unknown }>(
      this.target,
      `SELECT id, data FROM funding_source ORDER BY id${bytewise(this.target)}`,
    );
    return rows.map((row) =>
      parseOrThrow(FundingSourceSchema, readJson(row.data), `funding_source ${row.id}`),
    );
  }

  async listPublicTasks(): Promise<PublicTaskRecord[]> {
    const rows = await runSql<{ code: string; data: unknown }>(
      this.target,
      `SELECT code, data FROM public_task ORDER BY code${bytewise(this.target)}`,
    );
    return rows.map((row) =>
      parseOrThrow(PublicTaskRecordSchema, readJson(row.data), `public_task ${row.code}`),
    );
  }

  /**
   * A hash of every catalogue record's content hash: changes exactly when a record is added,
   * changed or removed, so it serves as an ETag of catalogue responses.
   */
  async catalogueVersion(): Promise<string> {
    const parts: string[] = [];
    for (const [table, key] of [
      ["instrument", "id"],
      ["funding_source", "id"],
      ["public_task", "code"],
    ] as const) {
      const rows = await runSql<{ key: string; content_hash: string }>(
        this.target,
        `SELECT ${key} AS key, content_hash FROM ${table} ORDER BY ${key}${bytewise(this.target)}`,
      );
      for (const row of rows) parts.push(`${table}/${row.key}/${row.content_hash}`);
    }
    return sha256Hex(parts.join("\n")).slice(0, 32);
  }
}

function toInstrument(row: { id: string; data: unknown }): Instrument {
  return parseOrThrow(InstrumentSchema, readJson(row.data), `instrument ${row.id}`);
}
