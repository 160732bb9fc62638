/**
 * @module
 * Shared state of several API processes over one database: the rulebook version they should
 * serve, a counter bumped on every API key revocation. Each key carries a version that grows by
 * one on every bump, so a process can poll cheaply and reload only when the version moved.
 */
import type { SystemStateRow } from "../entities/index.ts";
import { withManager, readTimestamp, runSql, type Queryable } from "../sql.ts";

/** Keys in use; any other text key works too. */
export const STATE_KEYS = {
  /** The rulebook version API processes should serve. */
  rulebookVersion: "rulebook_version",
  /** Bumped on each API key revocation, so processes drop cached keys. */
  apiKeyRevocations: "api_key_revocations",
} as const;

export interface SystemState {
  key: string;
  value: string;
  /** 1 on the first write, +1 on every bump. */
  version: number;
  updatedAt: string;
}

interface StateRow {
  key: string;
  value: string;
  version: number | string;
  updated_at: unknown;
}

export class SystemStateRepository {
  constructor(private readonly target: Queryable) {}

  /** Sets `key` to `value` and increments its version, atomically (one upsert statement). */
  async bumpState(
    key: string,
    value: string,
    target: Queryable = this.target,
  ): Promise<SystemState> {
    const rows = await runSql<StateRow>(
      target,
      `INSERT INTO system_state (key, value, version, updated_at)
       VALUES (:key, :value, 1, :now)
       ON CONFLICT (key) DO UPDATE SET
         value = excluded.value,
         version = system_state.version + 1,
         updated_at = excluded.updated_at
       RETURNING key, value, version, updated_at`,
      { key, value, now: new Date().toISOString() },
    );
    const row = rows[0];
    if (!row) throw new Error(`system_state upsert of "${key}" returned no row`);
    return toState(row);
  }

  /** The state under `key`, or null when it was never written. */
  async readState(key: string): Promise<SystemState | null> {
    const row = await withManager(this.target, (m) =>
      m.getRepository<SystemStateRow>("system_state").findOneBy({ key }),
    );
    return row === null
      ? null
      : toState({
          key: row.key,
          value: row.value,
          version: row.version,
          updated_at: row.updatedAt,
        });
  }
}

function toState(row: StateRow): SystemState {
  return {
    key: row.key,
    value: row.value,
    version: Number(row.version),
    updatedAt: readTimestamp(row.updated_at),
  };
}
