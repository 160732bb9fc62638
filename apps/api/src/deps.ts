/**
 * @module
 * What the app is built from. Everything with state lives in `db` (shared by all processes) or
 * is re-read from files (`rulebookStore`); the process itself keeps nothing that matters.
 */
import type { Database } from "@klastry/db";
import type { KnowledgeBase } from "@klastry/knowledge";
import type { Rulebook } from "@klastry/rules-engine";
import type { KeyVerifier } from "./auth/access.ts";
import type { Env } from "./env.ts";
import type { Logger } from "./logger.ts";
import type { RulebookStore } from "./rulebook-store.ts";

/** What route modules get: the app's deps plus the per-app key verifier. */
export type RouteDeps = AppDeps & { keys: KeyVerifier };

export interface AppDeps {
  db: Database;
  knowledge: KnowledgeBase;
  rulebookStore: RulebookStore<Rulebook>;
  env: Env;
  logger: Logger;
}
