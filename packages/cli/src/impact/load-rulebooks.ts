/**
 * @module
 * The two rulebooks of `klastry rules impact`: the working tree's rules folder, and the other
 * side, a git revision (read with git-tree.ts into a temp folder, never checked out) or a
 * folder of rule files. Both are validated and compiled by the engine's `loadRulebook`, so the
 * version is the one a server loading those files would report. A broken rule file is an error
 * naming the side and the file.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";
import type { Instrument, Language } from "@klastry/domain";
import { loadKnowledgeBase, type KnowledgeBase } from "@klastry/knowledge";
import { loadRulebook, RuleFileError, type Rulebook } from "@klastry/rules-engine";
import type { CommandIo } from "../io.ts";
import { formatIssue } from "../commands/rules-validate.ts";
import { shown } from "../commands/rules-shared.ts";
import {
  pathInRepository,
  readTree,
  resolveRevision,
  type GitRevision,
  type TreeFile,
} from "./git-tree.ts";
import { ImpactError } from "./impact-error.ts";

export interface RulebookSide {
  readonly rulebook: Rulebook;
  /** How the report names it: "working tree", "main (3f2a9c1)", "old-rules". */
  readonly label: string;
}

/** Rule files as `readRuleSources` finds them: `*.rule.json`, outside hidden and node_modules folders. */
const isRuleFile = (file: string) =>
  file.endsWith(".rule.json") &&
  file.split("/").every((part) => part !== "node_modules" && !part.startsWith("."));

function loadOrExplain(
  dir: string,
  knowledge: Pick<KnowledgeBase, "instruments">,
  where: string,
  label: string,
  language: Language,
): Rulebook {
  try {
    return loadRulebook({ dir, knowledge, language });
  } catch (error) {
    if (!(error instanceof RuleFileError)) throw error;
    const lines = error.issues.map((issue) => formatIssue(where, issue, language));
    throw new ImpactError(
      "RULEBOOK_INVALID",
      `the rulebook of ${label} is invalid (${error.issues.length} issue(s)); nothing was compared:\n${lines.join("\n")}`,
      { cause: error },
    );
  }
}

/** The working tree's rules folder. */
export function loadWorkingTree(
  io: CommandIo,
  rulesDir: string,
  knowledge: KnowledgeBase,
  language: Language,
): RulebookSide {
  const label = "working tree";
  const rulebook = existsSync(rulesDir)
    ? loadOrExplain(rulesDir, knowledge, shown(io, rulesDir), label, language)
    : undefined;
  if (!rulebook || rulebook.rules.length === 0)
    throw new ImpactError(
      "NO_RULE_FILES",
      `${shown(io, rulesDir)}: no *.rule.json files in the working tree; allowed: run it in the repository (beside rules/) or give --dir <rules folder>`,
    );
  return { rulebook, label };
}

/**
 * `--against`: a folder when one exists at that path (its `rules/` subfolder when it has one),
 * otherwise a git revision of the repository holding the rules folder.
 */
export function loadAgainst(
  io: CommandIo,
  against: string,
  rulesDir: string,
  knowledge: KnowledgeBase,
  language: Language,
): RulebookSide {
  const path = isAbsolute(against) ? against : join(io.cwd, against);
  if (existsSync(path) && statSync(path).isDirectory()) {
    const dir = existsSync(join(path, "rules")) ? join(path, "rules") : path;
    const label = shown(io, dir);
    return { rulebook: loadOrExplain(dir, knowledge, label, label, language), label };
  }
  const revision = resolveRevision(existsSync(rulesDir) ? rulesDir : io.cwd, against);
  const folder = pathInRepository(revision, rulesDir);
  const files = readTree(revision, folder, isRuleFile);
  const label = `${against} (${revision.commit.slice(0, 7)})`;
  if (files.length === 0)
    throw new ImpactError(
      "NO_RULE_FILES",
      `${against}: no *.rule.json under ${folder || "the top folder"}/ at that revision; allowed: a revision that has the rules folder, or a folder of rule files`,
    );
  const where = `${against}:${folder === "" ? "." : folder}`;
  return withTempFolder(files, (dir) => {
    try {
      return { rulebook: loadOrExplain(dir, knowledge, where, label, language), label };
    } catch (error) {
      // A rule of an instrument the knowledge base no longer has (removed with its rule on this
      // branch): check that side against the instruments it knew as well.
      const then = unknownInstrument(error) ? instrumentsAt(revision) : undefined;
      if (!then) throw error;
      const ids = new Set(knowledge.instruments.map((i) => i.id));
      const merged = [...knowledge.instruments, ...then.filter((i) => !ids.has(i.id))];
      return {
        rulebook: loadOrExplain(dir, { instruments: merged }, where, label, language),
        label,
      };
    }
  });
}

function unknownInstrument(error: unknown): boolean {
  const cause = error instanceof ImpactError ? error.cause : undefined;
  return (
    cause instanceof RuleFileError && cause.issues.some((i) => i.code === "UNKNOWN_INSTRUMENT")
  );
}

/** Where the knowledge data sits in a Klastry repository (the monorepo's layout). */
const KNOWLEDGE_FOLDER = "packages/knowledge/data";

/** The instruments of the knowledge base as the revision had them, when it has one we can read. */
function instrumentsAt(revision: GitRevision): Instrument[] | undefined {
  try {
    const files = readTree(revision, KNOWLEDGE_FOLDER, (file) => !file.startsWith("."));
    if (files.length === 0) return undefined;
    return withTempFolder(files, (dir) => loadKnowledgeBase({ dir }).instruments);
  } catch {
    // No readable knowledge base at that revision: the original error stands.
    return undefined;
  }
}

function withTempFolder<T>(files: readonly TreeFile[], use: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "klastry-impact-"));
  try {
    for (const { file, text } of files) {
      const target = join(dir, file);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
