/**
 * @module
 * Fact values for one evaluation: the assessment's answers plus the derived facts of the
 * catalogue (`FACT_CATALOGUE` in @klastry/domain), computed once and shared by every rule.
 * An unknown fact is `undefined`; `null` means "known to be absent".
 */
import {
  ActorTypes,
  callStatusOn,
  EASTERN_POLAND_REGIONS,
  type AssessmentInput,
  type Instrument,
  type IsoDate,
} from "@klastry/domain";

/** Computes a parameterised fact (e.g. `instrumentCallStatus`) for its params. */
export type ParameterisedFact = (params: Readonly<Record<string, unknown>>) => unknown;

/** The facts of one evaluation. */
export interface FactValues {
  /** Plain facts by name; `undefined` (or absent) = unknown. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Value of a parameterised fact, computed once per `key` (fact and params serialised, unique per pair). */
  param(fact: string, key: string, params: Readonly<Record<string, unknown>>): unknown;
}

/** Builds fact values from plain values and parameterised facts; each param value is cached. */
export function factValuesOf(
  values: Readonly<Record<string, unknown>>,
  parameterised: Readonly<Record<string, ParameterisedFact>> = {},
): FactValues {
  const cache = new Map<string, unknown>();
  return {
    values,
    param(fact, key, params) {
      const cached = cache.get(key);
      if (cached !== undefined || cache.has(key)) return cached;
      const compute = parameterised[fact];
      // json-rules-engine ignores params of a constant fact; so do we.
      const value = compute ? compute(params) : values[fact];
      cache.set(key, value);
      return value;
    },
  };
}

/** What the instrument facts read of an instrument. */
export type InstrumentWindows = Pick<Instrument, "callWindows" | "endedBy">;

const MEMBER_TYPES = ActorTypes.codes.filter((code) => code !== "coordinator");

/**
 * Derives every catalogue fact from a parsed assessment and a date. Decisions (also in the
 * catalogue's descriptions):
 * - members: the question counts as answered when any count is given; a type left blank then
 *   counts as 0. With no count at all, every member fact is unknown.
 * - `inEasternPoland` for mazowieckie (14) needs `cluster.inWarsawCapitalRegion`; unknown without it.
 * - `kkkValidOnDate` / `escaLabel*` are unknown when the cluster did not answer the status question;
 *   a held status without an end date counts as valid.
 * - `actorNeeds` has a key for every actor type: the functions it needs, or null without needs.
 *
 * @example
 * const facts = deriveFacts(buildAssessment(), "2025-03-01", knowledge.instruments);
 * facts.values.memberCount; // 51
 */
export function deriveFacts(
  assessment: AssessmentInput,
  date: IsoDate,
  instruments:
    ReadonlyMap<string, InstrumentWindows> | readonly (InstrumentWindows & { id: string })[] = [],
): FactValues {
  const { cluster, profile, needs, publicTasks } = assessment;
  const members = profile.members;
  const anyCount = MEMBER_TYPES.some((type) => members[type] !== undefined);
  const count = (type: (typeof MEMBER_TYPES)[number]) =>
    anyCount ? (members[type] ?? 0) : undefined;
  const memberTypes = anyCount
    ? MEMBER_TYPES.filter((type) => (members[type] ?? 0) > 0)
    : undefined;

  const actorNeeds: Record<string, string[] | null> = {};
  for (const actor of ActorTypes.codes) {
    const functions = needs.filter((need) => need.actor === actor).map((need) => need.function);
    actorNeeds[actor] = functions.length > 0 ? [...new Set(functions)].sort() : null;
  }
  const year = Number(date.slice(0, 4));

  const values: Record<string, unknown> = {
    cluster,
    profile,
    ownContribution: assessment.ownContribution,
    region: cluster.region,
    inEasternPoland: inEasternPoland(cluster.region, cluster.inWarsawCapitalRegion),
    memberCount: anyCount
      ? MEMBER_TYPES.reduce((sum, type) => sum + (members[type] ?? 0), 0)
      : undefined,
    smeMemberCount: count("sme"),
    enterpriseMemberCount: anyCount
      ? (members.sme ?? 0) + (members.large_enterprise ?? 0)
      : undefined,
    memberTypesCount: memberTypes?.length,
    memberTypes,
    clusterAgeYears: cluster.foundedYear === undefined ? undefined : year - cluster.foundedYear,
    kkkValidOnDate:
      cluster.kkk === undefined
        ? undefined
        : cluster.kkk.holds &&
          (cluster.kkk.validUntil === undefined || cluster.kkk.validUntil >= date),
    escaLabelValidOnDate:
      cluster.esca === undefined ? undefined : escaLabelOn(cluster.esca, date) !== "none",
    escaLabelOnDate: cluster.esca === undefined ? undefined : escaLabelOn(cluster.esca, date),
    neededFunctions: [...new Set(needs.map((need) => need.function))].sort(),
    highPriorityFunctions: [
      ...new Set(needs.filter((n) => n.priority === 1).map((n) => n.function)),
    ].sort(),
    actorNeeds,
    actorsWithNeeds: ActorTypes.codes.filter((actor) => actorNeeds[actor] !== null),
    readyPublicTasks: publicTasks
      .filter((entry) => entry.readiness === "ready" || entry.readiness === "already_doing")
      .map((entry) => entry.task)
      .sort(),
    publicTaskReadiness: Object.fromEntries(
      [...publicTasks]
        .sort((a, b) => (a.task < b.task ? -1 : 1))
        .map((entry) => [entry.task, entry.readiness]),
    ),
    evaluationDate: date,
  };
  const byId = Array.isArray(instruments)
    ? new Map(instruments.map((instrument) => [instrument.id, instrument]))
    : (instruments as ReadonlyMap<string, InstrumentWindows>);
  return factValuesOf(values, instrumentFacts(byId, date));
}

/** `instrumentCallStatus` and `daysUntilDeadline` for `params.instrument` on `date`. */
export function instrumentFacts(
  byId: ReadonlyMap<string, InstrumentWindows>,
  date: IsoDate,
): Record<string, ParameterisedFact> {
  return {
    instrumentCallStatus: (params) => {
      const instrument = byId.get(String(params.instrument));
      return instrument ? callStatusOn(instrument, date).status : undefined;
    },
    daysUntilDeadline: (params) => {
      const instrument = byId.get(String(params.instrument));
      if (!instrument) return undefined;
      const status = callStatusOn(instrument, date);
      return status.deadline === undefined ? null : daysBetween(date, status.deadline);
    },
  };
}

function inEasternPoland(
  region: string,
  inWarsawCapitalRegion: boolean | undefined,
): boolean | undefined {
  if (!EASTERN_POLAND_REGIONS.includes(region as (typeof EASTERN_POLAND_REGIONS)[number]))
    return false;
  // FE dla Polski Wschodniej covers mazowieckie only outside the region warszawski stołeczny (facts.md section 1).
  if (region === "14")
    return inWarsawCapitalRegion === undefined ? undefined : !inWarsawCapitalRegion;
  return true;
}

function escaLabelOn(
  esca: { label: string; validUntil?: string | undefined },
  date: IsoDate,
): string {
  if (esca.label === "none") return "none";
  return esca.validUntil === undefined || esca.validUntil >= date ? esca.label : "none";
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
