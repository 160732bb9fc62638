/**
 * @module
 * API keys for regional systems and admins. The secret is shown once at creation and stored only
 * as its sha256 hash; a key is scoped by its role: "admin", "national" or "region:<TERYT code>".
 */
import { randomBytes, randomUUID } from "node:crypto";
import { RegionCodeSchema, issuesFromZod } from "@klastry/domain";
import { z } from "zod";
import { DbError } from "../errors.ts";
import type { ApiKeyRow } from "../entities/index.ts";
import type { DataSource } from "typeorm";
import { inTransaction } from "../sqlite-gate.ts";
import { readOptionalTimestamp, readTimestamp, withManager, runSql } from "../sql.ts";
import { sha256Hex } from "../text.ts";
import { STATE_KEYS, SystemStateRepository } from "./system-state-repository.ts";

/** How stale `last_used_at` may get before `verify` writes it again. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * "admin", "national" (the ministry and the working group: the national picture and reports,
 * read only) or "region:<TERYT code>", e.g. "region:14".
 */
export const ApiKeyRoleSchema = z.union([
  z.literal("admin"),
  z.literal("national"),
  z.templateLiteral(["region:", RegionCodeSchema]),
]);
export type ApiKeyRole = z.infer<typeof ApiKeyRoleSchema>;

export interface ApiKeyInfo {
  id: string;
  label: string;
  role: ApiKeyRole;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface VerifiedApiKey {
  id: string;
  role: ApiKeyRole;
  label: string;
}

/** The sha256 (hex) a secret is stored as; also used for assessment access tokens. */
export function hashSecret(secret: string): string {
  return sha256Hex(secret);
}

interface ApiKeyDbRow {
  id: string;
  label: string;
  role: string;
}

export class ApiKeyRepository {
  constructor(
    private readonly target: DataSource,
    private readonly state: SystemStateRepository,
  ) {}

  /** Creates a key; the returned `secret` ("kl_" + 32 random bytes, base64url) is never stored. */
  async create(input: { role: string; label: string }): Promise<{ id: string; secret: string }> {
    const role = ApiKeyRoleSchema.safeParse(input.role);
    if (!role.success) {
      throw new DbError(
        "ARGUMENT_INVALID",
        "api key role is invalid; allowed: admin, national or region:<TERYT code>",
        issuesFromZod(role.error, "en", ["role"]),
      );
    }
    const label = input.label.trim();
    if (label === "") throw new DbError("ARGUMENT_INVALID", "api key label must not be empty");
    const id = randomUUID();
    const secret = `kl_${randomBytes(32).toString("base64url")}`;
    await runSql(
      this.target,
      `INSERT INTO api_key (id, label, role, key_hash, created_at)
       VALUES (:id, :label, :role, :hash, :now)`,
      { id, label, role: role.data, hash: hashSecret(secret), now: new Date().toISOString() },
    );
    return { id, secret };
  }

  /** The key a secret belongs to, or null when unknown or revoked; records its last use. */
  async verify(secret: string): Promise<VerifiedApiKey | null> {
    const rows = await runSql<ApiKeyDbRow>(
      this.target,
      `SELECT id, label, role FROM api_key WHERE key_hash = :hash AND revoked_at IS NULL`,
      { hash: hashSecret(secret) },
    );
    const row = rows[0];
    if (!row) return null;
    // At most one write a minute per key: verify runs on every API request.
    const now = Date.now();
    await runSql(
      this.target,
      `UPDATE api_key SET last_used_at = :now
       WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :threshold)`,
      {
        id: row.id,
        now: new Date(now).toISOString(),
        threshold: new Date(now - LAST_USED_RESOLUTION_MS).toISOString(),
      },
    );
    return { id: row.id, role: ApiKeyRoleSchema.parse(row.role), label: row.label };
  }

  /**
   * Revokes a key and bumps the `api_key_revocations` state in the same transaction, so other
   * API processes know to drop cached keys. Returns false when the key is unknown or already revoked.
   */
  async revoke(id: string): Promise<boolean> {
    return inTransaction(this.target, async (tx) => {
      const rows = await runSql<{ id: string }>(
        tx,
        `UPDATE api_key SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL RETURNING id`,
        { id, now: new Date().toISOString() },
      );
      if (rows.length === 0) return false;
      await this.state.bumpState(STATE_KEYS.apiKeyRevocations, id, tx);
      return true;
    });
  }

  /** Every key, oldest first, without hashes or secrets. */
  async list(): Promise<ApiKeyInfo[]> {
    const rows = await withManager(this.target, (m) =>
      m.getRepository<ApiKeyRow>("api_key").find({ order: { createdAt: "ASC", id: "ASC" } }),
    );
    return rows.map((row) => ({
      id: row.id,
      label: row.label,
      role: ApiKeyRoleSchema.parse(row.role),
      createdAt: readTimestamp(row.createdAt),
      revokedAt: readOptionalTimestamp(row.revokedAt),
      lastUsedAt: readOptionalTimestamp(row.lastUsedAt),
    }));
  }
}
