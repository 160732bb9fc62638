/**
 * @module
 * The domain pieces the benchmarks use, and a compact assessment builder.
 */
import {
  AssessmentInputSchema,
  type AssessmentInput,
  type RegionCode,
  type SupportFunction,
} from "@klastry/domain";

export { REGION_CODES, SupportFunctions } from "@klastry/domain";
export type { AssessmentInput, Instrument, RegionCode, SupportFunction } from "@klastry/domain";

export function buildAssessmentFromParts(parts: {
  name: string;
  region: RegionCode;
  smeMembers: number;
  otherMembers: number;
  kkk: boolean;
  needs: SupportFunction[];
}): AssessmentInput {
  return AssessmentInputSchema.parse({
    cluster: {
      name: parts.name,
      region: parts.region,
      foundedYear: 2012,
      kkk: parts.kkk ? { holds: true, validUntil: "2099-12-31" } : { holds: false },
      inWarsawCapitalRegion: false,
    },
    profile: {
      members: {
        sme: parts.smeMembers,
        large_enterprise: parts.otherMembers,
        research_organisation: 0,
        business_support_institution: 0,
        local_government: 0,
        other: 0,
      },
    },
    needs: parts.needs.map((fn, i) => ({
      actor: i % 2 === 0 ? "sme" : "coordinator",
      function: fn,
      priority: ((i % 3) + 1) as 1 | 2 | 3,
    })),
  });
}
