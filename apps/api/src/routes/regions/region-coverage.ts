/**
 * @module
 * The coverage of a region's needs on a date, added up from each cluster's own coverage (the
 * same verdicts as the cluster's recommendations, `needsCoverage`). Clusters whose verdicts are
 * stored for the rulebook and the date are counted in SQL (`db.verdicts.coverage`); the others
 * (stale after a reload, or another date asked for) are evaluated here and added in. A cell is
 * covered when the need of every cluster reporting it is covered; programmes with no confirmed
 * call are listed apart.
 */
import {
  availabilityOn,
  type AssessmentInput,
  type CallStatus,
  type IsoDate,
  type Language,
} from "@klastry/domain";
import {
  availabilityOf,
  COVERING_STATUSES,
  needsCoverage,
  type Rulebook,
} from "@klastry/rules-engine";
import type { NeedsMatrixCell, ServedNeed, StoredCoverage } from "@klastry/db";

export interface CoverageInstrument {
  id: string;
  name: string;
  callStatus: CallStatus;
  /** Clusters for which it covers (or may fund) the need. */
  clusters: number;
}

export interface CoverageCell extends NeedsMatrixCell {
  covered: boolean;
  coveredClusters: number;
  uncoveredClusters: number;
  instruments: CoverageInstrument[];
  mayFund: CoverageInstrument[];
}

interface Tally {
  covered: number;
  instruments: Map<string, number>;
  mayFund: Map<string, number>;
}

/**
 * Every (instrument, actor, function) where an instrument serves a need and, by its call status
 * on `date`, covers it or may fund it: what the SQL count joins stored verdicts with.
 */
export function servedNeedsOn(rulebook: Rulebook, date: IsoDate): ServedNeed[] {
  const served: ServedNeed[] = [];
  for (const [id, status] of availabilityOf(rulebook, date)) {
    const kind = COVERING_STATUSES.has(status.status)
      ? "covers"
      : status.status === "programme_running"
        ? "may_fund"
        : undefined;
    const instrument = rulebook.instruments.get(id);
    if (kind === undefined || instrument === undefined) continue;
    for (const actor of instrument.eligibleActors) {
      for (const fn of instrument.functions) {
        served.push({ instrumentId: id, actor, function: fn, kind });
      }
    }
  }
  return served;
}

/** Adds up coverage from stored counts and from assessments evaluated on the spot. */
export class CoverageTally {
  readonly #tallies = new Map<string, Tally>();

  #tally(actor: string, fn: string): Tally {
    const key = `${actor}/${fn}`;
    let tally = this.#tallies.get(key);
    if (!tally) {
      tally = { covered: 0, instruments: new Map(), mayFund: new Map() };
      this.#tallies.set(key, tally);
    }
    return tally;
  }

  addStored(stored: StoredCoverage): void {
    for (const row of stored.covered) this.#tally(row.actor, row.function).covered += row.clusters;
    for (const row of stored.instruments) {
      const tally = this.#tally(row.actor, row.function);
      const counts = row.kind === "covers" ? tally.instruments : tally.mayFund;
      counts.set(row.instrumentId, (counts.get(row.instrumentId) ?? 0) + row.clusters);
    }
  }

  addEvaluated(rulebook: Rulebook, assessment: AssessmentInput, date: IsoDate): void {
    for (const { need, coveredBy, mayFund } of needsCoverage(rulebook, assessment, date)) {
      const tally = this.#tally(need.actor, need.function);
      if (coveredBy.length > 0) tally.covered += 1;
      for (const id of coveredBy) tally.instruments.set(id, (tally.instruments.get(id) ?? 0) + 1);
      for (const id of mayFund) tally.mayFund.set(id, (tally.mayFund.get(id) ?? 0) + 1);
    }
  }

  /** One coverage cell per needs-matrix cell (every cluster reporting a need is in `count`). */
  cells(
    rulebook: Rulebook,
    cells: readonly NeedsMatrixCell[],
    date: IsoDate,
    language: Language,
  ): CoverageCell[] {
    const listed = (counts: ReadonlyMap<string, number>): CoverageInstrument[] =>
      [...counts]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([id, clusters]) => {
          const instrument = rulebook.instruments.get(id);
          return {
            id,
            name: instrument?.name[language] ?? id,
            callStatus: instrument ? availabilityOn(instrument, date).status : "unknown",
            clusters,
          };
        });
    return cells.map((cell) => {
      const tally = this.#tallies.get(`${cell.actor}/${cell.function}`);
      const covered = tally?.covered ?? 0;
      // Clamped: an assessment stored between the matrix query and the coverage query may count
      // in one and not the other.
      const uncovered = Math.max(0, cell.count - covered);
      return {
        ...cell,
        covered: uncovered === 0,
        coveredClusters: covered,
        uncoveredClusters: uncovered,
        instruments: tally ? listed(tally.instruments) : [],
        mayFund: tally ? listed(tally.mayFund) : [],
      };
    });
  }
}
