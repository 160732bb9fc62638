/**
 * @module
 * Counts over the catalogue for one date: what `npm start` prints until the API exists, and what
 * a dashboard's header shows.
 */
import {
  availabilityOn,
  CallStatuses,
  Levels,
  SupportFunctions,
  type CallStatus,
  type IsoDate,
  type Level,
  type SupportFunction,
} from "@klastry/domain";
import type { KnowledgeBase } from "./load-knowledge-base.ts";

export interface KnowledgeSummary {
  date: IsoDate;
  instruments: number;
  fundingSources: number;
  publicTasks: number;
  sampleClusters: number;
  /** Instruments per level; every level is present, zero included. */
  byLevel: Record<Level, number>;
  /** Instruments per availability status on `date`; every status is present, zero included. */
  byStatus: Record<CallStatus, number>;
  /** Instruments serving each support function; a zero is a gap in the catalogue. */
  byFunction: Record<SupportFunction, number>;
}

export function knowledgeSummary(kb: KnowledgeBase, date: IsoDate): KnowledgeSummary {
  const byLevel = zeroes(Levels.codes);
  const byStatus = zeroes(CallStatuses.codes);
  const byFunction = zeroes(SupportFunctions.codes);
  for (const instrument of kb.instruments) {
    byLevel[instrument.level] += 1;
    byStatus[availabilityOn(instrument, date).status] += 1;
    for (const fn of new Set(instrument.functions)) byFunction[fn] += 1;
  }
  return {
    date,
    instruments: kb.instruments.length,
    fundingSources: kb.fundingSources.length,
    publicTasks: kb.publicTasks.length,
    sampleClusters: kb.sampleClusters.length,
    byLevel,
    byStatus,
    byFunction,
  };
}

function zeroes<Code extends string>(codes: readonly Code[]): Record<Code, number> {
  return Object.fromEntries(codes.map((code) => [code, 0])) as Record<Code, number>;
}
