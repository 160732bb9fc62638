/**
 * @module
 * Loads the knowledge tree (instruments, funding sources, public tasks, sample clusters) from
 * YAML, validates every file with the domain schemas, then checks the references between files.
 * All problems are collected and thrown together as one KnowledgeBaseError.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import {
  FundingSourceSchema,
  InstrumentSchema,
  issuesFromZod,
  PublicTaskRecordSchema,
  SampleClusterSchema,
  type FundingSource,
  type Instrument,
  type PublicTaskRecord,
  type SampleCluster,
} from "@klastry/domain";
import { checkIntegrity, type Located } from "./check-integrity.ts";
import { KnowledgeBaseError, type KnowledgeIssue } from "./errors.ts";
import { defaultKnowledgeDir, KNOWLEDGE_LAYOUT } from "./knowledge-dir.ts";
import { listYamlFiles, readYamlFile, toRelative } from "./read-yaml-files.ts";

/** The catalogue as loaded: every list sorted by id (public tasks by code). */
export interface KnowledgeBase {
  instruments: Instrument[];
  fundingSources: FundingSource[];
  publicTasks: PublicTaskRecord[];
  sampleClusters: SampleCluster[];
}

export interface LoadKnowledgeOptions {
  /** Root of the knowledge tree; defaults to the data shipped with this package. */
  dir?: string;
}

export function loadKnowledgeBase(options: LoadKnowledgeOptions = {}): KnowledgeBase {
  const dir = options.dir ?? defaultKnowledgeDir();
  const issues: KnowledgeIssue[] = [];
  if (!existsSync(dir)) {
    const message = `knowledge directory ${dir} does not exist`;
    issues.push({ file: ".", code: "INVALID", path: "", pointer: "", message });
    throw new KnowledgeBaseError(issues, dir);
  }
  const instruments = loadCollection(dir, KNOWLEDGE_LAYOUT.instruments, InstrumentSchema, issues);
  const fundingSources = loadCollection(
    dir,
    KNOWLEDGE_LAYOUT.fundingSources,
    FundingSourceSchema,
    issues,
  );
  const sampleClusters = loadCollection(
    dir,
    KNOWLEDGE_LAYOUT.sampleClusters,
    SampleClusterSchema,
    issues,
  );
  const publicTasks = loadPublicTasks(dir, issues);
  const located = { instruments, fundingSources, publicTasks: publicTasks ?? [], sampleClusters };
  issues.push(...checkIntegrity(located, { checkPublicTaskCoverage: publicTasks !== undefined }));
  if (issues.length > 0) throw new KnowledgeBaseError(issues, dir);
  return {
    instruments: sortBy(
      instruments.map((x) => x.record),
      (x) => x.id,
    ),
    fundingSources: sortBy(
      fundingSources.map((x) => x.record),
      (x) => x.id,
    ),
    publicTasks: sortBy(
      (publicTasks ?? []).map((x) => x.record),
      (x) => x.code,
    ),
    sampleClusters: sortBy(
      sampleClusters.map((x) => x.record),
      (x) => x.id,
    ),
  };
}

/** One record per file, validated with `schema`; invalid files become issues. */
function loadCollection<S extends z.ZodType>(
  dir: string,
  folder: string,
  schema: S,
  issues: KnowledgeIssue[],
): Located<z.infer<S>>[] {
  const out: Located<z.infer<S>>[] = [];
  for (const fullPath of listYamlFiles(dir, folder)) {
    const file = readYamlFile(dir, fullPath, folder, issues);
    if (!file) continue;
    // reportInput: so an INVALID_VALUE issue can say which value was refused.
    const result = schema.safeParse(file.data, { reportInput: true });
    if (!result.success) {
      const found = issuesFromZod(result.error).map((issue) => ({ file: file.file, ...issue }));
      issues.push(...found);
      continue;
    }
    out.push({
      file: file.file,
      baseName: file.baseName,
      folders: file.folders,
      record: result.data,
    });
  }
  return out;
}

/**
 * `public-tasks.yaml` is one list: a record per public-task code. Returns undefined when the file
 * as a whole is unusable (missing, not YAML, not a list), so coverage is not reported code by code.
 */
function loadPublicTasks(
  dir: string,
  issues: KnowledgeIssue[],
): Located<PublicTaskRecord>[] | undefined {
  const fullPath = join(dir, KNOWLEDGE_LAYOUT.publicTasks);
  const file = toRelative(dir, fullPath);
  if (!existsSync(fullPath)) {
    const message = "file is missing; it must list one record per public task";
    issues.push({ file, code: "INVALID", path: "", pointer: "", message });
    return undefined;
  }
  const parsed = readYamlFile(dir, fullPath, "", issues);
  if (!parsed) return undefined;
  if (!Array.isArray(parsed.data)) {
    const message = "expected a list of public-task records";
    issues.push({ file, code: "INVALID_TYPE", path: "", pointer: "", expected: "array", message });
    return undefined;
  }
  const out: Located<PublicTaskRecord>[] = [];
  parsed.data.forEach((entry: unknown, index: number) => {
    const result = PublicTaskRecordSchema.safeParse(entry, { reportInput: true });
    if (result.success) out.push({ file, baseName: "", folders: [], index, record: result.data });
    else issues.push(...issuesFromZod(result.error, "en", [index]).map((i) => ({ file, ...i })));
  });
  return out;
}

function sortBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
