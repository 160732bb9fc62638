/**
 * @module
 * Lookups by id over a loaded knowledge base; `undefined` when the id is unknown.
 */
import type { FundingSource, Instrument, SampleCluster } from "@klastry/domain";
import type { KnowledgeBase } from "./load-knowledge-base.ts";

export function instrumentById(kb: KnowledgeBase, id: string): Instrument | undefined {
  return kb.instruments.find((instrument) => instrument.id === id);
}

export function fundingSourceById(kb: KnowledgeBase, id: string): FundingSource | undefined {
  return kb.fundingSources.find((source) => source.id === id);
}

export function sampleClusterById(kb: KnowledgeBase, id: string): SampleCluster | undefined {
  return kb.sampleClusters.find((cluster) => cluster.id === id);
}

/** The funding-source records an instrument names, in the instrument's order. */
export function fundingSourcesOf(kb: KnowledgeBase, instrument: Instrument): FundingSource[] {
  return instrument.fundingSources
    .map((id) => fundingSourceById(kb, id))
    .filter((source): source is FundingSource => source !== undefined);
}
