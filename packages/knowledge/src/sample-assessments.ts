/**
 * @module
 * The fictional sample clusters' dated assessments as parsed assessment inputs, ready for the rules
 * engine (coverage reports, impact populations, benchmarks, tests).
 */
import { AssessmentInputSchema, type AssessmentInput, type IsoDate } from "@klastry/domain";
import type { KnowledgeBase } from "./load-knowledge-base.ts";

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
