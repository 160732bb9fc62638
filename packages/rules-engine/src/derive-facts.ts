/**
 * @module
 * Fact values for one evaluation: the assessment's answers plus the derived facts of the
 * catalogue (`FACT_CATALOGUE` in @klastry/domain), computed once and shared by every rule.
 * An unknown fact is `undefined`; `null` means "known to be absent".
 */
import {
  ActorTypes,
  availabilityOn,
  EASTERN_POLAND_REGIONS,
  type AssessmentInput,
  type AvailabilityRecord,
  type IsoDate,
} from "@klastry/domain";

/** Computes a parameterised fact (e.g. `instrumentCallStatus`) for its params. */
export type ParameterisedFact = (params: Readonly<Record<string, unknown>>) => unknown;

/** The facts of one evaluation. */
export interface FactValues {
  /** Plain facts by name; `undefined` (or absent) = unknown. */
  readonly values: Readonly<Record<string, unknown>>;
  /**
   * Facts known only to a range: `values` holds the lower end, this the upper end. A condition
   * whose outcome differs at the two ends is unknown (e.g. an age from the founding year alone).
   */
  readonly upper?: Readonly<Record<string, unknown>>;
  /** Value of a parameterised fact, computed once per `key` (fact and params serialised, unique per pair). */
  param(fact: string, key: string, params: Readonly<Record<string, unknown>>): unknown;
}

