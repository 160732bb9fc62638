/**
 * @module
 * Reads every `*.rule.json` under a folder, validates and compiles them. An invalid file never
 * reaches evaluation: `loadRulebook` throws, `validateRulebook` returns the issues.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { IsoDate, Language } from "@klastry/domain";
import { compileSources, type Rulebook } from "./compile-rulebook.ts";
import type { RuleIssue } from "./errors.ts";
import type { FactCatalogue } from "./fact-types.ts";
import { validateRuleSources, type RuleKnowledge, type RuleSource } from "./validate-rule.ts";

export interface LoadRulebookOptions {
  /** Folder searched recursively for `*.rule.json`. */
  dir: string;
  knowledge: RuleKnowledge;
  /** "Today" for the validity check; default today in Poland. */
  today?: IsoDate;
  /** Language of issue messages; default English. */
  language?: Language;
  catalogue?: FactCatalogue;
  /** Accept rules whose validTo is past: true for `loadRulebook`, false for `validateRulebook`. */
  allowExpired?: boolean;
}

/** Every `*.rule.json` under `dir`, with paths relative to it (`/`-separated), sorted. */
export function readRuleSources(dir: string): RuleSource[] {
  const out: RuleSource[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(full);
      } else if (entry.isFile() && entry.name.endsWith(".rule.json")) {
        out.push({
          file: relative(dir, full).split(sep).join("/"),
          text: readFileSync(full, "utf8"),
        });
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

export function loadRulebook(options: LoadRulebookOptions): Rulebook {
  // A rule past its validTo only stops applying; it must not stop a server (see allowExpired).
  return compileSources(readRuleSources(options.dir), options.knowledge, {
    allowExpired: true,
    ...options,
  });
}

export function validateRulebook(options: LoadRulebookOptions): RuleIssue[] {
  return validateRuleSources(readRuleSources(options.dir), options).issues;
}
