/**
 * @module
 * All data access of the web app: the one place that talks to the API, through Hono's typed
 * client over the API's own route types (`hc<AppType>`), on the same origin (`/api/v1`; Vite's
 * proxy in development). Pages call these functions (through `query()` or actions), never `fetch`.
 * A failure throws ApiError carrying the RFC 9457 problem document.
 */
import type { AppType } from "@klastry/api/client";
// Types only: a zod schema built in the first chunk would run before main.tsx turns zod's eval
// probe off, and the Content-Security-Policy would report it.
import type {
  AssessmentInput,
  InvitationImportResult,
  Language,
  ModerationDecision,
  RegionCode,
  RoundInputRaw,
  Visibility,
} from "@klastry/domain";
import { hc } from "hono/client";
import { ApiError, toApiError } from "./api-error.ts";
import type { InstrumentFilters, LevelSplit } from "./api-types.ts";

/**
 * The typed client. `fetch` is looked up at call time (not bound once), so tests can stand in
 * for the network with a stub.
 */
const client = hc<AppType>("/", {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
});
const v1 = client.api.v1;

type SuccessBody<R> = R extends { ok: true; json(): Promise<infer T> } ? T : never;

/** Awaits a typed request; answers the success body or throws ApiError (status 0 = network). */
async function unwrap<R extends { ok: boolean; json(): Promise<unknown> }>(
  pending: Promise<R>,
): Promise<SuccessBody<R>> {
  let response: R;
  try {
    response = await pending;
  } catch (cause) {
    throw new ApiError(0, { title: "network", detail: String(cause) }, { cause });
  }
  if (!response.ok) throw await toApiError(response as unknown as Response);
  return (await response.json()) as SuccessBody<R>;
}

/** Bearer credentials: a region key, the admin key or an assessment's private token. */
function bearer(secret: string | undefined): { headers: Record<string, string> } {
  return { headers: secret ? { authorization: `Bearer ${secret}` } : {} };
}

/** Query values as the URL carries them (numbers as text); empty filters are left out. */
function queryOf<T extends object>(
  values: T,
): { [K in keyof T]?: Exclude<T[K], number> | (number extends T[K] ? string : never) } {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== "") out[key] = String(value);
  }
  return out as { [K in keyof T]?: Exclude<T[K], number> | (number extends T[K] ? string : never) };
}

// Catalogue

export function listInstruments(filters: InstrumentFilters) {
  return unwrap(v1.instruments.$get({ query: queryOf(filters) }));
}

export function getInstrument(id: string) {
  return unwrap(v1.instruments[":id"].$get({ param: { id }, query: {} }));
}

export async function listFundingSources() {
  return (await unwrap(v1["funding-sources"].$get({ query: { pageSize: "200" } }))).items;
}

// Self-assessment

export function evaluateAssessment(
  input: AssessmentInput,
  options: { lang: Language; date?: string },
) {
  return unwrap(v1.recommendations.$post({ query: queryOf(options), json: input }));
}

/**
 * Stores an assessment with the coordinator's choice of whom the region shows it to. Adding to an
 * existing cluster's history (`input.clusterId`) needs the token of one of its earlier assessments.
 * With a survey invitation's token (its own header) the answer belongs to that round.
 */
export function saveAssessment(
  input: AssessmentInput,
  options: { lang: Language; token?: string; visibility: Visibility; invitation?: string },
) {
  const { headers } = bearer(options.token);
  if (options.invitation) headers["x-invitation-token"] = options.invitation;
  return unwrap(
    v1.assessments.$post(
      { query: { lang: options.lang, visibility: options.visibility }, json: input },
      { headers },
    ),
  );
}

/** Whom the cluster is shown to now, read with the private link's token. */
export function getClusterVisibility(clusterId: string, token: string) {
  return unwrap(v1.clusters[":id"].visibility.$get({ param: { id: clusterId } }, bearer(token)));
}

/** Changes whom the cluster is shown to; only the private link's token may. */
export function setClusterVisibility(clusterId: string, token: string, visibility: Visibility) {
  return unwrap(
    v1.clusters[":id"].visibility.$put(
      { param: { id: clusterId }, json: { visibility } },
      bearer(token),
    ),
  );
}

