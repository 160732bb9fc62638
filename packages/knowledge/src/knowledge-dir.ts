/**
 * @module
 * Where the shipped data lives: `packages/knowledge/data`, found from this module's own url so
 * that it works from any working directory.
 */
import { fileURLToPath } from "node:url";

/** Absolute path of the knowledge data shipped with this package. */
export function defaultKnowledgeDir(): string {
  return fileURLToPath(new URL("../data", import.meta.url));
}

/** The layout of a knowledge tree, relative to its root. */
export const KNOWLEDGE_LAYOUT = {
  instruments: "instruments",
  fundingSources: "funding-sources",
  publicTasks: "public-tasks.yaml",
  sampleClusters: "sample-clusters",
} as const;
