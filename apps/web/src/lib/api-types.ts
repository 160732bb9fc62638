/**
 * @module
 * Names for the API's answers as pages use them. They are inferred from the typed client in
 * api.ts (so from the API's own route schemas), never written by hand; only the inputs built here
 * (filters, the level split computed from catalogue totals) are declared.
 */
import type {
  ActorType,
  CallStatus,
  InstrumentForm,
  Level,
  RegionCode,
  SupportFunction,
} from "@klastry/domain";
import type {
  getRegionCoverage,
  getRegionNeeds,
  getRegionPublicTasks,
  getRulebook,
  listInstruments,
  previewRuleImpact,
} from "./api.ts";

type Answer<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export interface InstrumentFilters {
  level?: Level;
  region?: RegionCode;
  function?: SupportFunction;
  actorType?: ActorType;
  form?: InstrumentForm;
  status?: CallStatus;
  date?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface LevelSplit {
  level: Level;
  /** Instruments serving the region at this level. */
  count: number;
  /** Of those, with a call open today. */
  open: number;
}

export type InstrumentPage = Answer<typeof listInstruments>;
export type ListedInstrument = InstrumentPage["items"][number];
export type NeedCount = Answer<typeof getRegionNeeds>["items"][number];
export type CoverageRow = Answer<typeof getRegionCoverage>["items"][number];
export type PublicTaskRow = Answer<typeof getRegionPublicTasks>["items"][number];
export type Rulebook = Answer<typeof getRulebook>;
export type ImpactReport = Answer<typeof previewRuleImpact>;
