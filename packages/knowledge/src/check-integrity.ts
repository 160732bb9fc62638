/**
 * @module
 * Checks between files that no single schema can see: ids match file names and are unique,
 * instruments sit in the folder of their level, references point to existing records, and every
 * public task of the vocabulary has exactly one record.
 */
import {
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

export function checkIntegrity(kb: LocatedKnowledge): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  for (const collection of [kb.instruments, kb.fundingSources, kb.sampleClusters]) {
    issues.push(...checkIds(collection));
  }
  issues.push(...checkLevelFolders(kb.instruments));
  issues.push(...checkReferences(kb.instruments, kb.fundingSources));
  issues.push(...checkPublicTasks(kb.publicTasks));
  return issues;
}

function issue(file: string, code: IssueCode, path: IssuePath, message: string, allowed?: readonly string[]): KnowledgeIssue {
  const base: KnowledgeIssue = { file, code, path: formatPath(path), pointer: toJsonPointer(path), message };
  return allowed ? { ...base, allowed } : base;
}

/** The id is the file's base name, and no two files share one. */
function checkIds(collection: Located<{ id: string }>[]): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const firstFile = new Map<string, string>();
  for (const { file, baseName, record } of collection) {
    if (record.id !== baseName) {
      issues.push(issue(file, "INVALID", ["id"], `id "${record.id}" must equal the file's base name "${baseName}"`));
    }
    const earlier = firstFile.get(record.id);
    if (earlier !== undefined) {
      issues.push(issue(file, "DUPLICATE_ID", ["id"], `duplicate id "${record.id}"; already used by ${earlier}`));
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
    .map(({ file, folders, record }) =>
      issue(file, "INVALID", ["level"], `level "${record.level}" does not match the folder "${folders.join("/") || "(none)"}"; put the file under instruments/${record.level}/`, ["eu", "national", "regional"]),
    );
}

function checkReferences(instruments: Located<Instrument>[], fundingSources: Located<FundingSource>[]): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const sourceIds = fundingSources.map((x) => x.record.id).sort();
  const known = new Set(sourceIds);
  const instrumentIds = new Set(instruments.map((x) => x.record.id));
  for (const { file, record } of instruments) {
    record.fundingSources.forEach((id, index) => {
      if (!known.has(id)) {
        issues.push(issue(file, "DANGLING_REFERENCE", ["fundingSources", index], `unknown funding source "${id}"; known: ${sourceIds.join(", ")}`, sourceIds));
      }
    });
    if (record.predecessorOf !== undefined && !instrumentIds.has(record.predecessorOf)) {
      issues.push(issue(file, "DANGLING_REFERENCE", ["predecessorOf"], `predecessorOf "${record.predecessorOf}" names no instrument of the catalogue`));
    }
    if (record.predecessorOf === record.id) {
      issues.push(issue(file, "INVALID", ["predecessorOf"], "an instrument cannot be its own predecessor"));
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
      issues.push(issue(file, "DUPLICATE_ID", [index ?? 0, "code"], `public task "${record.code}" appears more than once; each code must appear exactly once`));
    }
    seen.add(record.code);
  }
  const file = records[0]?.file ?? "public-tasks.yaml";
  const missing = PublicTasks.codes.filter((code) => !seen.has(code));
  for (const code of missing) {
    issues.push(issue(file, "DANGLING_REFERENCE", [], `public task "${code}" of the vocabulary has no record; every code must appear exactly once`, PublicTasks.codes));
  }
  return issues;
}
