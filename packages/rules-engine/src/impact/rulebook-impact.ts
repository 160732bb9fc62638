/**
 * @module
 * The one comparison of two rulebooks over a population of assessments, shared by `klastry
 * rules impact` and the API's impact preview (`POST /rules/impact`). Population-independent: the
 * caller brings the assessments (stored, sample, generated) with ids, names and regions. Only the
 * rules that differ are evaluated (`rulebookDelta` + `compareVerdicts`, near misses included);
 * the conditions that made the difference are looked up for the changed pairs only.
 */
import {
  REGIONS,
  type AssessmentInput,
  type IsoDate,
  type LocalizedText,
  type RegionCode,
  type Verdict,
} from "@klastry/domain";
import { compareVerdicts, rulebookDelta } from "../compare-rulebooks.ts";
import type { Rulebook } from "../compile-rulebook.ts";
import { diffRules } from "./diff-rules.ts";
import { causeFinder } from "./find-causes.ts";
import type {
  CauseSummary,
  ClusterChange,
  ImpactCause,
  InstrumentChange,
  InstrumentImpact,
  RegionImpact,
  RulebookImpact,
  Standing,
  StandingCounts,
} from "./impact-schema.ts";

/** One assessment of the population. */
export interface ImpactSubject {
  /** Unique in the population: an assessment id, a sample's id, `generated-0001`. */
  readonly id: string;
  readonly name: string;
  readonly region: RegionCode;
  readonly assessment: AssessmentInput;
  /** Where it comes from, counted in `population.bySource`; default "assessments". */
  readonly source?: string;
}

