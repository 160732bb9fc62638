/**
 * @module
 * Shapes of API answers that @klastry/domain does not define (pages, saved assessments, regional
 * aggregates, rule impact). They mirror apps/api; lib/api.ts is the only place that reads them.
 */
import type {
  ActorType,
  CallStatus,
  Cluster,
  Instrument,
  Level,
  PublicTask,
  ReadinessLevel,
  Recommendation,
  RecommendationSet,
  StoredAssessment,
  SupportFunction,
} from "@klastry/domain";

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface InstrumentFilters {
  level?: string;
  region?: string;
  function?: string;
  actorType?: string;
  form?: string;
  status?: string;
  date?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** The answer to POST /assessments: the private token appears here once. */
export interface SavedAssessment {
  id: string;
  accessToken: string;
  clusterId: string;
  createdAt: string;
  rulebookVersion?: string;
  recommendations?: RecommendationSet;
}

/** GET /assessments/{id}: the stored answers and the recommendations made when they were stored. */
export interface AssessmentRecord {
  assessment: StoredAssessment;
  assessedOn: string;
  region: string;
  recommendations: RecommendationSet | null;
}

export type RegionCluster = Cluster;

/** A regional aggregate: its rows plus how many clusters' latest assessments it counts. */
export interface RegionAggregate<T> extends Page<T> {
  region: string;
  clusters: number;
}

export interface NeedCount {
  actor: ActorType;
  function: SupportFunction;
  count: number;
  byPriority: { 1: number; 2: number; 3: number };
}

export interface CoverageRow extends NeedCount {
  /** False: no instrument open to the region serves this need (a gap). */
  covered: boolean;
  instruments: { id: string; name: string; callStatus: CallStatus }[];
}

export interface PublicTaskRow {
  task: PublicTask;
  readiness: ReadinessLevel;
  count: number;
  clusters: { id: string; name: string }[];
}

/** A catalogue entry as listed, with its call status on the requested day. */
export type ListedInstrument = Instrument & {
  callStatus?: { status: CallStatus; deadline?: string; opensOn?: string };
};

export interface LevelSplit {
  level: Level;
  /** Instruments serving the region at this level. */
  count: number;
  /** Of those, with a call open today. */
  open: number;
}

/** A cluster's latest assessment evaluated now (GET /regions/{code}/recommendations). */
export interface ClusterRecommendations {
  clusterId: string;
  clusterName: string;
  assessmentId: string;
  assessedOn: string;
  recommendations: Recommendation[];
  notEligibleCount: number;
}

export interface RuleSummary {
  id: string;
  instrumentId?: string;
  reasons?: { pl?: string; en?: string };
  validFrom?: string;
  validTo?: string;
}

export interface RuleFileSummary {
  file: string;
  valid: boolean;
  issues: { path?: string; pointer?: string; message: string }[];
  rules: RuleSummary[];
}

export interface RulebookSummary {
  version: string;
  valid: boolean;
  files: RuleFileSummary[];
}

export interface ImpactChange {
  clusterId: string;
  clusterName?: string;
  gained: string[];
  lost: string[];
  changed: { instrumentId: string; from: string; to: string }[];
}

export interface ImpactReport {
  candidateVersion?: string;
  baseVersion?: string;
  assessed: number;
  changes: ImpactChange[];
}

export type { Instrument };
