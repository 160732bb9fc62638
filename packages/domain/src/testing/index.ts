/**
 * @module
 * Builders with defaults for tests across packages: `buildAssessment({ needs: [...] })`.
 */
import {
  AssessmentInputSchema,
  type AssessmentInput,
  type AssessmentInputRaw,
} from "../schemas/assessment.ts";

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