export function getAssessment(id: string, token: string) {
  return unwrap(v1.assessments[":id"].$get({ param: { id } }, bearer(token)));
}

/** A cluster's saved assessments, oldest first. */
export async function listClusterAssessments(clusterId: string, token: string) {
  const page = await unwrap(
    v1.clusters[":id"].assessments.$get(
      { param: { id: clusterId }, query: { pageSize: "200" } },
      bearer(token),
    ),
  );
  return page.items;
}

// Region dashboard (region key)

/** What an API key is for: admin, or the voivodeship of a region key. */
export function getKeyInfo(key: string) {
  return unwrap(v1.keys.me.$get(undefined, bearer(key)));
}

/**
 * Every instrument serving a region with its availability today (at most 200) and the day the
 * statuses are for, for the headline figures.
 */
export function listRegionInstruments(region: RegionCode) {
  return listInstruments({ region, pageSize: 200 });
}

export async function listRegionClusters(region: RegionCode, key: string) {
  const page = await unwrap(
    v1.regions[":code"].clusters.$get(
      { param: { code: region }, query: { pageSize: "200" } },
      bearer(key),
    ),
  );
  return page.items;
}

export async function getRegionRecommendations(region: RegionCode, key: string, lang: Language) {
  const page = await unwrap(
    v1.regions[":code"].recommendations.$get(
      { param: { code: region }, query: { lang, pageSize: "200" } },
      bearer(key),
    ),
  );
  return page.items;
}

export function getRegionNeeds(region: RegionCode, key: string) {
  return unwrap(
    v1.regions[":code"].needs.$get({ param: { code: region }, query: {} }, bearer(key)),
  );
}

/** Instrument names in the coverage rows come in `lang`. */
export function getRegionCoverage(region: RegionCode, key: string, lang: Language) {
  return unwrap(
    v1.regions[":code"].coverage.$get({ param: { code: region }, query: { lang } }, bearer(key)),
  );
}

export function getRegionPublicTasks(region: RegionCode, key: string) {
  return unwrap(
    v1.regions[":code"]["public-tasks"].$get({ param: { code: region }, query: {} }, bearer(key)),
  );
}

export type RegionReport = "clusters" | "recommendations" | "needs" | "coverage" | "public-tasks";

/** One regional report as CSV text (`Accept: text/csv`), for download. */
export async function getRegionCsv(
  region: RegionCode,
  report: RegionReport,
  key: string,
  lang: Language,
): Promise<string> {
  const route = v1.regions[":code"][report];
  let response: Response;
  try {
    response = await route.$get(
      { param: { code: region }, query: { lang, pageSize: "200" } },
      { headers: { authorization: `Bearer ${key}`, accept: "text/csv" } },
    );
  } catch (cause) {
    throw new ApiError(0, { title: "network", detail: String(cause) }, { cause });
  }
  if (!response.ok) throw await toApiError(response);
  return response.text();
}

/**
 * How many instruments serving the region each level (EU, national, regional) offers, in all and
 * with a call open today: the catalogue's totals, one small request per number.
 */
export async function countInstrumentsByLevel(region: RegionCode): Promise<LevelSplit[]> {
  const levels = ["eu", "national", "regional"] as const;
  const [all, open] = await Promise.all([
    Promise.all(levels.map((level) => listInstruments({ region, level, pageSize: 1 }))),
    Promise.all(
      levels.map((level) => listInstruments({ region, level, status: "open", pageSize: 1 })),
    ),
  ]);
  return levels.map((level, index) => ({
    level,
    count: all[index]?.total ?? 0,
    open: open[index]?.total ?? 0,
  }));
}

// Rules (admin key)

export function getRulebook(key: string) {
  return unwrap(v1.rules.$get(undefined, bearer(key)));
}

/** A candidate rule file as the rules page edits it: its path under rules/ and its JSON. */
export interface CandidateRuleFile {
  path: string;
  content: Record<string, unknown>;
}

