/**
 * @module
 * Builders with defaults for tests across packages, one per domain type:
 * `buildAssessment({ needs: [...] })`, `buildInstrument({ id })`, `buildFundingSource()`,
 * `buildPublicTaskRecord()`, `buildSampleCluster()`. Every record is FICTIONAL test data
 * (example.org sources, "(fikcyjny)" names). `raw*` variants return the input form, for loader
 * tests that write files or inject wrong values.
 */
import {
  AssessmentInputSchema,
  SampleClusterSchema,
  type AssessmentInput,
  type AssessmentInputRaw,
  type SampleCluster,
} from "../schemas/assessment.ts";
import {
  FundingSourceSchema,
  PublicTaskRecordSchema,
  type FundingSource,
  type PublicTaskRecord,
} from "../schemas/funding-source.ts";
import { InstrumentSchema, type Instrument, type InstrumentInput } from "../schemas/instrument.ts";

/** The source every fictional test record cites. */
export const TEST_SOURCE = { url: "https://example.org/klastry-test-source" } as const;

type Overrides = Record<string, unknown>;

/** A fictional national instrument for cluster coordinators, in the input form; override any field. */
export function rawInstrument(overrides: Overrides = {}): Record<string, unknown> {
  const id = typeof overrides.id === "string" ? overrides.id : "test-instrument";
  return {
    id,
    kind: "measure",
    name: { pl: `Instrument testowy ${id} (fikcyjny)`, en: `Test instrument ${id} (fictional)` },
    description: { pl: "Rekord testowy, nie istnieje.", en: "Test record; it does not exist." },
    operator: { pl: "Operator testowy", en: "Test operator" },
    level: "national",
    regions: ["02", "10", "14", "24"],
    fundingSources: ["test-erdf"],
    forms: ["grant"],
    applicant: "coordinator",
    eligibleActors: ["coordinator"],
    functions: ["cluster_management"],
    clusterSpecific: true,
    availability: { calls: [{ opens: "2025-01-01", closes: "2025-12-31" }] },
    confidence: "H",
    sources: [{ ...TEST_SOURCE, official: true }],
    lastVerified: "2026-11-29",
    ...overrides,
  };
}

/** A parsed fictional instrument; override any field. */
export function buildInstrument(overrides: Partial<InstrumentInput> = {}): Instrument {
  return InstrumentSchema.parse(rawInstrument(overrides));
}

/** A fictional funding source, in the input form. */
export function rawFundingSource(overrides: Overrides = {}): Record<string, unknown> {
  return {
    id: "test-erdf",
    kind: "eu_cohesion",
    level: "eu",
    name: { pl: "Fundusz testowy (fikcyjny)", en: "Test fund (fictional)" },
    abbreviation: { pl: "FT", en: "TF" },
    description: { pl: "Rekord testowy.", en: "Test record." },
    confidence: "H",
    sources: [{ ...TEST_SOURCE, official: true }],
    lastVerified: "2026-11-29",
    ...overrides,
  };
}

export function buildFundingSource(overrides: Partial<FundingSource> = {}): FundingSource {
  return FundingSourceSchema.parse(rawFundingSource(overrides));
}

/** A public-task record, in the input form. */
export function rawPublicTaskRecord(overrides: Overrides = {}): Record<string, unknown> {
  return {
    code: "export_promotion",
    description: { pl: "Zadanie testowe.", en: "A test task." },
    sources: [TEST_SOURCE],
    lastVerified: "2026-11-29",
    ...overrides,
  };
}

export function buildPublicTaskRecord(overrides: Partial<PublicTaskRecord> = {}): PublicTaskRecord {
  return PublicTaskRecordSchema.parse(rawPublicTaskRecord(overrides));
}

/** A fictional sample cluster with two dated assessments, in the input form. */
export function rawSampleCluster(overrides: Overrides = {}): Record<string, unknown> {
  const cluster = {
    name: "Klaster Testowy (fikcyjny)",
    region: "10",
    sectors: [],
    smartSpecialisations: [],
  };
  const members = (sme: number) => ({
    sme,
    large_enterprise: 0,
    research_organisation: 1,
    business_support_institution: 0,
    local_government: 0,
    other: 0,
  });
  return {
    id: "klaster-testowy-fikcyjny",
    fictional: true,
    assessments: [
      {
        assessedOn: "2025-03-01",
        cluster,
        profile: { members: members(10) },
        needs: [{ actor: "coordinator", function: "cluster_management", priority: 1 }],
        publicTasks: [{ task: "export_promotion", readiness: "interested" }],
        ownContribution: {},
      },
      {
        assessedOn: "2026-03-01",
        cluster,
        profile: { members: members(14) },
        needs: [
          { actor: "coordinator", function: "cluster_management", priority: 2 },
          { actor: "sme", function: "internationalisation", priority: 1 },
        ],
        publicTasks: [{ task: "export_promotion", readiness: "ready" }],
        ownContribution: { maxSharePercent: 20 },
      },
    ],
    ...overrides,
  };
}

export function buildSampleCluster(overrides: Partial<SampleCluster> = {}): SampleCluster {
  return SampleClusterSchema.parse(rawSampleCluster(overrides));
}

/** A valid, fully answered assessment of a fictional cluster; override any part. */
export function buildAssessment(overrides: Partial<AssessmentInputRaw> = {}): AssessmentInput {
  const base: AssessmentInputRaw = {
    cluster: {
      name: "Klaster Testowy Przykładowy (fikcyjny)",
      region: "24",
      sectors: ["automotive"],
      smartSpecialisations: ["przemysł 4.0"],
      foundedYear: 2015,
      coordinatorLegalForm: "association",
      kkk: { holds: false },
      regionalKeyCluster: false,
      supraRegionalGrowthCluster: false,
      esca: { label: "none" },
      eccpListed: true,
      inWarsawCapitalRegion: false,
    },
    profile: {
      members: {
        sme: 40,
        large_enterprise: 5,
        research_organisation: 3,
        business_support_institution: 2,
        local_government: 1,
        other: 0,
      },
      employees: 4000,
      coordinatorStaffFte: 3,
      maturityStage: "growth",
      exportingSharePercent: 40,
      jointRdProjects: 4,
      internationalPartners: 6,
      hasStrategy: true,
    },
    needs: [
      { actor: "coordinator", function: "cluster_management", priority: 1 },
      { actor: "sme", function: "internationalisation", priority: 2 },
    ],
    publicTasks: [{ task: "export_promotion", readiness: "ready" }],
    ownContribution: { maxSharePercent: 30, maxAmountPln: 500000 },
  };
  return AssessmentInputSchema.parse({ ...base, ...overrides });
}