/** Builds fact values from plain values and parameterised facts; each param value is cached. */
export function factValuesOf(
  values: Readonly<Record<string, unknown>>,
  parameterised: Readonly<Record<string, ParameterisedFact>> = {},
  upper?: Readonly<Record<string, unknown>>,
): FactValues {
  const cache = new Map<string, unknown>();
  return {
    values,
    ...(upper !== undefined && { upper }),
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
export type InstrumentWindows = AvailabilityRecord;

const MEMBER_TYPES = ActorTypes.codes.filter((code) => code !== "coordinator");

/** The three sectors of the triple helix and the member types in each. */
const HELIX_SECTORS: readonly (readonly (typeof MEMBER_TYPES)[number][])[] = [
  ["sme", "large_enterprise"],
  ["research_organisation"],
  ["business_support_institution", "local_government"],
];

/**
 * Derives every catalogue fact from a parsed assessment and a date. Decisions (also in the
 * catalogue's descriptions):
 * - an answer not given is unknown, never "none": facts over the needs or the public tasks are
 *   unknown when that list is absent, and known (possibly empty) when it is given, even empty;
 * - member facts are known once every member type's count is given (0 is an answer); a fact over
 *   some types needs only those;
 * - `clusterAgeYears` counts full years from the end of the founding month; with the year alone it
 *   is known only to a range of one year (lower end in `values`, upper end in `upper`);
 * - `inEasternPoland` for mazowieckie (14) needs `cluster.inWarsawCapitalRegion`;
 * - `kkkValidOnDate` / `escaLabel*` are unknown when a status is held with no end date given;
 * - `actorNeeds` has a key for every actor type: the functions it needs, or null without needs;
 * - `memberFirmCheck` is always unknown: a member firm's own data the coordinator cannot give.
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
  const allCounts = MEMBER_TYPES.every((type) => members[type] !== undefined);
  const count = (type: (typeof MEMBER_TYPES)[number]) => members[type] ?? 0;
  const memberTypes = allCounts ? MEMBER_TYPES.filter((type) => count(type) > 0) : undefined;

  let actorNeeds: Record<string, string[] | null> | undefined;
  if (needs !== undefined) {
    actorNeeds = {};
    for (const actor of ActorTypes.codes) {
      const functions = needs.filter((need) => need.actor === actor).map((need) => need.function);
      actorNeeds[actor] = functions.length > 0 ? [...new Set(functions)].sort() : null;
    }
  }
  const age = clusterAge(cluster.foundedYear, cluster.foundedMonth, date);
  const escaLabel = cluster.esca === undefined ? undefined : escaLabelOn(cluster.esca, date);

  const values: Record<string, unknown> = {
    cluster,
    profile,
    ownContribution: assessment.ownContribution,
    region: cluster.region,
    inEasternPoland: inEasternPoland(cluster.region, cluster.inWarsawCapitalRegion),
    memberCount: allCounts ? MEMBER_TYPES.reduce((sum, type) => sum + count(type), 0) : undefined,
    smeMemberCount: members.sme,
    enterpriseMemberCount:
      members.sme !== undefined && members.large_enterprise !== undefined
        ? members.sme + members.large_enterprise
        : undefined,
    memberTypesCount: memberTypes?.length,
    memberTypes,
    helixSectorsCount: allCounts
      ? HELIX_SECTORS.filter((types) => types.some((type) => count(type) > 0)).length
      : undefined,
    clusterAgeYears: age?.lower,
    kkkValidOnDate: validOn(cluster.kkk?.holds, cluster.kkk?.validUntil, date),
    escaLabelValidOnDate: escaLabel === undefined ? undefined : escaLabel !== "none",
    escaLabelOnDate: escaLabel,
    neededFunctions: needs && [...new Set(needs.map((need) => need.function))].sort(),
    highPriorityFunctions:
      needs && [...new Set(needs.filter((n) => n.priority === 1).map((n) => n.function))].sort(),
    actorNeeds,
    actorsWithNeeds: actorNeeds && ActorTypes.codes.filter((actor) => actorNeeds[actor] !== null),
    readyPublicTasks:
      publicTasks &&
      publicTasks
        .filter((entry) => entry.readiness === "ready" || entry.readiness === "already_doing")
        .map((entry) => entry.task)
        .sort(),
    publicTaskReadiness:
      publicTasks &&
      Object.fromEntries(
        [...publicTasks]
          .sort((a, b) => (a.task < b.task ? -1 : 1))
          .map((entry) => [entry.task, entry.readiness]),
      ),
    // Always unknown: a firm's own data, which no answer of the coordinator settles.
    memberFirmCheck: undefined,
    evaluationDate: date,
  };
  const byId: ReadonlyMap<string, InstrumentWindows> =
    "get" in instruments
      ? instruments
      : new Map(instruments.map((instrument) => [instrument.id, instrument]));
  const upper = age && age.upper !== age.lower ? { clusterAgeYears: age.upper } : undefined;
  return factValuesOf(values, instrumentFacts(byId, date), upper);
}

/** `instrumentCallStatus` and `daysUntilDeadline` for `params.instrument` on `date`. */
export function instrumentFacts(
  byId: ReadonlyMap<string, InstrumentWindows>,
  date: IsoDate,
): Record<string, ParameterisedFact> {
  return {
    instrumentCallStatus: (params) => {
      const instrument = byId.get(String(params.instrument));
      return instrument ? availabilityOn(instrument, date).status : undefined;
    },
    daysUntilDeadline: (params) => {
      const instrument = byId.get(String(params.instrument));
      if (!instrument) return undefined;
      return availabilityOn(instrument, date).daysLeft ?? null;
    },
  };
}

/**
 * Full years from the end of the founding month to the date. With the year alone the founding
 * day lies anywhere in that year: the age is the range from founding on 31 December (lower) to
 * founding on 1 January (upper).
 */
function clusterAge(
  year: number | undefined,
  month: number | undefined,
  date: IsoDate,
): { lower: number; upper: number } | undefined {
  if (year === undefined) return undefined;
  const fullYears = (founded: string) => {
    const years = Number(date.slice(0, 4)) - Number(founded.slice(0, 4));
    return date.slice(5) >= founded.slice(5) ? years : years - 1;
  };
  const clamp = (n: number) => Math.max(0, n);
  if (month !== undefined) {
    const founded = lastDayOfMonth(year, month);
    const years = clamp(fullYears(founded));
    return { lower: years, upper: years };
  }
  return { lower: clamp(fullYears(`${year}-12-31`)), upper: clamp(fullYears(`${year}-01-01`)) };
}

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A held status is valid until its end date; with no end date given it is unknown. */
function validOn(
  holds: boolean | undefined,
  validUntil: string | undefined,
  date: IsoDate,
): boolean | undefined {
  if (holds === undefined) return undefined;
  if (!holds) return false;
  return validUntil === undefined ? undefined : validUntil >= date;
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

/** The label held on the date: none once expired, unknown when its end date is not given. */
function escaLabelOn(
  esca: { label: string; validUntil?: string | undefined },
  date: IsoDate,
): string | undefined {
  if (esca.label === "none") return "none";
  if (esca.validUntil === undefined) return undefined;
  return esca.validUntil >= date ? esca.label : "none";
}
