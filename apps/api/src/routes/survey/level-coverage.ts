/**
 * @module
 * Coverage by level ("regions versus the centre"), from the catalogue: a need (actor, function)
 * of a region is covered by a level when an instrument of that level serves it (the function is
 * among the instrument's functions, the actor among its eligible actors), is open to the region and
 * is open, announced, expected or available on the day (COVERING_STATUSES, as in a cluster's own
 * results; a programme with no confirmed call covers nothing). This is the catalogue's offer per
 * need, not each cluster's eligibility, so it costs the same for 10 or 10,000 clusters.
 */
import { availabilityOn, type Instrument, type IsoDate, type Level } from "@klastry/domain";
import { COVERING_STATUSES } from "@klastry/rules-engine";

export interface LevelOffer {
  levels: Record<Level, boolean>;
  /** Instruments serving the need in the region. */
  instruments: Set<string>;
}

export type LevelCoverageIndex = ReadonlyMap<string, LevelOffer>;

export const offerKey = (region: string, actor: string, fn: string) => `${region}|${actor}|${fn}`;

/** The instruments covering something on the day. */
export function coveringInstruments(
  instruments: Iterable<Instrument>,
  date: IsoDate,
): Instrument[] {
  return [...instruments].filter((instrument) =>
    COVERING_STATUSES.has(availabilityOn(instrument, date).status),
  );
}

/** The last few indexes made, by catalogue and day: every request of a day asks the same. */
const recent = new Map<string, LevelCoverageIndex>();
const RECENT_MAX = 8;

/**
 * For every region x actor x function some instrument serves on the day: which levels do.
 * `version` names the catalogue (the rulebook's version) so a made index can be reused.
 */
export function levelCoverage(
  instruments: Iterable<Instrument>,
  date: IsoDate,
  version?: string,
): LevelCoverageIndex {
  const cacheKey = version === undefined ? undefined : `${version}|${date}`;
  const cached = cacheKey === undefined ? undefined : recent.get(cacheKey);
  if (cached !== undefined) return cached;
  const index = buildIndex(instruments, date);
  if (cacheKey !== undefined) {
    const oldest = recent.keys().next();
    if (recent.size >= RECENT_MAX && oldest.done !== true) recent.delete(oldest.value);
    recent.set(cacheKey, index);
  }
  return index;
}

function buildIndex(instruments: Iterable<Instrument>, date: IsoDate): LevelCoverageIndex {
  const index = new Map<string, LevelOffer>();
  for (const instrument of coveringInstruments(instruments, date)) {
    for (const region of instrument.regions)
      for (const actor of instrument.eligibleActors)
        for (const fn of instrument.functions) {
          const key = offerKey(region, actor, fn);
          const offer = index.get(key) ?? {
            levels: { eu: false, national: false, regional: false },
            instruments: new Set<string>(),
          };
          offer.levels[instrument.level] = true;
          offer.instruments.add(instrument.id);
          index.set(key, offer);
        }
  }
  return index;
}
