import { describe, expect, it } from "vitest";
import { ActorTypes, REGION_CODES, SupportFunctions } from "@klastry/domain";
import { generatePopulation } from "./generate-population.ts";

describe("generatePopulation", () => {
  it("gives the same clusters for the same seed and others for another", () => {
    const a = generatePopulation(200);
    expect(generatePopulation(200)).toEqual(a);
    expect(generatePopulation(200, 7)).not.toEqual(a);
    expect(a[0]).toMatchObject({
      id: "generated-00001",
      name: "Wygenerowany klaster 00001 (fikcyjny)",
      source: "generated",
    });
  });

  it("covers every region with every actor x function need at the default size", () => {
    const population = generatePopulation(2000);
    const seen = new Set(
      population.flatMap(({ region, assessment }) =>
        (assessment.needs ?? []).map((need) => `${region}/${need.actor}/${need.function}`),
      ),
    );
    for (const region of REGION_CODES)
      for (const actor of ActorTypes.codes)
        for (const fn of SupportFunctions.codes) expect(seen).toContain(`${region}/${actor}/${fn}`);
  });

  it("leaves some answers out, so can't-tell changes show too, and spreads member counts across 51", () => {
    const population = generatePopulation(2000);
    const counts = population.map(
      ({ assessment }) => Object.keys(assessment.profile.members).length,
    );
    expect(counts.filter((n) => n === 0).length).toBeGreaterThan(50);
    expect(
      population.filter((s) => s.assessment.cluster.foundedYear === undefined).length,
    ).toBeGreaterThan(50);
    const totals = population.map(({ assessment }) =>
      Object.values(assessment.profile.members).reduce((sum, n) => sum + (n ?? 0), 0),
    );
    expect(totals.some((n) => n >= 40 && n < 51)).toBe(true);
    expect(totals.some((n) => n >= 51)).toBe(true);
  });
});
