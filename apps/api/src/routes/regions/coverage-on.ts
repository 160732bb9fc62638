/**
 * @module
 * A region's coverage on a date from stored verdicts where they are at this rulebook and date,
 * evaluating the rest (a few after a reload until the background recompute catches up; all of
 * them for a date other than the stored day), a chunk of assessments at a time.
 */
import type { Database, NeedsMatrixCell } from "@klastry/db";
import type { IsoDate, Language } from "@klastry/domain";
import type { Rulebook } from "@klastry/rules-engine";
import { answersOf } from "../../evaluation.ts";
import { targetOf } from "../../verdicts/verdicts-of.ts";
import { CoverageTally, servedNeedsOn, type CoverageCell } from "./region-coverage.ts";

/** Assessments loaded at once when evaluating stale ones. */
const CHUNK = 500;

export interface CoverageOn {
  all: CoverageCell[];
  /** How many clusters were counted from stored verdicts and how many evaluated for this request. */
  verdicts: { stored: number; evaluated: number };
}

export async function coverageOn(
  db: Database,
  rulebook: Rulebook,
  region: string,
  matrix: { clusters: number; cells: readonly NeedsMatrixCell[] },
  date: IsoDate,
  language: Language,
): Promise<CoverageOn> {
  const target = targetOf(rulebook, date);
  const tally = new CoverageTally();
  const stored = await db.verdicts.coverage(region, target, servedNeedsOn(rulebook, date));
  tally.addStored(stored);
  const stale = stored.staleIds;
  for (let start = 0; start < stale.length; start += CHUNK) {
    const records = await db.assessments.recordsByIds(stale.slice(start, start + CHUNK));
    for (const record of records) tally.addEvaluated(rulebook, answersOf(record.assessment), date);
  }
  return {
    all: tally.cells(rulebook, matrix.cells, date, language),
    verdicts: { stored: Math.max(0, matrix.clusters - stale.length), evaluated: stale.length },
  };
}
