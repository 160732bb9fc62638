/**
 * @module
 * Turns a scenario's `input` into an assessment: a full assessment as given, or a sample cluster's
 * dated assessment with the scenario's overrides merged in.
 */
import type { AssessmentInputRaw } from "@klastry/domain";
import { sampleClusterById, type KnowledgeBase } from "@klastry/knowledge";
import type { SampleInput, Scenario } from "./scenario-file.ts";

type Json = Record<string, unknown>;

/**
 * Objects merge key by key, lists and plain values replace, `null` removes the key, so a scenario
 * can make one answer unknown (`cluster: { foundedYear: null }`).
 */
export function mergeOverrides(base: Json, overrides: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) delete out[key];
    else if (isPlainObject(value) && isPlainObject(out[key]))
      out[key] = mergeOverrides(out[key], value);
    else out[key] = value;
  }
  return out;
}

/** The assessment a scenario evaluates; throws when the sample or its dated assessment is unknown. */
export function resolveScenarioInput(
  input: Scenario["input"],
  knowledge: Pick<KnowledgeBase, "sampleClusters">,
): AssessmentInputRaw {
  if (!("sample" in input)) return input as AssessmentInputRaw;
  const { sample, assessedOn, ...overrides } = input as SampleInput;
  const cluster = sampleClusterById(knowledge as KnowledgeBase, sample);
  if (!cluster) {
    const known = knowledge.sampleClusters.map((c) => c.id).join(", ");
    throw new Error(`unknown sample cluster "${sample}"; known: ${known}`);
  }
  const dated =
    assessedOn === undefined
      ? cluster.assessments.at(-1)
      : cluster.assessments.find((a) => a.assessedOn === assessedOn);
  if (!dated) {
    const dates = cluster.assessments.map((a) => a.assessedOn).join(", ");
    throw new Error(
      `sample cluster "${sample}" has no assessment on ${assessedOn}; its assessments: ${dates}`,
    );
  }
  const { assessedOn: _date, ...assessment } = dated;
  return mergeOverrides(assessment, overrides) as AssessmentInputRaw;
}

function isPlainObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
