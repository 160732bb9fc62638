/**
 * @module
 * TypeORM entity schemas (no decorators) for the tables that repositories read and write as rows.
 * Column types follow the dialect like the migrations do; the join and child tables
 * (`instrument_*`, `assessment_need`, `assessment_public_task`) are only touched by SQL.
 */
import { EntitySchema, type EntitySchemaColumnOptions } from "typeorm";
import type { DatabaseKind } from "../sql.ts";

export interface ClusterRow {
  id: string;
  name: string;
  region: string;
  fictional: boolean;
  visibility: string;
  createdAt: string | Date;
}

export interface ApiKeyRow {
  id: string;
  label: string;
  role: string;
  keyHash: string;
  createdAt: string | Date;
  revokedAt: string | Date | null;
  lastUsedAt: string | Date | null;
}

export interface SystemStateRow {
  key: string;
  value: string;
  version: number;
  updatedAt: string | Date;
}

export interface CatalogueRow {
  id: string;
  data: unknown;
  contentHash: string;
}

function columnTypes(kind: DatabaseKind) {
  const postgres = kind === "postgres";
  const timestamp = (nullable = false): EntitySchemaColumnOptions => ({
    type: postgres ? "timestamptz" : "text",
    nullable,
  });
  const json = (nullable = false): EntitySchemaColumnOptions => ({
    type: postgres ? "jsonb" : "simple-json",
    nullable,
  });
  const uuid: EntitySchemaColumnOptions = { type: postgres ? "uuid" : "text", primary: true };
  return { timestamp, json, uuid };
}

/** The entity schemas for one dialect; `openDatabase` registers them on its data source. */
export function entitySchemas(kind: DatabaseKind) {
  const { timestamp, json, uuid } = columnTypes(kind);
  const text: EntitySchemaColumnOptions = { type: "text" };
  const cluster = new EntitySchema<ClusterRow>({
    name: "cluster",
    tableName: "cluster",
    columns: {
      id: { ...text, primary: true },
      name: text,
      region: text,
      fictional: { type: "boolean", default: false },
      visibility: { ...text, default: "private" },
      createdAt: { ...timestamp(), name: "created_at" },
    },
  });
  const apiKey = new EntitySchema<ApiKeyRow>({
    name: "api_key",
    tableName: "api_key",
    columns: {
      id: uuid,
      label: text,
      role: text,
      keyHash: { ...text, name: "key_hash", unique: true },
      createdAt: { ...timestamp(), name: "created_at" },
      revokedAt: { ...timestamp(true), name: "revoked_at" },
      lastUsedAt: { ...timestamp(true), name: "last_used_at" },
    },
  });
  const systemState = new EntitySchema<SystemStateRow>({
    name: "system_state",
    tableName: "system_state",
    columns: {
      key: { ...text, primary: true },
      value: text,
      version: { type: "integer" },
      updatedAt: { ...timestamp(), name: "updated_at" },
    },
  });
  const catalogue = (name: "instrument" | "funding_source") =>
    new EntitySchema<CatalogueRow>({
      name,
      tableName: name,
      columns: {
        id: { ...text, primary: true },
        data: json(),
        contentHash: { ...text, name: "content_hash" },
      },
    });
  const publicTask = new EntitySchema<CatalogueRow>({
    name: "public_task",
    tableName: "public_task",
    columns: {
      id: { ...text, primary: true, name: "code" },
      data: json(),
      contentHash: { ...text, name: "content_hash" },
    },
  });
  return {
    cluster,
    apiKey,
    systemState,
    instrument: catalogue("instrument"),
    fundingSource: catalogue("funding_source"),
    publicTask,
  };
}
