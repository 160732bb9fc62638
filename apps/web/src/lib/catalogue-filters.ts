/**
 * @module
 * The catalogue's filters as they live in the URL (`/instruments?level=eu&page=2`), read the same
 * way by the page and by the route's preload.
 */
import type { InstrumentFilters } from "./api-types.ts";

export const CATALOGUE_PAGE_SIZE = 20;

export const FILTER_NAMES = [
  "level",
  "region",
  "function",
  "actorType",
  "form",
  "status",
  "q",
] as const;

export type CatalogueSearch = Partial<
  Record<(typeof FILTER_NAMES)[number] | "page", string | string[]>
>;

/**
 * The filters of a catalogue URL. Codes are passed on as typed in the URL: the API checks them
 * against the vocabularies and answers 400 with the allowed values (checking here would pull the
 * schemas into the first page's bundle, which preloads this route).
 */
export function filtersFrom(search: CatalogueSearch): InstrumentFilters {
  const single = (value: string | string[] | undefined) =>
    Array.isArray(value) ? value[0] : value;
  const filters: Record<string, string | number> = {
    pageSize: CATALOGUE_PAGE_SIZE,
    page: Number(single(search.page)) || 1,
  };
  for (const name of FILTER_NAMES) {
    const value = single(search[name]);
    if (value) filters[name] = value;
  }
  return filters;
}
