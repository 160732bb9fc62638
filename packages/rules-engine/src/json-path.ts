/**
 * @module
 * The JSONPath subset rule files may use, parsed once at load and resolved without a JSONPath
 * library. Resolution mirrors jsonpath-plus 10 as json-rules-engine 7 calls it
 * (`JSONPath({ path, json, wrap: false })`) for this subset, so both engines read the same value.
 *
 * Supported: `$` (the whole fact), `.name`, `['name']`, `["name"]` and `[n]` (n >= 0), chained,
 * where `name` is `[A-Za-z_][A-Za-z0-9_]*`. Rejected: wildcards, `..`, filters, slices, unions,
 * negative indexes, quoted names with other characters.
 */

const SEGMENT =
  /^(?:\.([A-Za-z_][A-Za-z0-9_]*)|\['([A-Za-z_][A-Za-z0-9_]*)'\]|\["([A-Za-z_][A-Za-z0-9_]*)"\]|\[(0|[1-9][0-9]{0,8})\])/;

/** A parsed path: property names and array indexes (indexes kept as strings, as jsonpath-plus does). */
export interface ParsedPath {
  readonly keys: readonly string[];
  /** Index of each key that was written as `[n]`. */
  readonly indexes: readonly boolean[];
  /** Canonical spelling: `$.kkk.holds`, `$.sectors[0]`. */
  readonly canonical: string;
}

/** Parses a path of the supported subset; undefined when it is outside the subset. */
export function parsePath(path: string): ParsedPath | undefined {
  if (!path.startsWith("$")) return undefined;
  const keys: string[] = [];
  const indexes: boolean[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const match = SEGMENT.exec(rest);
    if (!match) return undefined;
    const index = match[4];
    const name = match[1] ?? match[2] ?? match[3];
    keys.push(index ?? (name as string));
    indexes.push(index !== undefined);
    rest = rest.slice(match[0].length);
  }
  const canonical = keys.reduce(
    (out, key, i) => (indexes[i] ? `${out}[${key}]` : `${out}.${key}`),
    "$",
  );
  return { keys, indexes, canonical };
}

/**
 * Reads `keys` from a fact value exactly as json-rules-engine does: a path applies only to a
 * non-null object (an array included); any other value is returned as it is. Each step follows an
 * own property of a truthy value (jsonpath-plus: `val && Object.hasOwn(val, loc)`), so `"abc"`
 * has a `length` but `""` has none, and a missing step gives undefined.
 */
export function resolvePath(value: unknown, keys: readonly string[]): unknown {
  if (value === null || typeof value !== "object") return value;
  let current: unknown = value;
  for (const key of keys) {
    if (current && Object.hasOwn(current, key)) {
      current = (current as Record<string, unknown>)[key];
    } else {
      return undefined;
    }
  }
  return current;
}
