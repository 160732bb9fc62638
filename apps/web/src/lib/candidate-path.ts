/**
 * @module
 * Where a candidate rule file belongs in the rules folder. An uploaded file that replaces a rule
 * of the rulebook keeps that rule's real path (found by its id, else by its file name), so the
 * candidate replaces the rule instead of adding a second rule with the same id; a new rule goes
 * to `<id>.rule.json`.
 */
import type { Rulebook } from "./api-types.ts";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function idOf(text: string): string | undefined {
  try {
    const content: unknown = JSON.parse(text);
    const id = (content as { id?: unknown } | null)?.id;
    return typeof id === "string" ? id : undefined;
  } catch {
    return undefined;
  }
}

export function candidatePathFor(
  text: string,
  fileName: string,
  book: Pick<Rulebook, "rules" | "files"> | undefined,
): string {
  const id = idOf(text);
  const byId = id === undefined ? undefined : book?.rules.find((rule) => rule.id === id)?.file;
  if (byId) return byId;
  const byName = book?.files.find((file) => file.split("/").pop() === fileName);
  if (byName) return byName;
  if (id !== undefined && SLUG.test(id)) return `${id}.rule.json`;
  return fileName.toLowerCase().replace(/[^a-z0-9.-]+/g, "-");
}
