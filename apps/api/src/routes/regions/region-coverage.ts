/**
 * @module
 * The coverage of a region's needs on a date, added up from each cluster's own coverage
 * (`needsCoverage`: the same verdicts as the cluster's recommendations). A cell is covered when the
 * need of every cluster reporting it is covered; programmes with no confirmed call are listed apart.
 */
import {
  availabilityOn,
  type AssessmentInput,
  type CallStatus,
  type IsoDate,
  type Language,
} from "@klastry/domain";
import { needsCoverage, type Rulebook } from "@klastry/rules-engine";
import type { NeedsMatrixCell } from "@klastry/db";

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
  uncovered: number;
  instruments: Map<string, number>;
  mayFund: Map<string, number>;
}

/** One coverage cell per needs-matrix cell, from the region's latest assessments. */
export function regionCoverage(
  rulebook: Rulebook,
  assessments: readonly AssessmentInput[],
  cells: readonly NeedsMatrixCell[],
  date: IsoDate,
  language: Language,
): CoverageCell[] {
  const tallies = new Map<string, Tally>();
  for (const assessment of assessments) {
    for (const { need, coveredBy, mayFund } of needsCoverage(rulebook, assessment, date)) {
      const key = `${need.actor}/${need.function}`;
      const tally = tallies.get(key) ?? {
        covered: 0,
        uncovered: 0,
        instruments: new Map<string, number>(),
        mayFund: new Map<string, number>(),
      };
      if (coveredBy.length > 0) tally.covered += 1;
      else tally.uncovered += 1;
      for (const id of coveredBy) tally.instruments.set(id, (tally.instruments.get(id) ?? 0) + 1);
      for (const id of mayFund) tally.mayFund.set(id, (tally.mayFund.get(id) ?? 0) + 1);
      tallies.set(key, tally);
    }
  }
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
    const tally = tallies.get(`${cell.actor}/${cell.function}`);
    const uncovered = tally?.uncovered ?? cell.count;
    return {
      ...cell,
      covered: uncovered === 0,
      coveredClusters: tally?.covered ?? 0,
      uncoveredClusters: uncovered,
      instruments: tally ? listed(tally.instruments) : [],
      mayFund: tally ? listed(tally.mayFund) : [],
    };
  });
}