export interface RulebookImpactOptions {
  /** The day both rulebooks are evaluated on. */
  readonly date: IsoDate;
  /** How the report names the two sides; default "before" and "after". */
  readonly labels?: { readonly before?: string; readonly after?: string };
  /** Called every `progressEvery` assessments (default 250) and at the end. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly progressEvery?: number;
}

const standingOf = (verdict: Verdict, nearMiss: boolean): Standing =>
  verdict === "not_eligible" && nearMiss ? "near_miss" : verdict;

const zero = (): StandingCounts => ({ eligible: 0, nearMiss: 0, unknown: 0 });

/** Adds one to the counter of a standing that is counted (not_eligible is not). */
function bump(counts: StandingCounts, standing: Standing): void {
  if (standing === "eligible") counts.eligible++;
  else if (standing === "near_miss") counts.nearMiss++;
  else if (standing === "unknown") counts.unknown++;
}

/** A cause without the cluster's own value, as a key for counting clusters per cause. */
function summaryOf(cause: ImpactCause): Omit<CauseSummary, "clusters"> {
  if (cause.kind === "rule") return cause;
  const { actual: _value, ...rest } = cause;
  return rest;
}

/**
 * Compares two rulebooks over a population on a date: rules added, removed or changed (with a
 * readable condition diff), and per instrument, region and cluster who gains or loses eligible,
 * near miss or can't-tell, with the conditions that made the difference.
 *
 * @example
 * const report = rulebookImpact(main, branch, subjects, { date: "2026-12-01" });
 * report.summary; // { instrumentsChanged: 1, clustersGaining: 41, clustersLosing: 0, ... }
 * report.instruments[0]?.causes[0]; // { ruleId: "kkk-status", condition: "enough-members",
 *                                   //   before: "memberCount >= 51", after: "memberCount >= 40", ... }
 */
export function rulebookImpact(
  before: Rulebook,
  after: Rulebook,
  subjects: readonly ImpactSubject[],
  options: RulebookImpactOptions,
): RulebookImpact {
  const { date } = options;
  const delta = rulebookDelta(before, after);
  const causes = causeFinder(before, after, delta, date);
  const nameOf = (id: string): LocalizedText =>
    after.instruments.get(id)?.name ?? before.instruments.get(id)?.name ?? { pl: id, en: id };

  const instruments = new Map<string, InstrumentTally>();
  for (const id of [...delta.instruments].sort()) instruments.set(id, newInstrumentTally());
  const regions = new Map<RegionCode, RegionImpact>();
  const bySource: Record<string, number> = {};
  const clusters: ClusterChange[] = [];
  const every = Math.max(1, options.progressEvery ?? 250);

  subjects.forEach((subject, done) => {
    if (options.onProgress && done % every === 0) options.onProgress(done, subjects.length);
    const source = subject.source ?? "assessments";
    bySource[source] = (bySource[source] ?? 0) + 1;
    const region = regionTally(regions, subject.region);
    region.clusters++;
    const found = compareVerdicts(before, after, subject.assessment, date, delta, {
      nearMisses: true,
    });
    if (found.length === 0) return;
    const causesOf = causes.forAssessment(subject.assessment);
    const changes: InstrumentChange[] = found.map((change) => {
      const standingBefore = standingOf(change.before, change.nearMissBefore);
      const standingAfter = standingOf(change.after, change.nearMissAfter);
      return {
        instrumentId: change.instrumentId,
        before: change.before,
        after: change.after,
        nearMissBefore: change.nearMissBefore,
        nearMissAfter: change.nearMissAfter,
        instrumentName: nameOf(change.instrumentId),
        standingBefore,
        standingAfter,
        causes: causesOf(change.instrumentId, standingBefore, standingAfter),
      };
    });
    const gained = changes.filter((c) => c.after === "eligible").map((c) => c.instrumentId);
    const lost = changes.filter((c) => c.before === "eligible").map((c) => c.instrumentId);
    region.changed++;
    if (gained.length > 0) region.clustersGaining++;
    if (lost.length > 0) region.clustersLosing++;
    for (const change of changes) {
      bump(region.gained, change.standingAfter);
      bump(region.lost, change.standingBefore);
      const tally = instruments.get(change.instrumentId) ?? newInstrumentTally();
      instruments.set(change.instrumentId, tally);
      tally.clusters++;
      bump(tally.gained, change.standingAfter);
      bump(tally.lost, change.standingBefore);
      for (const cause of change.causes) tally.count(summaryOf(cause));
    }
    clusters.push({
      id: subject.id,
      name: subject.name,
      region: subject.region,
      source,
      gained,
      lost,
      changes,
    });
  });
  options.onProgress?.(subjects.length, subjects.length);

  const rules = diffRules(before, after);
  const instrumentList: InstrumentImpact[] = [...instruments.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([instrumentId, tally]) => ({
      instrumentId,
      instrumentName: nameOf(instrumentId),
      clusters: tally.clusters,
      gained: tally.gained,
      lost: tally.lost,
      causes: tally.causes(),
    }));
  const summary = {
    rulesAdded: rules.filter((r) => r.change === "added").length,
    rulesRemoved: rules.filter((r) => r.change === "removed").length,
    rulesChanged: rules.filter((r) => r.change === "changed").length,
    instrumentsChanged: instrumentList.filter((i) => i.clusters > 0).length,
    clustersChanged: clusters.length,
    clustersGaining: clusters.filter((c) => c.gained.length > 0).length,
    clustersLosing: clusters.filter((c) => c.lost.length > 0).length,
    changed: rules.length > 0 || clusters.length > 0,
  };
  return {
    evaluatedOn: date,
    before: {
      label: options.labels?.before ?? "before",
      version: before.version,
      rules: before.rules.length,
    },
    after: {
      label: options.labels?.after ?? "after",
      version: after.version,
      rules: after.rules.length,
    },
    population: { total: subjects.length, bySource },
    summary,
    rules,
    instruments: instrumentList,
    regions: [...regions.values()].sort((a, b) => (a.region < b.region ? -1 : 1)),
    clusters,
  };
}

interface InstrumentTally {
  clusters: number;
  gained: StandingCounts;
  lost: StandingCounts;
  count: (cause: Omit<CauseSummary, "clusters">) => void;
  causes: () => CauseSummary[];
}

function newInstrumentTally(): InstrumentTally {
  const byKey = new Map<string, CauseSummary>();
  return {
    clusters: 0,
    gained: zero(),
    lost: zero(),
    count(cause) {
      const key = JSON.stringify(cause);
      const entry = byKey.get(key);
      if (entry) entry.clusters++;
      else byKey.set(key, { ...cause, clusters: 1 } as CauseSummary);
    },
    // Most clusters first; ties keep the order first seen (rule, then file order).
    causes: () => [...byKey.values()].sort((a, b) => b.clusters - a.clusters),
  };
}

const REGION_NAMES = new Map(REGIONS.map((region) => [region.code, region.label]));

function regionTally(regions: Map<RegionCode, RegionImpact>, code: RegionCode): RegionImpact {
  let entry = regions.get(code);
  if (!entry) {
    entry = {
      region: code,
      regionName: REGION_NAMES.get(code) ?? { pl: code, en: code },
      clusters: 0,
      changed: 0,
      clustersGaining: 0,
      clustersLosing: 0,
      gained: zero(),
      lost: zero(),
    };
    regions.set(code, entry);
  }
  return entry;
}
