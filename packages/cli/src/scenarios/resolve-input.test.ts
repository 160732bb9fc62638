import { loadKnowledgeBase } from "@klastry/knowledge";
import { describe, expect, it } from "vitest";
import { mergeOverrides, resolveScenarioInput } from "./resolve-input.ts";
import { parseScenarioFile } from "./scenario-file.ts";

const knowledge = loadKnowledgeBase();

describe("mergeOverrides", () => {
  it("merges objects key by key, replaces lists and removes a key given null", () => {
    const base = {
      cluster: { region: "24", kkk: { holds: true, validUntil: "2024-12-31" } },
      needs: [{ a: 1 }, { a: 2 }],
    };
    expect(
      mergeOverrides(base, {
        cluster: { kkk: { validUntil: null }, foundedYear: 2010 },
        needs: [{ a: 3 }],
      }),
    ).toEqual({
      cluster: { region: "24", kkk: { holds: true }, foundedYear: 2010 },
      needs: [{ a: 3 }],
    });
  });
});

describe("resolveScenarioInput", () => {
  it("takes a sample cluster's latest assessment unless a date is named", () => {
    const latest = resolveScenarioInput({ sample: "przykladowy-klaster-mechatroniki" }, knowledge);
    const dated = resolveScenarioInput(
      { sample: "przykladowy-klaster-mechatroniki", assessedOn: "2023-06-01" },
      knowledge,
    );
    const cluster = knowledge.sampleClusters.find(
      (c) => c.id === "przykladowy-klaster-mechatroniki",
    )!;
    expect(latest.profile).toEqual(cluster.assessments.at(-1)!.profile);
    expect(dated.profile).toEqual(cluster.assessments[0]!.profile);
    expect(latest).not.toHaveProperty("assessedOn");
  });

  it("names the known samples when the id is wrong, and the dates when the day is wrong", () => {
    expect(() => resolveScenarioInput({ sample: "no-such-cluster" }, knowledge)).toThrow(
      /known: .*przykladowy-klaster-mechatroniki/,
    );
    expect(() =>
      resolveScenarioInput(
        { sample: "przykladowy-klaster-mechatroniki", assessedOn: "2020-01-01" },
        knowledge,
      ),
    ).toThrow(/its assessments: 2023-06-01/);
  });
});

describe("parseScenarioFile", () => {
  it("reports YAML syntax errors and schema problems with their place instead of throwing", () => {
    expect(parseScenarioFile("x.scenarios.yaml", "- name: [unclosed\n").issues[0]?.file).toBe(
      "x.scenarios.yaml",
    );
    const { issues } = parseScenarioFile(
      "x.scenarios.yaml",
      '- name: A case\n  date: "2025-13-01"\n  input: { sample: a }\n  expect: { verdict: eligible }\n',
    );
    expect(issues.map((i) => i.path)).toEqual(["[0].date"]);
  });

  it("takes the rule id from the file's base name", () => {
    const { value } = parseScenarioFile(
      "rules/cluster/kkk-status.scenarios.yaml",
      '- name: A case\n  date: "2025-01-01"\n  input: { sample: a }\n  expect: { verdict: unknown }\n',
    );
    expect(value?.ruleId).toBe("kkk-status");
  });
});

describe("scenario inputs", () => {
  it("names a misspelt override of a sample instead of calling the input invalid", () => {
    const { issues } = parseScenarioFile(
      "x.scenarios.yaml",
      '- name: A case\n  date: "2025-01-01"\n  input: { sample: a, clustr: { foundedYear: 2000 } }\n  expect: { verdict: eligible }\n',
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("[0].input");
    expect(issues[0]?.message).toMatch(/clustr/);
  });
});
