/**
 * @module
 * The rulebook this process serves, and how it follows the others. A reload through any process
 * records the new version in the shared `system_state`; every process polls that row and re-reads
 * the rules folder when it moves. A rulebook that fails to load is never served: the last good
 * one stays, and `lastReloadFailed` says so.
 */
import type { Logger } from "./logger.ts";
import { ApiError, type ApiIssue } from "./problems/api-error.ts";

/** The shared-state rows of the db's SystemStateRepository that the store needs. */
export interface SharedState {
  readState(key: string): Promise<{ value: string; version: number } | null>;
  bumpState(key: string, value: string): Promise<{ value: string; version: number }>;
}

export const RULEBOOK_STATE_KEY = "rulebook_version";

export interface RulebookStatus {
  version: string | null;
  loadedAt: string | null;
  lastReloadFailed: boolean;
  lastReloadAt: string | null;
}

export interface RulebookStoreOptions<R> {
  /** Reads and validates the rules folder; throws (e.g. RuleFileError with `issues`) when invalid. */
  load: () => Promise<R>;
  state: SharedState;
  logger: Logger;
}

/** Pulls `issues` out of a loader error (RuleFileError carries every issue found). */
export function issuesOf(error: unknown): ApiIssue[] {
  const issues = (error as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.map((raw: Record<string, unknown>) => {
    const text = (value: unknown) => (typeof value === "string" ? value : undefined);
    const file = text(raw.file);
    const allowed = Array.isArray(raw.allowed) ? raw.allowed.map(String) : undefined;
    const suggestion = text(raw.suggestion);
    return {
      code: text(raw.code) ?? "INVALID",
      // Rule-file issues: `path` and `pointer` are inside `file`.
      path: text(raw.path) ?? "",
      pointer: text(raw.pointer) ?? "",
      message: text(raw.message) ?? "invalid",
      ...(file === undefined ? {} : { file }),
      ...(allowed === undefined ? {} : { allowed }),
      ...(suggestion === undefined ? {} : { suggestion }),
    };
  });
}

export class RulebookStore<R extends { version: string }> {
  #current: R | null = null;
  #loadedAt: string | null = null;
  #lastReloadFailed = false;
  #lastReloadAt: string | null = null;
  /** The shared state version this process has acted on. */
  #seenStateVersion = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #timer: NodeJS.Timeout | null = null;
  #lastPollError: string | null = null;

  constructor(private readonly options: RulebookStoreOptions<R>) {}

  /** The rulebook to evaluate with; 503 when none ever loaded. */
  current(): R {
    if (this.#current === null) {
      throw new ApiError(
        "RULEBOOK_UNAVAILABLE",
        "no valid rulebook has been loaded; fix the rules folder and POST /api/v1/rules/reload",
      );
    }
    return this.#current;
  }

  status(): RulebookStatus {
    return {
      version: this.#current?.version ?? null,
      loadedAt: this.#loadedAt,
      lastReloadFailed: this.#lastReloadFailed,
      lastReloadAt: this.#lastReloadAt,
    };
  }

  /** First load at start-up; records the version when no process has yet. Never throws. */
  async init(): Promise<void> {
    try {
      await this.#load();
    } catch (error) {
      this.options.logger.log("error", "rulebook failed to load at start-up", {
        issues: issuesOf(error).length,
        error: String(error),
      });
    }
    try {
      const shared = await this.options.state.readState(RULEBOOK_STATE_KEY);
      if (shared === null && this.#current !== null) {
        this.#seenStateVersion = (
          await this.options.state.bumpState(RULEBOOK_STATE_KEY, this.#current.version)
        ).version;
      } else if (shared !== null) {
        this.#seenStateVersion = shared.version;
      }
    } catch (error) {
      this.options.logger.log("warn", "could not read the shared rulebook version", {
        error: String(error),
      });
    }
  }

  /**
   * Re-reads the rules folder. On success the new version is served and published to the other
   * processes; on failure a 422 ApiError lists the issues and the last good rulebook stays.
   */
  reload(): Promise<R> {
    return this.#serialize(async () => {
      let rulebook: R;
      try {
        rulebook = await this.#load();
      } catch (error) {
        throw new ApiError(
          "RULEBOOK_INVALID",
          `the rules folder is invalid; still serving ${this.#current?.version ?? "no rulebook"}`,
          { issues: issuesOf(error), cause: error },
        );
      }
      const shared = await this.options.state.bumpState(RULEBOOK_STATE_KEY, rulebook.version);
      this.#seenStateVersion = shared.version;
      return rulebook;
    });
  }

  /**
   * Follows a reload made by another process. A failure keeps the current rulebook and is retried
   * on the next poll (the folder may have been caught mid-copy); it is logged once per message.
   */
  poll(): Promise<void> {
    return this.#serialize(async () => {
      const shared = await this.options.state.readState(RULEBOOK_STATE_KEY);
      if (shared === null || shared.version === this.#seenStateVersion) return;
      if (shared.value === this.#current?.version) {
        this.#seenStateVersion = shared.version;
        return;
      }
      try {
        const rulebook = await this.#load();
        this.#seenStateVersion = shared.version;
        this.#lastPollError = null;
        this.options.logger.log("info", "rulebook reloaded after a shared version change", {
          version: rulebook.version,
        });
      } catch (error) {
        const message = String(error);
        if (message !== this.#lastPollError) {
          this.options.logger.log(
            "error",
            "rulebook reload after a shared version change failed; retrying on the next poll",
            { error: message },
          );
        }
        this.#lastPollError = message;
      }
    });
  }

  startPolling(intervalMs: number): void {
    this.stopPolling();
    this.#timer = setInterval(() => {
      this.poll().catch((error: unknown) =>
        this.options.logger.log("warn", "rulebook poll failed", { error: String(error) }),
      );
    }, intervalMs);
    this.#timer.unref();
  }

  stopPolling(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  async #load(): Promise<R> {
    this.#lastReloadAt = new Date().toISOString();
    try {
      const rulebook = await this.options.load();
      this.#current = rulebook;
      this.#loadedAt = this.#lastReloadAt;
      this.#lastReloadFailed = false;
      return rulebook;
    } catch (error) {
      this.#lastReloadFailed = true;
      throw error;
    }
  }

  /** One reload or poll at a time, so two never interleave their half-done states. */
  #serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
