/**
 * @module
 * Test helpers for other packages: write a small knowledge tree (valid or deliberately broken)
 * into a temp dir, and turn the sample clusters into assessment inputs.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import { AssessmentInputSchema, type AssessmentInput, type IsoDate } from "@klastry/domain";
import type { KnowledgeBase } from "../load-knowledge-base.ts";
import {
  buildFundingSource,
  buildInstrument,
  buildPublicTasks,
  buildSampleCluster,
  type RawRecord,
} from "./builders.ts";

export {
  buildFundingSource,
  buildInstrument,
  buildPublicTasks,
  buildSampleCluster,
} from "./builders.ts";
export type { RawRecord } from "./builders.ts";

export interface KnowledgeFixture {
  /** Written to instruments/<level>/<id>.yaml. */
  instruments: RawRecord[];
  /** Written to funding-sources/<id>.yaml. */
  fundingSources: RawRecord[];
  /** Written as one list to public-tasks.yaml; `null` leaves the file out. */
  publicTasks: RawRecord[] | null;
  /** Written to sample-clusters/<id>.yaml. */
  sampleClusters: RawRecord[];
  /** Extra files written verbatim (path relative to the root -> text), e.g. broken YAML. */
  files: Record<string, string>;
}

/** A fresh empty temp directory for a fixture. */
export function makeTempKnowledgeDir(prefix = "klastry-knowledge-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Writes a small knowledge tree into `dir` (default: a new temp dir) and returns the dir. With no
 * overrides the tree is valid: one instrument, one funding source, all public tasks, one cluster.
 *
 * @example
 * const dir = writeKnowledgeFixture(undefined, { instruments: [buildInstrument({ regions: ["99"] })] });
 * expect(() => loadKnowledgeBase({ dir })).toThrow(/allowed/);
 */
export function writeKnowledgeFixture(
  dir: string = makeTempKnowledgeDir(),
  overrides: Partial<KnowledgeFixture> = {},
): string {
  const fixture: KnowledgeFixture = {
    instruments: [buildInstrument()],
    fundingSources: [buildFundingSource()],
    publicTasks: buildPublicTasks(),
    sampleClusters: [buildSampleCluster()],
    files: {},
    ...overrides,
  };
  for (const record of fixture.instruments) {
    const path = `instruments/${String(record.level ?? "national")}/${String(record.id ?? "unnamed")}.yaml`;
    write(dir, path, stringify(record));
  }
  for (const record of fixture.fundingSources) {
    write(dir, `funding-sources/${String(record.id ?? "unnamed")}.yaml`, stringify(record));
  }
  if (fixture.publicTasks !== null) write(dir, "public-tasks.yaml", stringify(fixture.publicTasks));
  for (const record of fixture.sampleClusters) {
    write(dir, `sample-clusters/${String(record.id ?? "unnamed")}.yaml`, stringify(record));
  }
  for (const [path, text] of Object.entries(fixture.files)) write(dir, path, text);
  return dir;
}

function write(root: string, path: string, text: string): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text, "utf8");
}

/** One dated assessment of a sample cluster, ready for the rules engine. */
export interface SampleAssessment {
  clusterId: string;
  assessedOn: IsoDate;
  input: AssessmentInput;
}

/** Every assessment of every sample cluster, in cluster id then date order. */
export function sampleAssessmentInputs(kb: KnowledgeBase): SampleAssessment[] {
  return kb.sampleClusters.flatMap((sample) =>
    [...sample.assessments]
      .sort((a, b) => (a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0))
      .map((assessment) => ({
        clusterId: sample.id,
        assessedOn: assessment.assessedOn,
        input: AssessmentInputSchema.parse({
          clusterId: sample.id,
          cluster: assessment.cluster,
          profile: assessment.profile,
          needs: assessment.needs,
          publicTasks: assessment.publicTasks,
          ownContribution: assessment.ownContribution,
        }),
      })),
  );
}
