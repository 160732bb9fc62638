/**
 * @module
 * Re-validates a knowledge base before seeding: every record against its domain schema, ids
 * unique, references resolved. Collects every issue, each naming the collection, the record's
 * index (the path and pointer) and its id (the message).
 */
import {
  AssessmentInputSchema,
  FundingSourceSchema,
  InstrumentSchema,
  PublicTaskRecordSchema,
  SampleClusterSchema,
  formatPath,
  issuesFromZod,
  toJsonPointer,
  type Issue,
  type IssuePath,
} from "@klastry/domain";
import type { KnowledgeBase } from "@klastry/knowledge";
import type { z } from "zod";

const COLLECTIONS = {
  instruments: { schema: InstrumentSchema, key: "id", noun: "instrument" },
  fundingSources: { schema: FundingSourceSchema, key: "id", noun: "funding source" },
  publicTasks: { schema: PublicTaskRecordSchema, key: "code", noun: "public task" },
  sampleClusters: { schema: SampleClusterSchema, key: "id", noun: "sample cluster" },
} as const;

type CollectionName = keyof typeof COLLECTIONS;

function issue(
  code: Issue["code"],
  path: IssuePath,
  message: string,
  extra: Partial<Issue> = {},
): Issue {
  return { code, path: formatPath(path), pointer: toJsonPointer(path), message, ...extra };
}

function recordLabel(name: CollectionName, record: unknown, index: number): string {
  const key = COLLECTIONS[name].key;
  const id =
    record !== null && typeof record === "object"
      ? (record as Record<string, unknown>)[key]
      : undefined;
  return typeof id === "string"
    ? `${COLLECTIONS[name].noun} "${id}"`
    : `${COLLECTIONS[name].noun} #${index}`;
}

/** Parses one collection; issues are prefixed with the record's place and named by its id. */
function parseCollection<S extends z.ZodType>(
  name: CollectionName,
  schema: S,
  value: unknown,
  issues: Issue[],
): z.infer<S>[] {
  if (!Array.isArray(value)) {
    issues.push(
      issue(
        "INVALID_TYPE",
        [name],
        `expected an array of records, received ${value === null ? "null" : typeof value}`,
      ),
    );
    return [];
  }
  const parsed: z.infer<S>[] = [];
  const seen = new Set<string>();
  value.forEach((record: unknown, index) => {
    const label = recordLabel(name, record, index);
    const result = schema.safeParse(record);
    if (!result.success) {
      for (const found of issuesFromZod(result.error, "en", [name, index])) {
        issues.push({ ...found, message: `${label}: ${found.message}` });
      }
      return;
    }
    const id = (result.data as Record<string, string>)[COLLECTIONS[name].key] ?? "";
    if (seen.has(id)) {
      issues.push(
        issue(
          "DUPLICATE_ID",
          [name, index, COLLECTIONS[name].key],
          `${label}: id "${id}" appears more than once; ids must be unique`,
        ),
      );
      return;
    }
    seen.add(id);
    parsed.push(result.data);
  });
  return parsed;
}

/** Every issue of the knowledge base (empty when it is valid) and the parsed records. */
export function validateKnowledgeBase(kb: unknown): { issues: Issue[]; value: KnowledgeBase } {
  const issues: Issue[] = [];
  const source = (kb !== null && typeof kb === "object" ? kb : {}) as Record<string, unknown>;
  const value: KnowledgeBase = {
    instruments: parseCollection("instruments", InstrumentSchema, source.instruments, issues),
    fundingSources: parseCollection(
      "fundingSources",
      FundingSourceSchema,
      source.fundingSources,
      issues,
    ),
    publicTasks: parseCollection("publicTasks", PublicTaskRecordSchema, source.publicTasks, issues),
    sampleClusters: parseCollection(
      "sampleClusters",
      SampleClusterSchema,
      source.sampleClusters,
      issues,
    ),
  };
  checkReferences(source, value, issues);
  checkSampleAssessments(source, value, issues);
  return { issues, value };
}

/** Instruments must name funding sources and predecessors that exist in the same knowledge base. */
function checkReferences(
  source: Record<string, unknown>,
  kb: KnowledgeBase,
  issues: Issue[],
): void {
  const fundingIds = new Set(kb.fundingSources.map((f) => f.id));
  const instrumentIds = new Set(kb.instruments.map((i) => i.id));
  const rawInstruments = Array.isArray(source.instruments) ? (source.instruments as unknown[]) : [];
  for (const instrument of kb.instruments) {
    const index = rawInstruments.findIndex(
      (raw) => (raw as { id?: unknown } | null)?.id === instrument.id,
    );
    instrument.fundingSources.forEach((ref, refIndex) => {
      if (!fundingIds.has(ref)) {
        issues.push(
          issue(
            "DANGLING_REFERENCE",
            ["instruments", index, "fundingSources", refIndex],
            `instrument "${instrument.id}": funding source "${ref}" does not exist; allowed: ${[...fundingIds].join(", ") || "(none)"}`,
            { received: ref },
          ),
        );
      }
    });
    if (instrument.predecessorOf !== undefined && !instrumentIds.has(instrument.predecessorOf)) {
      issues.push(
        issue(
          "DANGLING_REFERENCE",
          ["instruments", index, "predecessorOf"],
          `instrument "${instrument.id}": predecessorOf names instrument "${instrument.predecessorOf}", which does not exist`,
          { received: instrument.predecessorOf },
        ),
      );
    }
  }
}

/** Sample assessments must also pass the assessment rules (e.g. no duplicate need). */
function checkSampleAssessments(
  source: Record<string, unknown>,
  kb: KnowledgeBase,
  issues: Issue[],
): void {
  const raw = Array.isArray(source.sampleClusters) ? (source.sampleClusters as unknown[]) : [];
  for (const cluster of kb.sampleClusters) {
    const index = raw.findIndex((r) => (r as { id?: unknown } | null)?.id === cluster.id);
    cluster.assessments.forEach((assessment, assessmentIndex) => {
      const { assessedOn: _assessedOn, ...input } = assessment;
      const result = AssessmentInputSchema.safeParse(input);
      if (result.success) return;
      for (const found of issuesFromZod(result.error, "en", [
        "sampleClusters",
        index,
        "assessments",
        assessmentIndex,
      ])) {
        issues.push({ ...found, message: `sample cluster "${cluster.id}": ${found.message}` });
      }
    });
  }
}
