/**
 * @module
 * "Did you mean ...?": the known name closest to a misspelt one (Levenshtein distance).
 */

/** Edit distance between two strings (insertions, deletions, substitutions), case-insensitive. */
export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const deletion = (previous[j] as number) + 1;
      const insertion = (current[j - 1] as number) + 1;
      current[j] = Math.min(deletion, insertion, (previous[j - 1] as number) + cost);
    }
    previous = current;
  }
  return previous[t.length] as number;
}

/**
 * The candidate nearest to `name`: a one-letter slip first; else the shortest candidate that starts
 * with what was typed (a truncated name: `clusterAge` -> `clusterAgeYears`, not `cluster`); else
 * the nearest when it is a plausible typo (distance at most 40% of the longer name, minimum 2);
 * otherwise the shortest candidate containing `name` or contained in it. Ties go to the first.
 */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let containing: string | undefined;
  let prefixed: string | undefined;
  const lowerName = name.toLowerCase();
  for (const candidate of candidates) {
    const distance = levenshtein(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
    const lower = candidate.toLowerCase();
    if (lowerName.length >= 3 && lower.startsWith(lowerName) && lower !== lowerName) {
      if (prefixed === undefined || candidate.length < prefixed.length) prefixed = candidate;
    }
    if (lowerName.length >= 3 && (lower.includes(lowerName) || lowerName.includes(lower))) {
      if (containing === undefined || candidate.length < containing.length) containing = candidate;
    }
  }
  if (best !== undefined && bestDistance <= 1) return best;
  if (prefixed !== undefined) return prefixed;
  const limit =
    best === undefined ? 0 : Math.max(2, Math.floor(Math.max(name.length, best.length) * 0.4));
  if (best !== undefined && bestDistance <= limit) return best;
  return containing;
}