/** Which clusters would gain or lose which instruments if the candidate file were in the rulebook. */
export function previewRuleImpact(
  key: string,
  candidate: CandidateRuleFile,
  lang: Language,
  date?: string,
) {
  const file = candidate.path.replace(/^rules\//, "");
  return unwrap(
    v1.rules.impact.$post(
      {
        query: { lang, pageSize: "200", ...(date ? { date } : {}) },
        json: { files: [{ file, rule: candidate.content }], remove: [] },
      },
      bearer(key),
    ),
  );
}

/** A served rule's file as it is in the rules folder, with its path, to edit. */
export function getRuleFile(key: string, id: string) {
  return unwrap(v1.rules[":id"].file.$get({ param: { id } }, bearer(key)));
}

export function reloadRules(key: string) {
  return unwrap(v1.rules.reload.$post(undefined, bearer(key)));
}

// Needs-survey rounds (admin or region key; the national picture: national or admin key)

/** Sends a request the typed client cannot shape (a CSV body, a file answer); throws ApiError. */
async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    throw new ApiError(0, { title: "network", detail: String(cause) }, { cause });
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

function roundPath(roundId: string, rest = ""): string {
  return `/api/v1/rounds/${encodeURIComponent(roundId)}${rest}`;
}

export async function listRounds(key: string) {
  return (await unwrap(v1.rounds.$get(undefined, bearer(key)))).items;
}

export function getRound(roundId: string, key: string) {
  return unwrap(v1.rounds[":id"].$get({ param: { id: roundId } }, bearer(key)));
}

export function openRound(input: RoundInputRaw, key: string) {
  return unwrap(v1.rounds.$post({ json: input }, bearer(key)));
}

export function closeRound(roundId: string, key: string) {
  return unwrap(v1.rounds[":id"].close.$post({ param: { id: roundId } }, bearer(key)));
}

/** Imports `name,region,contact` lines; the answer carries each link once (problems in `lang`). */
export async function importInvitations(
  roundId: string,
  key: string,
  csv: string,
  lang: Language,
): Promise<InvitationImportResult> {
  const response = await send(roundPath(roundId, `/invitations?lang=${lang}`), {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "text/csv; charset=utf-8" },
    body: csv,
  });
  // The answer's shape is the route's contract (InvitationImportResult in @klastry/domain).
  return (await response.json()) as InvitationImportResult;
}

export function listInvitations(roundId: string, key: string) {
  return unwrap(
    v1.rounds[":id"].invitations.$get(
      { param: { id: roundId }, query: { pageSize: "200" } },
      bearer(key),
    ),
  );
}

export function listModeration(roundId: string, key: string) {
  return unwrap(
    v1.rounds[":id"].moderation.$get(
      { param: { id: roundId }, query: { pageSize: "200" } },
      bearer(key),
    ),
  );
}

export function decideModeration(
  roundId: string,
  assessmentId: string,
  decision: ModerationDecision,
  key: string,
) {
  return unwrap(
    v1.rounds[":id"].moderation[":assessmentId"].$post(
      { param: { id: roundId, assessmentId }, json: { decision } },
      bearer(key),
    ),
  );
}

/** What an invitation opens; opening it marks it started. The token goes in its own header. */
export function openInvitation(token: string) {
  return unwrap(v1.invitation.$get(undefined, { headers: { "x-invitation-token": token } }));
}

export function getNationalPicture(
  key: string,
  options: { round?: string; compareWith?: string; lang: Language },
) {
  return unwrap(v1.national.$get({ query: queryOf(options) }, bearer(key)));
}

export function getRoundReport(
  roundId: string,
  key: string,
  options: { compareWith?: string; lang: Language },
) {
  return unwrap(
    v1.rounds[":id"].report.$get({ param: { id: roundId }, query: queryOf(options) }, bearer(key)),
  );
}

/** The report's data annex as a file: CSV or an XLSX workbook. */
export async function getReportAnnex(
  roundId: string,
  key: string,
  format: "csv" | "xlsx",
  lang: Language,
): Promise<Blob> {
  const response = await send(roundPath(roundId, `/report/annex.${format}?lang=${lang}`), {
    headers: { authorization: `Bearer ${key}` },
  });
  return response.blob();
}
