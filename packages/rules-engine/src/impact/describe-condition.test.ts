import { describe, expect, it } from "vitest";
import { conditionLines, describeChange, describeCondition } from "./describe-condition.ts";

describe("describeCondition", () => {
  it("writes a numeric threshold with its symbol", () => {
    expect(
      describeCondition({ fact: "memberCount", operator: "greaterThanInclusive", value: 51 }),
    ).toBe("memberCount >= 51");
  });

  it("joins a fact and its path into one dotted name", () => {
    expect(
      describeCondition({
        fact: "actorNeeds",
        path: "$.coordinator",
        operator: "contains",
        value: "cluster_management",
      }),
    ).toBe('actorNeeds.coordinator contains "cluster_management"');
  });

  it("lists the values of in and names another fact on the value side", () => {
    expect(
      describeCondition({
        fact: "instrumentCallStatus",
        operator: "in",
        value: ["open", "planned"],
      }),
    ).toBe('instrumentCallStatus in ["open", "planned"]');
    expect(
      describeCondition({
        fact: "smeMemberCount",
        operator: "lessThan",
        value: { fact: "profile", path: "$.employees" },
      }),
    ).toBe("smeMemberCount < profile.employees");
  });

  it("hides the rule's own instrument param but shows another instrument", () => {
    const leaf = (instrument: string) => ({
      fact: "instrumentCallStatus",
      params: { instrument },
      operator: "equal",
      value: "open",
    });
    expect(describeCondition(leaf("kkk-status"), "kkk-status")).toBe(
      'instrumentCallStatus = "open"',
    );
    expect(describeCondition(leaf("other"), "kkk-status")).toBe(
      'instrumentCallStatus(instrument=other) = "open"',
    );
  });
});

describe("conditionLines", () => {
  it("renders a tree one node a line, named nodes led by their name", () => {
    expect(
      conditionLines({
        all: [
          { name: "age", fact: "clusterAgeYears", operator: "greaterThanInclusive", value: 3 },
          {
            name: "either",
            any: [{ name: "kkk", fact: "kkkValidOnDate", operator: "equal", value: true }],
          },
          { not: { name: "east", fact: "inEasternPoland", operator: "equal", value: true } },
        ],
      }),
    ).toEqual([
      "all",
      "  age: clusterAgeYears >= 3",
      "  either: any",
      "    kkk: kkkValidOnDate = true",
      "  not",
      "    east: inEasternPoland = true",
    ]);
  });
});

describe("describeChange", () => {
  it("shortens a changed test on the same fact", () => {
    expect(describeChange("memberCount >= 51", "memberCount >= 40")).toBe(
      "memberCount >= 51 -> >= 40",
    );
  });

  it("keeps both sides when the fact changed, and marks additions and removals", () => {
    expect(describeChange("memberCount >= 51", "smeMemberCount >= 40")).toBe(
      "memberCount >= 51 -> smeMemberCount >= 40",
    );
    expect(describeChange(undefined, 'region = "24"')).toBe('+ region = "24"');
    expect(describeChange('region = "24"', undefined)).toBe('- region = "24"');
  });
});
