/**
 * @module
 * Plain-object builders for knowledge records with valid defaults; override any field, or pass a
 * deliberately wrong value to test the loader's messages.
 */
import { PublicTasks } from "@klastry/domain";

export type RawRecord = Record<string, unknown>;

const SOURCE = { url: "https://example.org/klastry-test-source" };

/** A valid national instrument record (fictional, for tests only). */
export function buildInstrument(overrides: RawRecord = {}): RawRecord {
  return {
    id: "test-instrument",
    kind: "measure",
    name: { pl: "Instrument testowy", en: "Test instrument" },
    description: { pl: "Rekord testowy, nie istnieje.", en: "Test record; it does not exist." },
    operator: { pl: "Operator testowy", en: "Test operator" },
    level: "national",
    regions: ["02", "14"],
    fundingSources: ["test-erdf"],
    forms: ["grant"],
    eligibleActors: ["coordinator"],
    functions: ["cluster_management"],
    prerequisites: [],
    clusterSpecific: true,
    callWindows: [{ opens: "2024-01-15", closes: "2024-02-12" }],
    confidence: "H",
    sources: [SOURCE],
    lastVerified: "2026-11-29",
    ...overrides,
  };
}

/** A valid funding-source record. */
export function buildFundingSource(overrides: RawRecord = {}): RawRecord {
  return {
    id: "test-erdf",
    kind: "eu_cohesion",
    level: "eu",
    name: { pl: "Fundusz testowy", en: "Test fund" },
    description: { pl: "Rekord testowy.", en: "Test record." },
    confidence: "H",
    sources: [SOURCE],
    ...overrides,
  };
}

/** One record per public task of the vocabulary, in vocabulary order. */
export function buildPublicTasks(): RawRecord[] {
  return PublicTasks.entries.map((entry) => ({
    code: entry.code,
    description: { pl: entry.label.pl, en: entry.label.en },
    sources: [SOURCE],
  }));
}

/** A valid fictional sample cluster with one assessment. */
export function buildSampleCluster(overrides: RawRecord = {}): RawRecord {
  return {
    id: "test-cluster",
    fictional: true,
    assessments: [
      {
        assessedOn: "2024-02-01",
        cluster: {
          name: "Klaster Testowy (fikcyjny)",
          region: "14",
          kkk: { holds: true, validUntil: "2024-12-31" },
        },
        profile: { members: { sme: 30, research_organisation: 2 }, coordinatorStaffFte: 2 },
        needs: [{ actor: "coordinator", function: "cluster_management", priority: 1 }],
        publicTasks: [{ task: "export_promotion", readiness: "ready" }],
        ownContribution: { maxSharePercent: 20 },
      },
    ],
    ...overrides,
  };
}
