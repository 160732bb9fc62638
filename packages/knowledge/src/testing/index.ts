/**
 * @module
 * Test helpers for other packages: a small valid knowledge base in memory (`buildKnowledgeBase`),
 * and a knowledge tree written to a temp dir (valid or deliberately broken). Records come from the domain's builders (`@klastry/domain/testing`).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import { PublicTasks } from "@klastry/domain";
import {
  buildFundingSource,
  buildInstrument,
  buildPublicTaskRecord,
  buildSampleCluster,
  rawFundingSource,
  rawInstrument,
  rawPublicTaskRecord,
  rawSampleCluster,
} from "@klastry/domain/testing";
import type { KnowledgeBase } from "../load-knowledge-base.ts";

/** A record as written to a YAML file (possibly deliberately wrong). */
type RawRecord = Record<string, unknown>;

/** One public-task record per code of the vocabulary, in the input form. */
export function rawPublicTasks(): RawRecord[] {
  return PublicTasks.entries.map((entry) =>
    rawPublicTaskRecord({ code: entry.code, description: entry.label }),
  );
}

/**
 * A small valid knowledge base: two funding sources, three fictional instruments (regional for
 * coordinators, national loans for member firms, an EU voucher), two public tasks, one sample
 * cluster with two assessments.
 */
export function buildKnowledgeBase(overrides: Partial<KnowledgeBase> = {}): KnowledgeBase {
  return {
    fundingSources: [
      buildFundingSource({
        id: "test-regional-budget",
        kind: "regional_budget",
        level: "regional",
        name: { pl: "Budżet testowy (fikcyjny)", en: "Test budget (fictional)" },
      }),
      buildFundingSource({ id: "test-erdf" }),
    ],
    instruments: [
      buildInstrument({
        id: "test-cluster-grant",
        name: {
          pl: "Dotacja testowa dla klastrów (fikcyjna)",
          en: "Test cluster grant (fictional)",
        },
        description: {
          pl: "Wsparcie koordynatorów klastrów w Łodzi.",
          en: "Support for cluster coordinators in Lodz.",
        },
        level: "regional",
        regions: ["10"],
        fundingSources: ["test-regional-budget"],
        availability: { calls: [{ opens: "2026-01-01", closes: "2026-12-31" }] },
      }),
      buildInstrument({
        id: "test-export-loan",
        name: { pl: "Pożyczka eksportowa (test)", en: "Export loan (test)" },
        shortName: { pl: "TEST 1.2", en: "TEST 1.2" },
        description: { pl: "Pożyczki na ekspansję zagraniczną.", en: "Loans for going abroad." },
        regions: ["02", "10", "14"],
        fundingSources: ["test-erdf", "test-regional-budget"],
        forms: ["loan"],
        applicant: "member_firms",
        eligibleActors: ["sme", "large_enterprise"],
        functions: ["internationalisation", "access_to_finance"],
        clusterSpecific: false,
        availability: { calls: [{ opens: "2026-01-01", closes: "2026-12-31" }] },
      }),
      buildInstrument({
        id: "test-eu-voucher",
        name: { pl: "Bon innowacyjny (test)", en: "Innovation voucher (test)" },
        description: {
          pl: "Bony na usługi badawcze dla MŚP.",
          en: "Vouchers for research services for SMEs.",
        },
        level: "eu",
        regions: ["14"],
        fundingSources: ["test-erdf"],
        forms: ["voucher", "advisory"],
        applicant: "member_firms",
        eligibleActors: ["sme"],
        functions: ["rdi_cooperation"],
        clusterSpecific: false,
        availability: { calls: [{ opens: "2026-01-01", closes: "2026-12-31" }] },
      }),
    ],
    publicTasks: [buildPublicTaskRecord(), buildPublicTaskRecord({ code: "vocational_education" })],
    sampleClusters: [buildSampleCluster()],
    ...overrides,
  };
}

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
    instruments: [rawInstrument()],
    fundingSources: [rawFundingSource()],
    publicTasks: rawPublicTasks(),
    sampleClusters: [rawSampleCluster()],
    files: {},
    ...overrides,
  };
  for (const record of fixture.instruments) {
    const path = `instruments/${namePart(record.level, "national")}/${namePart(record.id, "unnamed")}.yaml`;
    write(dir, path, stringify(record));
  }
  for (const record of fixture.fundingSources) {
    write(dir, `funding-sources/${namePart(record.id, "unnamed")}.yaml`, stringify(record));
  }
  if (fixture.publicTasks !== null) write(dir, "public-tasks.yaml", stringify(fixture.publicTasks));
  for (const record of fixture.sampleClusters) {
    write(dir, `sample-clusters/${namePart(record.id, "unnamed")}.yaml`, stringify(record));
  }
  for (const [path, text] of Object.entries(fixture.files)) write(dir, path, text);
  return dir;
}

/** A record's field as a file name part; `fallback` when it is missing or not text. */
function namePart(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

function write(root: string, path: string, text: string): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text, "utf8");
}
