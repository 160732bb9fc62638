/**
 * @module
 * The rulebook version: a short content hash, so a stored recommendation names exactly the rule
 * files that produced it. Same files, same version, whatever the machine or the load order.
 */
import { createHash } from "node:crypto";

/** sha256 over every file's path and text, sorted by path; the first 12 hex digits. */
export function rulebookVersion(files: readonly { file: string; text: string }[]): string {
  const hash = createHash("sha256");
  for (const { file, text } of [...files].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
  )) {
    hash.update(file).update("\u0000").update(text).update("\u0000");
  }
  return hash.digest("hex").slice(0, 12);
}
