/**
 * @module
 * Lookups by id over a loaded knowledge base; `undefined` when the id is unknown.
 */
import type { Instrument, SampleCluster } from "@klastry/domain";
import type { KnowledgeBase } from "./load-knowledge-base.ts";

export function instrumentById(kb: KnowledgeBase, id: string): Instrument | undefined {
  return kb.instruments.find((instrument) => instrument.id === id);
}

export function sampleClusterById(kb: KnowledgeBase, id: string): SampleCluster | undefined {
  return kb.sampleClusters.find((cluster) => cluster.id === id);
}
