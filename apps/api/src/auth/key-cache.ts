/**
 * @module
 * Verified API keys, cached per process so a busy regional system does not cost a database
 * write (the key's last-use stamp) on every request. Revocation stays immediate in every process:
 * each check reads the shared revocation counter (`system_state`, bumped in the same transaction
 * as a revocation) and drops the whole cache when it moved. Entries are keyed by the secret's
 * sha256, never by the secret; unknown keys are not cached, so a key created a moment ago works.
 */
import { createHash } from "node:crypto";
import { STATE_KEYS } from "@klastry/db";
import type { KeyVerifier } from "./access.ts";

interface Source {
  apiKeys: Pick<KeyVerifier, "verify">;
  systemState: { readState(key: string): Promise<{ version: number } | null> };
  assessments: {
    findByAccessToken(token: string): Promise<{ assessmentId: string; clusterId: string } | null>;
  };
}

export class CachedKeyVerifier implements KeyVerifier {
  readonly #entries = new Map<string, { key: { id: string; role: string }; expiresAt: number }>();
  #revocations = -1;

  constructor(
    private readonly source: Source,
    private readonly options: { ttlMs: number; maxEntries?: number; now?: () => number } = {
      ttlMs: 60_000,
    },
  ) {}

  /** Assessment tokens are not cached: one indexed lookup, and nothing to revoke. */
  async verifyAssessmentToken(
    token: string,
  ): Promise<{ assessmentId: string; clusterId: string } | null> {
    const found = await this.source.assessments.findByAccessToken(token);
    return found === null ? null : { assessmentId: found.assessmentId, clusterId: found.clusterId };
  }

  async verify(secret: string): Promise<{ id: string; role: string } | null> {
    const revocations =
      (await this.source.systemState.readState(STATE_KEYS.apiKeyRevocations))?.version ?? 0;
    if (revocations !== this.#revocations) {
      this.#entries.clear();
      this.#revocations = revocations;
    }
    const now = (this.options.now ?? Date.now)();
    const digest = createHash("sha256").update(secret).digest("base64url");
    const cached = this.#entries.get(digest);
    if (cached !== undefined && cached.expiresAt > now) return cached.key;
    const key = await this.source.apiKeys.verify(secret);
    if (key === null) {
      this.#entries.delete(digest);
      return null;
    }
    if (this.#entries.size >= (this.options.maxEntries ?? 10_000)) this.#entries.clear();
    this.#entries.set(digest, {
      key: { id: key.id, role: key.role },
      expiresAt: now + this.options.ttlMs,
    });
    return key;
  }
}
