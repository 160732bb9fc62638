/**
 * @module
 * What every `klastry rules` command shares: where the rules folder is, the knowledge base, the
 * language option.
 */
import { existsSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import type { Language } from "@klastry/domain";
import type { CommandIo } from "../io.ts";

/** `--dir` resolved against the working directory; default `rules/` (or the cwd when it is `rules/`). */
export function rulesDir(io: CommandIo, dir: string | undefined): string {
  if (dir !== undefined) return isAbsolute(dir) ? dir : join(io.cwd, dir);
  const nested = join(io.cwd, "rules");
  return existsSync(nested) ? nested : io.cwd;
}

/** A path as the user will recognise it: relative to the working directory when inside it. */
export function shown(io: CommandIo, path: string): string {
  const rel = relative(io.cwd, path);
  return rel === "" ? "." : rel.startsWith("..") ? path : rel;
}

/** `--lang pl|en`; undefined when the value is not a language. */
export function languageOf(value: string | undefined, fallback: Language): Language | undefined {
  if (value === undefined) return fallback;
  return value === "pl" || value === "en" ? value : undefined;
}
