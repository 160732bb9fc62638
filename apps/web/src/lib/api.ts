/**
 * @module
 * All data access of the web app: the one place that talks to the API (`/api/v1`, same origin in
 * production, Vite's proxy in development). Pages call these functions (through `query()` or
 * actions), never `fetch`. Failures throw ApiError carrying the problem document.
 */
import type {
  AssessmentInput,
  FundingSource,
  Instrument,
  Language,
  RecommendationSet,
  StoredAssessment,
} from "@klastry/domain";
import { ApiError, toApiError } from "./api-error.ts";
import type {
  AssessmentRecord,
  ClusterRecommendations,
  CoverageRow,
  ImpactReport,
  InstrumentFilters,
  LevelSplit,
  ListedInstrument,
  NeedCount,
  Page,
  PublicTaskRow,
  RegionAggregate,
  RegionCluster,
  RulebookSummary,
  SavedAssessment,
} from "./api-types.ts";

const BASE = "/api/v1";

interface CallOptions {
  method?: "GET" | "POST";
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Sent as `Authorization: Bearer ...` (region key, admin key or assessment token). */
  bearer?: string;
  accept?: string;
}

async function call(path: string, options: CallOptions = {}): Promise<Response> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const url = `${BASE}${path}${search.size > 0 ? `?${search}` : ""}`;
  const headers: Record<string, string> = { accept: options.accept ?? "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (cause) {
    throw new ApiError(0, { title: "network", detail: String(cause) }, { cause });
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function json<T>(path: string, options?: CallOptions): Promise<T> {
  return (await (await call(path, options)).json()) as T;
}

/** Accepts either a bare array or a `{ items }` page. */
function itemsOf<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  if (typeof body === "object" && body !== null && Array.isArray((body as { items?: unknown }).items)) {
    return (body as { items: T[] }).items;
  }
  return [];
}

// Catalogue

export function listInstruments(filters: InstrumentFilters): Promise<Page<ListedInstrument>> {
  return json<Page<ListedInstrument>>("/instruments", { query: { ...filters } });
}

export function getInstrument(id: string): Promise<Instrument> {
  return json<Instrument>(`/instruments/${encodeURIComponent(id)}`);
}

export async function listFundingSources(): Promise<FundingSource[]> {
  return itemsOf<FundingSource>(await json<unknown>("/funding-sources", { query: { pageSize: 200 } }));
}

// Self-assessment

export function evaluateAssessment(
  input: AssessmentInput,
  options: { lang: Language; date?: string },
): Promise<RecommendationSet> {
  return json<RecommendationSet>("/recommendations", {
    method: "POST",
    query: { lang: options.lang, date: options.date },
    body: input,
  });
}

/**
 * Stores an assessment. Adding to an existing cluster's history (`input.clusterId`) needs the
 * token of one of its earlier assessments.
 */
export function saveAssessment(
  input: AssessmentInput,
  options: { lang: Language; token?: string },
): Promise<SavedAssessment> {
  return json<SavedAssessment>("/assessments", {
    method: "POST",
    query: { lang: options.lang },
    body: input,
    bearer: options.token,
  });
}

export function getAssessment(id: string, token: string): Promise<AssessmentRecord> {
  return json<AssessmentRecord>(`/assessments/${encodeURIComponent(id)}`, { bearer: token });
}

/** A cluster's saved assessments, oldest first. */
export async function listClusterAssessments(clusterId: string, token: string): Promise<StoredAssessment[]> {
  const body = await json<unknown>(`/clusters/${encodeURIComponent(clusterId)}/assessments`, {
    bearer: token,
    query: { pageSize: 200 },
  });
  return itemsOf<StoredAssessment>(body);
}

// Region dashboard (region key)

export async function listRegionClusters(region: string, key: string): Promise<RegionCluster[]> {
  return itemsOf<RegionCluster>(await json<unknown>(`/regions/${region}/clusters`, { bearer: key, query: { pageSize: 200 } }));
}

export function getRegionNeeds(region: string, key: string): Promise<RegionAggregate<NeedCount>> {
  return json<RegionAggregate<NeedCount>>(`/regions/${region}/needs`, { bearer: key });
}

export function getRegionCoverage(region: string, key: string): Promise<RegionAggregate<CoverageRow> & { gaps: number }> {
  return json(`/regions/${region}/coverage`, { bearer: key });
}

export function getRegionPublicTasks(region: string, key: string): Promise<RegionAggregate<PublicTaskRow>> {
  return json<RegionAggregate<PublicTaskRow>>(`/regions/${region}/public-tasks`, { bearer: key });
}

export type RegionReport = "clusters" | "recommendations" | "needs" | "coverage" | "public-tasks";

/** One regional report as CSV text, for download. */
export async function getRegionCsv(region: string, report: RegionReport, key: string, lang: Language): Promise<string> {
  return (await call(`/regions/${region}/${report}`, { bearer: key, accept: "text/csv", query: { lang, pageSize: 200 } })).text();
}

export async function getRegionRecommendations(region: string, key: string, lang: Language): Promise<ClusterRecommendations[]> {
  return itemsOf<ClusterRecommendations>(
    await json<unknown>(`/regions/${region}/recommendations`, { bearer: key, query: { lang, pageSize: 200 } }),
  );
}

/**
 * How many instruments serving the region each level (EU, national, regional) offers, in all and
 * with a call open today: the catalogue's totals, one small request per number.
 */
export async function countInstrumentsByLevel(region: string): Promise<LevelSplit[]> {
  const levels = ["eu", "national", "regional"] as const;
  const [all, open] = await Promise.all([
    Promise.all(levels.map((level) => listInstruments({ region, level, pageSize: 1 }))),
    Promise.all(levels.map((level) => listInstruments({ region, level, status: "open", pageSize: 1 }))),
  ]);
  return levels.map((level, index) => ({
    level,
    count: all[index]?.total ?? 0,
    open: open[index]?.total ?? 0,
  }));
}

// Rules (admin key)

export function getRulebook(key: string): Promise<RulebookSummary> {
  return json<RulebookSummary>("/rules", { bearer: key });
}

/** A candidate rule file as the rules page edits it: where it would live and its JSON. */
export interface CandidateRuleFile {
  path: string;
  content: unknown;
}

/** Which clusters would gain or lose which instruments if the candidate file were in the rulebook. */
export function previewRuleImpact(key: string, candidate: CandidateRuleFile): Promise<ImpactReport> {
  return json<ImpactReport>("/rules/impact", {
    method: "POST",
    bearer: key,
    body: { files: [{ path: candidate.path, content: candidate.content }] },
  });
}

export function reloadRules(key: string): Promise<RulebookSummary> {
  return json<RulebookSummary>("/rules/reload", { method: "POST", bearer: key });
}
