import { describe, expect, it } from "vitest";
import { AssessmentInputSchema } from "@klastry/domain";
import { loadKnowledgeBase } from "../load-knowledge-base.ts";
import { rawSampleCluster } from "@klastry/domain/testing";
import { sampleAssessmentInputs } from "../sample-assessments.ts";
import { writeKnowledgeFixture } from "./index.ts";

describe("writeKnowledgeFixture", () => {
  it("writes a tree that loads without issues when nothing is overridden", () => {
    const kb = loadKnowledgeBase({ dir: writeKnowledgeFixture() });
    expect(kb.instruments.map((i) => i.id)).toEqual(["test-instrument"]);
    expect(kb.publicTasks).toHaveLength(11);
  });
});

describe("sampleAssessmentInputs", () => {
  it("turns every dated assessment into a valid AssessmentInput, in date order per cluster", () => {
    const first = rawSampleCluster();
    const assessments = first.assessments as Record<string, unknown>[];
    const later = { ...assessments[0], assessedOn: "2025-02-01" };
    const earlier = { ...assessments[0], assessedOn: "2023-02-01" };
    const dir = writeKnowledgeFixture(undefined, {
      sampleClusters: [rawSampleCluster({ assessments: [later, earlier] })],
    });
    const inputs = sampleAssessmentInputs(loadKnowledgeBase({ dir }));
    expect(inputs.map((x) => x.assessedOn)).toEqual(["2023-02-01", "2025-02-01"]);
    for (const { clusterId, input } of inputs) {
      expect(clusterId).toBe("klaster-testowy-fikcyjny");
      expect(input.clusterId).toBe("klaster-testowy-fikcyjny");
      expect(AssessmentInputSchema.safeParse(input).success).toBe(true);
    }
  });

  it("covers every assessment of the shipped sample clusters", () => {
    const kb = loadKnowledgeBase();
    const total = kb.sampleClusters.reduce((sum, c) => sum + c.assessments.length, 0);
    expect(sampleAssessmentInputs(kb)).toHaveLength(total);
  });
});
