/**
 * @module
 * The synthetic rulebook of the performance issue: N rules of 4 conditions each — `in` on the
 * region, `greaterThanInclusive` on the member count, an `any` of two `contains` on the needed
 * functions, `equal` on a flag (KKK status valid on the date) — with one instrument per rule, and
 * generated assessments to run them on. Seeded, so every run measures the same inputs.
 */
import { seededRandom } from "@klastry/domain";
import {
  REGION_CODES,
  SupportFunctions,
  buildAssessmentFromParts,
  type AssessmentInput,
  type Instrument,
  type RegionCode,
  type SupportFunction,
} from "./domain-bits.ts";

/** The parameters of one synthetic rule; the hand-written baseline reads the same values. */
export interface SyntheticRuleParams {
  id: string;
  regions: RegionCode[];
  minMembers: number;
  functionA: SupportFunction;
  functionB: SupportFunction;
  kkk: boolean;
  weight: number;
}

export function syntheticRuleParams(count: number, seed = 42): SyntheticRuleParams[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const [functionA, functionB] = random.sample(SupportFunctions.codes, 2) as [
      SupportFunction,
      SupportFunction,
    ];
    return {
      id: `synthetic-${String(index + 1).padStart(4, "0")}`,
      regions: random.sample(REGION_CODES, random.int(2, 8)),
      minMembers: random.int(5, 60),
      functionA,
      functionB,
      kkk: random.bool(0.3),
      weight: random.int(1, 10),
    };
  });
}

const reason = (pl: string, en: string) => ({
  pass: { pl, en },
  fail: { pl: `Nie: ${pl}`, en: `Not: ${en}` },
});

/** The rule file (json-rules-engine conditions plus Klastry metadata) for one synthetic rule. */
export function syntheticRuleFile(params: SyntheticRuleParams): Record<string, unknown> {
  return {
    id: params.id,
    instrument: params.id,
    weight: params.weight,
    priority: 1,
    conditions: {
      all: [
        { name: "region", fact: "region", operator: "in", value: params.regions },
        {
          name: "members",
          fact: "memberCount",
          operator: "greaterThanInclusive",
          value: params.minMembers,
        },
        {
          any: [
            {
              name: "function-a",
              fact: "neededFunctions",
              operator: "contains",
              value: params.functionA,
            },
            {
              name: "function-b",
              fact: "neededFunctions",
              operator: "contains",
              value: params.functionB,
            },
          ],
        },
        { name: "kkk", fact: "kkkValidOnDate", operator: "equal", value: params.kkk },
      ],
    },
    event: { type: "recommend", params: { instrument: params.id } },
    reasons: {
      region: reason(
        "Region {actual} należy do {required}",
        "Region {actual} is one of {required}",
      ),
      members: reason(
        "Członków: {actual} (wymagane {required})",
        "Members: {actual} (required {required})",
      ),
      "function-a": reason("Potrzeba {required}", "Needs {required}"),
      "function-b": reason("Potrzeba {required}", "Needs {required}"),
      kkk: reason("Status KKK: {actual}", "KKK status: {actual}"),
    },
  };
}

/** One instrument per synthetic rule, cloned from a real record with a new id. */
export function syntheticInstruments(
  template: Instrument,
  params: SyntheticRuleParams[],
): Instrument[] {
  return params.map((rule) => ({
    ...template,
    id: rule.id,
    name: { pl: `Instrument syntetyczny ${rule.id}`, en: `Synthetic instrument ${rule.id}` },
  }));
}

/** Generated self-assessments over every region, member counts 0-100 and 0-4 needs. */
export function syntheticAssessments(count: number, seed = 7): AssessmentInput[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) =>
    buildAssessmentFromParts({
      name: `Klaster syntetyczny ${index} (fikcyjny)`,
      region: random.pick(REGION_CODES),
      smeMembers: random.int(0, 80),
      otherMembers: random.int(0, 20),
      kkk: random.bool(0.3),
      needs: random.sample(SupportFunctions.codes, random.int(0, 4)),
    }),
  );
}
