/**
 * @module
 * Builders with defaults for knowledge-base records. Every record here is FICTIONAL test data
 * (example.org sources, "(test)" names); override any field.
 */
import type {
  FundingSource,
  Instrument,
  InstrumentInput,
  PublicTaskRecord,
  SampleCluster,
} from "@klastry/domain";
import { InstrumentSchema } from "@klastry/domain";
import type { KnowledgeBase } from "../seed/validate-knowledge-base.ts";

const source = {
  url: "https://example.org/klastry-test-fixture",
  title: "Test fixture (fictional)",
};

export function buildFundingSource(overrides: Partial<FundingSource> = {}): FundingSource {
  return {
    id: "test-regional-budget",
    kind: "regional_budget",
    level: "regional",
    name: { pl: "Budżet testowy (fikcyjny)", en: "Test budget (fictional)" },
    description: { pl: "Źródło testowe.", en: "A test source." },
    confidence: "H",
    sources: [source],
    ...overrides,
  };
}

export function buildInstrument(overrides: Partial<InstrumentInput> = {}): Instrument {
  return InstrumentSchema.parse({
    id: "test-cluster-grant",
    kind: "measure",
    name: { pl: "Dotacja testowa dla klastrów (fikcyjna)", en: "Test cluster grant (fictional)" },
    description: {
      pl: "Wsparcie koordynatorów klastrów w Łodzi.",
      en: "Support for cluster coordinators in Lodz.",
    },
    operator: { pl: "Operator testowy", en: "Test operator" },
    level: "regional",
    regions: ["10"],
    fundingSources: ["test-regional-budget"],
    forms: ["grant"],
    eligibleActors: ["coordinator"],
    functions: ["cluster_management"],
    clusterSpecific: true,
    callWindows: [{ opens: "2026-01-01", closes: "2026-12-31" }],
    confidence: "H",
    sources: [source],
    lastVerified: "2026-11-01",
    ...overrides,
  } satisfies InstrumentInput);
}

export function buildPublicTaskRecord(overrides: Partial<PublicTaskRecord> = {}): PublicTaskRecord {
  return {
    code: "export_promotion",
    description: { pl: "Zadanie testowe.", en: "A test task." },
    sources: [source],
    ...overrides,
  };
}

export function buildSampleCluster(overrides: Partial<SampleCluster> = {}): SampleCluster {
  return {
    id: "klaster-testowy-fikcyjny",
    fictional: true,
    assessments: [
      {
        assessedOn: "2025-03-01",
        cluster: {
          name: "Klaster Testowy (fikcyjny)",
          region: "10",
          sectors: [],
          smartSpecialisations: [],
        },
        profile: { members: { sme: 10 } },
        needs: [{ actor: "coordinator", function: "cluster_management", priority: 1 }],
        publicTasks: [{ task: "export_promotion", readiness: "interested" }],
        ownContribution: {},
      },
      {
        assessedOn: "2026-03-01",
        cluster: {
          name: "Klaster Testowy (fikcyjny)",
          region: "10",
          sectors: [],
          smartSpecialisations: [],
        },
        profile: { members: { sme: 14 } },
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

/**
 * A small valid knowledge base: two funding sources, three instruments (regional, national, EU),
 * two public tasks, one sample cluster with two assessments.
 */
export function buildKnowledgeBase(overrides: Partial<KnowledgeBase> = {}): KnowledgeBase {
  return {
    fundingSources: [
      buildFundingSource(),
      buildFundingSource({
        id: "test-eu-fund",
        kind: "eu_cohesion",
        level: "eu",
        name: { pl: "Fundusz UE testowy", en: "Test EU fund" },
      }),
    ],
    instruments: [
      buildInstrument(),
      buildInstrument({
        id: "test-export-loan",
        name: { pl: "Pożyczka eksportowa (test)", en: "Export loan (test)" },
        shortName: "TEST 1.2",
        description: { pl: "Pożyczki na ekspansję zagraniczną.", en: "Loans for going abroad." },
        level: "national",
        regions: ["02", "10", "14"],
        fundingSources: ["test-eu-fund", "test-regional-budget"],
        forms: ["loan"],
        eligibleActors: ["sme", "large_enterprise"],
        functions: ["internationalisation", "access_to_finance"],
        clusterSpecific: false,
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
        fundingSources: ["test-eu-fund"],
        forms: ["voucher", "advisory"],
        eligibleActors: ["sme"],
        functions: ["rdi_cooperation"],
        clusterSpecific: false,
      }),
    ],
    publicTasks: [buildPublicTaskRecord(), buildPublicTaskRecord({ code: "vocational_education" })],
    sampleClusters: [buildSampleCluster()],
    ...overrides,
  };
}
