/**
 * @module
 * Checks between files that no single schema can see: ids match file names and are unique,
 * instruments sit in the folder of their level, references point to existing records, and every
 * public task of the vocabulary has exactly one record.
 */
import {
  Levels,
  PublicTasks,
  formatPath,
  toJsonPointer,
  type FundingSource,
  type Instrument,
  type IssueCode,
  type IssuePath,
  type PublicTaskRecord,
  type SampleCluster,
} from "@klastry/domain";
import type { KnowledgeIssue } from "./errors.ts";

/** A validated record and where it came from. */
export interface Located<T> {
  file: string;
  baseName: string;
  folders: string[];
  /** Position in a list file (public-tasks.yaml). */
  index?: number;
  record: T;
}

export interface LocatedKnowledge {
  instruments: Located<Instrument>[];
  fundingSources: Located<FundingSource>[];
  publicTasks: Located<PublicTaskRecord>[];
  sampleClusters: Located<SampleCluster>[];
}

export interface IntegrityOptions {
  /** False when public-tasks.yaml itself is unusable: its own issue says so, once. */
  checkPublicTaskCoverage: boolean;
}

export function checkIntegrity(
  kb: LocatedKnowledge,
  options: IntegrityOptions = { checkPublicTaskCoverage: true },
): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  for (const collection of [kb.instruments, kb.fundingSources, kb.sampleClusters]) {
    issues.push(...checkIds(collection));
  }
  issues.push(...checkLevelFolders(kb.instruments));
  issues.push(...checkReferences(kb.instruments, kb.fundingSources));
  if (options.checkPublicTaskCoverage) issues.push(...checkPublicTasks(kb.publicTasks));
  return issues;
}

function issue(
  file: string,
  code: IssueCode,
  path: IssuePath,
  message: string,
  allowed?: readonly string[],
): KnowledgeIssue {
  const pointer = toJsonPointer(path);
  const base: KnowledgeIssue = { file, code, path: formatPath(path), pointer, message };
  return allowed ? { ...base, allowed } : base;
}

/** The id is the file's base name, and no two files share one. */
function checkIds(collection: Located<{ id: string }>[]): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const firstFile = new Map<string, string>();
  for (const { file, baseName, record } of collection) {
    if (record.id !== baseName) {
      const message = `id "${record.id}" must equal the file's base name "${baseName}"`;
      issues.push(issue(file, "INVALID", ["id"], message));
    }
    const earlier = firstFile.get(record.id);
    if (earlier !== undefined) {
      const message = `duplicate id "${record.id}"; already used by ${earlier}`;
      issues.push(issue(file, "DUPLICATE_ID", ["id"], message));
    } else {
      firstFile.set(record.id, file);
    }
  }
  return issues;
}

/** instruments/<level>/<id>.yaml: the folder says the level, so reviewers find records by level. */
function checkLevelFolders(instruments: Located<Instrument>[]): KnowledgeIssue[] {
  return instruments
    .filter(({ folders, record }) => folders.length !== 1 || folders[0] !== record.level)
    .map(({ file, folders, record }) => {
      const folder = folders.join("/") || "(none)";
      const message = `level "${record.level}" does not match the folder "${folder}"; put the file under instruments/${record.level}/`;
      return issue(file, "INVALID", ["level"], message, Levels.codes);
    });
}

function checkReferences(
  instruments: Located<Instrument>[],
  fundingSources: Located<FundingSource>[],
): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const sourceIds = fundingSources.map((x) => x.record.id).sort();
  const known = new Set(sourceIds);
  const instrumentIds = new Set(instruments.map((x) => x.record.id));
  for (const { file, record } of instruments) {
    record.fundingSources.forEach((id, index) => {
      if (known.has(id)) return;
      const message = `unknown funding source "${id}"; known: ${sourceIds.join(", ")}`;
      issues.push(issue(file, "DANGLING_REFERENCE", ["fundingSources", index], message, sourceIds));
    });
    const predecessorOf = record.predecessorOf;
    if (predecessorOf !== undefined && !instrumentIds.has(predecessorOf)) {
      const message = `predecessorOf "${predecessorOf}" names no instrument of the catalogue`;
      issues.push(issue(file, "DANGLING_REFERENCE", ["predecessorOf"], message));
    }
    if (predecessorOf === record.id) {
      const message = "an instrument cannot be its own predecessor";
      issues.push(issue(file, "INVALID", ["predecessorOf"], message));
    }
  }
  return issues;
}

/** Every public task of the vocabulary exactly once; a missing code dangles from the vocabulary. */
function checkPublicTasks(records: Located<PublicTaskRecord>[]): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const seen = new Set<string>();
  for (const { file, index, record } of records) {
    if (seen.has(record.code)) {
      const message = `public task "${record.code}" appears more than once; each code must appear exactly once`;
      issues.push(issue(file, "DUPLICATE_ID", [index ?? 0, "code"], message));
    }
    seen.add(record.code);
  }
  const file = records[0]?.file ?? "public-tasks.yaml";
  for (const code of PublicTasks.codes.filter((c) => !seen.has(c))) {
    const message = `public task "${code}" of the vocabulary has no record; every code must appear exactly once`;
    issues.push(issue(file, "DANGLING_REFERENCE", [], message, PublicTasks.codes));
  }
  return issues;
}
