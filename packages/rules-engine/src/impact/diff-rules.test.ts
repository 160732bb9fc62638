import { describe, expect, it } from "vitest";
import { compileRulebook } from "../compile-rulebook.ts";
import type { RuleFile } from "../rule-file.ts";
import { buildRuleFile, fixtureKnowledge } from "../testing/index.ts";
import { diffRules } from "./diff-rules.ts";

const knowledge = fixtureKnowledge();
const compile = (rules: RuleFile[]) => compileRulebook(rules, knowledge, { today: "2025-03-01" });

const grant = (members: number, extra: Partial<RuleFile> = {}) =>
  buildRuleFile({
    id: "grant",
    instrument: "demo-cluster-grant",
    conditions: {
      all: [
        { name: "members", fact: "memberCount", operator: "greaterThanInclusive", value: members },
        {
          name: "needs",
          any: [
            {
              name: "needs-management",
              fact: "actorNeeds",
              path: "$.coordinator",
              operator: "contains",
              value: "cluster_management",
            },
          ],
        },
      ],
    },
    ...extra,
  });
const voucher = buildRuleFile({ id: "voucher", instrument: "demo-export-voucher" });

describe("diffRules", () => {
  it("finds nothing between equal rulebooks", () => {
    expect(diffRules(compile([grant(51), voucher]), compile([grant(51), voucher]))).toEqual([]);
  });

  it("shows a lowered threshold as the condition's text before and after", () => {
    const [change, ...rest] = diffRules(compile([grant(51)]), compile([grant(40)]));
    expect(rest).toEqual([]);
    expect(change).toMatchObject({ ruleId: "grant", instrumentId: "demo-cluster-grant" });
    expect(change?.change).toBe("changed");
    expect(change?.conditions).toEqual([
      {
        condition: "members",
        change: "changed",
        before: "memberCount >= 51",
        after: "memberCount >= 40",
      },
    ]);
    // The reasons' {required} placeholders did not change, so neither did the texts.
    expect(change?.reasonsChanged).toBe(false);
  });

  it("lists added and removed rules with their whole condition tree", () => {
    const changes = diffRules(compile([grant(51)]), compile([grant(51), voucher]));
    expect(changes).toEqual([
      expect.objectContaining({
        ruleId: "voucher",
        change: "added",
        file: { after: "voucher.rule.json" },
        conditionText: ["all", '  in-silesia: region = "24"'],
      }),
    ]);
    const removed = diffRules(compile([grant(51), voucher]), compile([grant(51)]));
    expect(removed.map((c) => [c.ruleId, c.change])).toEqual([["voucher", "removed"]]);
  });

  it("reports changed metadata, added and removed conditions and a group's new kind", () => {
    const after = buildRuleFile({
      id: "grant",
      instrument: "demo-cluster-grant",
      weight: 20,
      validTo: "2027-12-31",
      conditions: {
        all: [
          {
            name: "needs",
            all: [
              {
                name: "needs-management",
                fact: "actorNeeds",
                path: "$.coordinator",
                operator: "contains",
                value: "cluster_management",
              },
            ],
          },
          { name: "kkk", fact: "kkkValidOnDate", operator: "equal", value: true },
        ],
      },
    });
    const [change] = diffRules(compile([grant(51)]), compile([after]));
    expect(change?.fields).toEqual([
      { field: "weight", before: "10", after: "20" },
      { field: "validTo", before: "(none)", after: "2027-12-31" },
    ]);
    expect(change?.conditions).toEqual([
      { condition: "members", change: "removed", before: "memberCount >= 51" },
      { condition: "needs", change: "changed", before: "any", after: "all" },
      { condition: "kkk", change: "added", after: "kkkValidOnDate = true" },
    ]);
    expect(change?.reasonsChanged).toBe(true);
  });
});
