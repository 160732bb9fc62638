/**
 * @module
 * The national picture from the raw counts of one set of answers (SQL GROUP BY, see the db's
 * survey-aggregates.ts): the 16 regions side by side, each count protected (protectCells: "<3",
 * and "x" where a total would give a small cell back), coverage by level from the catalogue,
 * gaps, public-task readiness, and the change from an earlier round.
 */
import {
  MIN_CELL_SIZE,
  REGION_CODES,
  protectCells,
  type CellGroup,
  type CountCell,
  type Instrument,
  type IsoDate,
  type LevelSplit,
  type NationalPicture,
  type NeedChange,
  type RegionResponseRate,
  type RoundRef,
} from "@klastry/domain";
import type { SurveyCounts } from "@klastry/db";
import { levelCoverage, offerKey, type LevelCoverageIndex } from "./level-coverage.ts";

const pairKey = (actor: string, fn: string) => `${actor}|${fn}`;

/** Every published count of one answer set, protected together so all exports agree. */
export interface ProtectedCounts {
  pairs: { actor: string; function: string }[];
  tasks: { task: string; readiness: string }[];
  cell: (key: string) => CountCell;
  /** Raw counts, only for deciding what is a gap where the count is published. */
  raw: (key: string) => number;
}

export function protectCounts(counts: SurveyCounts): ProtectedCounts {
  const raw = new Map<string, number>();
  const add = (key: string, n: number) => raw.set(key, (raw.get(key) ?? 0) + n);
  const pairs = new Map<string, { actor: string; function: string }>();
  const tasks = new Map<string, { task: string; readiness: string }>();
  for (const region of REGION_CODES) raw.set(`c|${region}`, 0);
  raw.set("c|all", 0);
  for (const row of counts.clusters) {
    add(`c|${row.region}`, row.count);
    add("c|all", row.count);
  }
  for (const row of counts.needs) pairs.set(pairKey(row.actor, row.function), row);
  for (const row of counts.readiness) tasks.set(`${row.task}|${row.readiness}`, row);
  for (const key of pairs.keys()) {
    raw.set(`t|${key}`, 0);
    for (const region of REGION_CODES) raw.set(`n|${region}|${key}`, 0);
  }
  for (const key of tasks.keys()) {
    raw.set(`rt|${key}`, 0);
    for (const region of REGION_CODES) raw.set(`r|${region}|${key}`, 0);
  }
  for (const row of counts.needs) {
    add(`n|${row.region}|${pairKey(row.actor, row.function)}`, row.count);
    add(`t|${pairKey(row.actor, row.function)}`, row.count);
  }
  for (const row of counts.readiness) {
    add(`r|${row.region}|${row.task}|${row.readiness}`, row.count);
    add(`rt|${row.task}|${row.readiness}`, row.count);
  }
  for (const row of counts.actors) raw.set(`a|${row.actor}`, row.count);
  for (const row of counts.functions) raw.set(`f|${row.function}`, row.count);
  const groups: CellGroup[] = [
    { members: REGION_CODES.map((r) => `c|${r}`), total: "c|all" },
    ...[...pairs.keys()].map((key) => ({
      members: REGION_CODES.map((r) => `n|${r}|${key}`),
      total: `t|${key}`,
    })),
    ...[...tasks.keys()].map((key) => ({
      members: REGION_CODES.map((r) => `r|${r}|${key}`),
      total: `rt|${key}`,
    })),
  ];
  const shown = protectCells(raw, groups);
  return {
    pairs: [...pairs.values()].sort((a, b) =>
      compare(pairKey(a.actor, a.function), pairKey(b.actor, b.function)),
    ),
    tasks: [...tasks.values()].sort((a, b) =>
      compare(`${a.task}|${a.readiness}`, `${b.task}|${b.readiness}`),
    ),
    // A key nobody counted (a need no answer of this set reports) stands for no cluster.
    cell: (key) => shown.get(key) ?? 0,
    raw: (key) => raw.get(key) ?? 0,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const published = (cell: CountCell): cell is number => typeof cell === "number";
/** A need some clusters of the region report, in a cell that is published (0 is no need there). */
const reported = (cell: CountCell): cell is number => published(cell) && cell > 0;

/** Per region, over the needs reported by at least 3 clusters (published cells): who covers them. */
function levelSplits(p: ProtectedCounts, offers: LevelCoverageIndex): LevelSplit[] {
  return REGION_CODES.map((region) => {
    const split: LevelSplit = {
      region,
      needs: 0,
      coveredBy: { eu: 0, national: 0, regional: 0 },
      onlyRegional: 0,
      onlyCentral: 0,
      gaps: 0,
    };
    for (const pair of p.pairs) {
      if (!reported(p.cell(`n|${region}|${pairKey(pair.actor, pair.function)}`))) continue;
      const levels = offers.get(offerKey(region, pair.actor, pair.function))?.levels;
      split.needs += 1;
      if (levels?.eu) split.coveredBy.eu += 1;
      if (levels?.national) split.coveredBy.national += 1;
      if (levels?.regional) split.coveredBy.regional += 1;
      const central = Boolean(levels?.eu || levels?.national);
      if (levels?.regional && !central) split.onlyRegional += 1;
      if (central && !levels?.regional) split.onlyCentral += 1;
      if (!levels?.regional && !central) split.gaps += 1;
    }
    return split;
  });
}

/** National gaps: needs some region reports (published) that no level covers there. */
export function gapPairs(p: ProtectedCounts, offers: LevelCoverageIndex): Set<string> {
  const gaps = new Set<string>();
  for (const pair of p.pairs)
    for (const region of REGION_CODES) {
      const key = pairKey(pair.actor, pair.function);
      if (!reported(p.cell(`n|${region}|${key}`))) continue;
      const levels = offers.get(offerKey(region, pair.actor, pair.function))?.levels;
      if (!levels?.eu && !levels?.national && !levels?.regional) gaps.add(key);
    }
  return gaps;
}

export interface PictureInput {
  round: RoundRef | null;
  statusOn: IsoDate;
  counts: SurveyCounts;
  instruments: Iterable<Instrument>;
  /** The catalogue's version (the rulebook's), to reuse coverage indexes made for the same day. */
  catalogueVersion?: string;
  responseRates?: readonly RegionResponseRate[];
  before?: { round: RoundRef; counts: SurveyCounts; statusOn: IsoDate };
}

export function buildNationalPicture(
  input: PictureInput,
): NationalPicture & { protectedCounts: ProtectedCounts; offers: LevelCoverageIndex } {
  const instruments = [...input.instruments];
  const p = protectCounts(input.counts);
  const offers = levelCoverage(instruments, input.statusOn, input.catalogueVersion);
  const rates = new Map((input.responseRates ?? []).map((r) => [r.region, r.rate]));
  const needs = p.pairs.flatMap((pair) =>
    REGION_CODES.map((region) => ({
      actor: pair.actor,
      function: pair.function,
      region,
      count: p.cell(`n|${region}|${pairKey(pair.actor, pair.function)}`),
    })),
  ) as NationalPicture["needs"];
  const coverage = needs.map((cell) => {
    const levels = offers.get(offerKey(cell.region, cell.actor, cell.function))?.levels ?? {
      eu: false,
      national: false,
      regional: false,
    };
    return {
      ...cell,
      levels: { ...levels },
      gap: !levels.eu && !levels.national && !levels.regional,
    };
  });
  return {
    round: input.round,
    statusOn: input.statusOn,
    minCellSize: MIN_CELL_SIZE,
    clusters: p.cell("c|all"),
    regions: REGION_CODES.map((region) => ({
      region,
      clusters: p.cell(`c|${region}`),
      responseRate: rates.get(region) ?? null,
    })),
    needs,
    needTotals: p.pairs.map((pair) => ({
      actor: pair.actor,
      function: pair.function,
      count: p.cell(`t|${pairKey(pair.actor, pair.function)}`),
    })) as NationalPicture["needTotals"],
    coverage,
    levels: levelSplits(p, offers),
    publicTasks: p.tasks.flatMap((t) =>
      REGION_CODES.map((region) => ({
        region,
        task: t.task,
        readiness: t.readiness,
        count: p.cell(`r|${region}|${t.task}|${t.readiness}`),
      })),
    ) as NationalPicture["publicTasks"],
    change:
      input.before === undefined || input.round === null
        ? null
        : roundChange(input.before, input.round, p, offers, instruments, input.catalogueVersion),
    protectedCounts: p,
    offers,
  };
}

function roundChange(
  before: NonNullable<PictureInput["before"]>,
  to: RoundRef,
  after: ProtectedCounts,
  afterOffers: LevelCoverageIndex,
  instruments: Instrument[],
  version: string | undefined,
): NationalPicture["change"] {
  const b = protectCounts(before.counts);
  const beforeOffers = levelCoverage(instruments, before.statusOn, version);
  const gapsBefore = gapPairs(b, beforeOffers);
  const gapsAfter = gapPairs(after, afterOffers);
  const keys = new Map<string, { actor: string; function: string }>();
  for (const pair of [...b.pairs, ...after.pairs])
    keys.set(pairKey(pair.actor, pair.function), pair);
  const needs = [...keys.entries()]
    .sort(([x], [y]) => compare(x, y))
    .map(([key, pair]): NeedChange => {
      const was = b.cell(`t|${key}`);
      const now = after.cell(`t|${key}`);
      return {
        actor: pair.actor as NeedChange["actor"],
        function: pair.function as NeedChange["function"],
        before: was,
        after: now,
        delta: published(was) && published(now) ? now - was : null,
        gapBefore: gapsBefore.has(key),
        gapAfter: gapsAfter.has(key),
      };
    });
  return {
    from: before.round,
    to,
    needs,
    gapsBefore: gapsBefore.size,
    gapsAfter: gapsAfter.size,
    closedGaps: [...gapsBefore].filter((key) => !gapsAfter.has(key)).length,
    newGaps: [...gapsAfter].filter((key) => !gapsBefore.has(key)).length,
  };
}
