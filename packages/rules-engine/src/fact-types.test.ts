import { ActorTypes, FACT_CATALOGUE, factPaths, SupportFunctions } from "@klastry/domain";
import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOGUE, isProblem, resolveAccess } from "./fact-types.ts";

describe("the fact catalogue", () => {
  it("names every fact once", () => {
    const names = FACT_CATALOGUE.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("gives every fact and every path a type and a label in both languages", () => {
    for (const fact of FACT_CATALOGUE) {
      const paths = fact.type === "object" ? factPaths(fact) : [undefined];
      for (const path of paths) {
        const resolved = resolveAccess(DEFAULT_CATALOGUE, fact.name, path);
        if (isProblem(resolved)) throw new Error(`${fact.name} ${path}: ${resolved.code}`);
        expect(resolved.spec.label.pl.length).toBeGreaterThan(0);
        expect(resolved.spec.label.en.length).toBeGreaterThan(0);
      }
    }
  });

  it("takes allowed values from the domain vocabularies", () => {
    expect(DEFAULT_CATALOGUE.get("neededFunctions")?.values).toEqual(SupportFunctions.codes);
    expect(DEFAULT_CATALOGUE.get("actorsWithNeeds")?.values).toEqual(ActorTypes.codes);
    const sme = resolveAccess(DEFAULT_CATALOGUE, "actorNeeds", "$.sme");
    expect(isProblem(sme) ? undefined : sme.spec).toMatchObject({
      type: "string[]",
      nullable: true,
      vocabulary: "supportFunctions",
    });
  });

  it("names the assessment field to ask for when a derived fact is unknown", () => {
    const resolved = resolveAccess(DEFAULT_CATALOGUE, "cluster", "$['kkk'].holds");
    expect(isProblem(resolved) ? undefined : resolved.field).toBe("cluster.kkk.holds");
    expect(DEFAULT_CATALOGUE.get("memberCount")?.asks).toBe("profile.members");
  });
});
