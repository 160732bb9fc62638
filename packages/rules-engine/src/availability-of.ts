/**
 * @module
 * The availability of a rulebook's instruments on a date, derived once per (rulebook, date) and
 * kept for the few dates a process asks about (usually today): every request of the day shares it.
 */
import { availabilityOn, type AvailabilityOn, type IsoDate } from "@klastry/domain";
import type { Rulebook } from "./compile-rulebook.ts";

const KEEP_DATES = 8;
const CACHE = new WeakMap<Rulebook, Map<IsoDate, ReadonlyMap<string, AvailabilityOn>>>();

/**
 * Every instrument's status on `date`, by id. The instruments of a rulebook never change, so the
 * result is shared; callers must not modify it.
 *
 * @example
 * availabilityOf(rulebook, "2026-12-02").get("kkk-status")?.status; // "expected"
 */
export function availabilityOf(
  rulebook: Pick<Rulebook, "instruments">,
  date: IsoDate,
): ReadonlyMap<string, AvailabilityOn> {
  const key = rulebook as Rulebook;
  let byDate = CACHE.get(key);
  if (!byDate) CACHE.set(key, (byDate = new Map<IsoDate, ReadonlyMap<string, AvailabilityOn>>()));
  const cached = byDate.get(date);
  if (cached) return cached;
  const statuses = new Map<string, AvailabilityOn>();
  for (const [id, instrument] of rulebook.instruments) {
    statuses.set(id, availabilityOn(instrument, date));
  }
  if (byDate.size >= KEEP_DATES) byDate.delete(byDate.keys().next().value as IsoDate);
  byDate.set(date, statuses);
  return statuses;
}

/** An instrument that has ended, or whose only known call is over, is not a recommendation. */
export function isRecommendable(status: AvailabilityOn["status"]): boolean {
  return status !== "ended" && status !== "closed";
}

/** A call closing within this many days before the date counts as closed recently. */
export const RECENTLY_CLOSED_DAYS = 365;
