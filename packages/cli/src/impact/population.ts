/**
 * @module
 * The population `klastry rules impact` evaluates: the latest stored assessment of every cluster
 * in the local database (or a JSON file of assessments), the shipped sample clusters (the latest
 * assessment of each, unless the database already holds that cluster) and a generated population.
 * Everything is parsed here, at the edge; the engine gets parsed assessments.
 */
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { z } from "zod";
import { AssessmentInputSchema, formatIssues, issuesFromZod } from "@klastry/domain";
import type { KnowledgeBase } from "@klastry/knowledge";
import type { ImpactSubject } from "@klastry/rules-engine";
import { readEnv } from "../env.ts";
import type { CommandIo } from "../io.ts";
import { openMigratedDatabase } from "../open-db.ts";
import { generatePopulation } from "./generate-population.ts";
import { ImpactError } from "./impact-error.ts";

/** `--assessments`: `db`, `none`, a JSON file, or absent (the database when there is one). */
export type AssessmentsOption = "db" | "none" | { file: string } | undefined;

/** A database to read: DATABASE_URL, or the SQLite file `npm start` creates under ./data. */
export function databasePresent(io: CommandIo): boolean {
  return readEnv().DATABASE_URL !== undefined || existsSync(join(io.cwd, "data/klastry.sqlite"));
}

/** The latest assessment of every cluster in the database. */
export async function storedSubjects(io: CommandIo): Promise<ImpactSubject[]> {
  let db;
  try {
    db = await openMigratedDatabase(io.cwd);
  } catch (error) {
    throw new ImpactError(
      "DATABASE_UNAVAILABLE",
      `the database could not be opened (${error instanceof Error ? error.message : String(error)}); use --assessments none or a JSON file instead`,
      { cause: error },
    );
  }
  try {
    const records = await db.assessments.latestAll();
    return records.map(({ assessment }) => ({
      id: assessment.id,
      name: assessment.cluster.name,
      region: assessment.cluster.region,
      assessment: {
        clusterId: assessment.clusterId,
        cluster: assessment.cluster,
        profile: assessment.profile,
        needs: assessment.needs,
        publicTasks: assessment.publicTasks,
        ownContribution: assessment.ownContribution,
      },
      source: "stored",
    }));
  } finally {
    await db.close();
  }
}

/** An entry of an assessments file: the answers alone, or wrapped with an id and a name. */
const FileEntrySchema = z.union([
  z
    .object({ id: z.string().min(1), name: z.string().optional(), assessment: z.unknown() })
    .strict(),
  z.record(z.string(), z.unknown()),
]);

/**
 * A JSON file holding an array of assessments, each as `POST /recommendations` takes it, or as
 * `{ "id": "...", "name"?: "...", "assessment": { ... } }`.
 */
export function fileSubjects(io: CommandIo, file: string): ImpactSubject[] {
  const path = isAbsolute(file) ? file : join(io.cwd, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ImpactError(
      "ASSESSMENTS_INVALID",
      `--assessments ${file}: ${error instanceof Error ? error.message : String(error)}; allowed: db, none, or a JSON file with an array of assessments`,
      { cause: error },
    );
  }
  if (!Array.isArray(raw))
    throw new ImpactError(
      "ASSESSMENTS_INVALID",
      `--assessments ${file}: the file holds ${raw === null ? "null" : typeof raw}; allowed: an array of assessments (each as POST /recommendations takes it, or { id, name?, assessment })`,
    );
  const problems: string[] = [];
  const subjects: ImpactSubject[] = [];
  raw.forEach((item, index) => {
    const entry = FileEntrySchema.safeParse(item);
    const wrapped =
      entry.success && "assessment" in entry.data && typeof entry.data.id === "string";
    const answers: unknown = wrapped ? (entry.data as { assessment: unknown }).assessment : item;
    const parsed = AssessmentInputSchema.safeParse(answers);
    if (!parsed.success) {
      const at = wrapped ? `[${index}].assessment` : `[${index}]`;
      problems.push(formatIssues(issuesFromZod(parsed.error), `${file}${at}.`));
      return;
    }
    const data = entry.data as { id?: string; name?: string };
    subjects.push({
      id: wrapped && data.id ? data.id : `${file}#${index + 1}`,
      name: (wrapped && data.name) || parsed.data.cluster.name,
      region: parsed.data.cluster.region,
      assessment: parsed.data,
      source: "file",
    });
  });
  if (problems.length > 0)
    throw new ImpactError(
      "ASSESSMENTS_INVALID",
      `--assessments ${file}: ${problems.length} problem(s); nothing was compared:\n${problems.join("\n")}`,
    );
  return subjects;
}

/** The latest assessment of every shipped sample cluster not already among `known` cluster ids. */
export function sampleSubjects(
  knowledge: KnowledgeBase,
  known: ReadonlySet<string>,
): ImpactSubject[] {
  return knowledge.sampleClusters
    .filter((sample) => !known.has(sample.id))
    .map((sample) => {
      const latest = [...sample.assessments].sort((a, b) =>
        a.assessedOn < b.assessedOn ? 1 : -1,
      )[0]!;
      const { assessedOn: _day, ...answers } = latest;
      const assessment = AssessmentInputSchema.parse({ ...answers, clusterId: sample.id });
      return {
        id: sample.id,
        name: assessment.cluster.name,
        region: assessment.cluster.region,
        assessment,
        source: "sample",
      };
    });
}

/** The database when it opens; without `--assessments db` asked for, a warning otherwise. */
async function storedOrWarn(io: CommandIo): Promise<ImpactSubject[]> {
  try {
    return await storedSubjects(io);
  } catch (error) {
    if (!(error instanceof ImpactError)) throw error;
    io.err(`klastry rules impact: stored assessments left out: ${error.message}`);
    return [];
  }
}

/** Every part of the population, in that order: stored or file, samples, generated. */
export async function collectPopulation(
  io: CommandIo,
  options: { assessments: AssessmentsOption; generated: number; knowledge: KnowledgeBase },
): Promise<ImpactSubject[]> {
  const { assessments } = options;
  const given =
    assessments === "none"
      ? []
      : typeof assessments === "object"
        ? fileSubjects(io, assessments.file)
        : assessments === "db"
          ? await storedSubjects(io)
          : databasePresent(io)
            ? await storedOrWarn(io)
            : [];
  const known = new Set(
    given.map((s) => s.assessment.clusterId).filter((id): id is string => id !== undefined),
  );
  return [
    ...given,
    ...sampleSubjects(options.knowledge, known),
    ...generatePopulation(options.generated),
  ];
}
