import { buildInstrument } from "@klastry/domain/testing";
import { describe, expect, it } from "vitest";
import { compileRulebook } from "./compile-rulebook.ts";
import { loadRulebook } from "./load-rulebook.ts";
import {
  reviewRule,
  reviewRulebook,
  type ReviewedGroup,
  type ReviewedLeaf,
} from "./review-rule.ts";
import { buildRuleFile, FIXTURE_RULES_DIR, fixtureKnowledge } from "./testing/index.ts";

const rulebook = loadRulebook({
  dir: FIXTURE_RULES_DIR,
  knowledge: fixtureKnowledge(),
  today: "2025-03-01",
});
const grant = rulebook.rules.find((rule) => rule.id === "demo-cluster-grant");
if (!grant) throw new Error("fixture rule demo-cluster-grant is missing");

const leaves = (node: ReviewedGroup | ReviewedLeaf): ReviewedLeaf[] =>
  node.kind === "leaf" ? [node] : node.children.flatMap(leaves);

describe("reviewRule", () => {
  it("lists the facts a rule reads once each, with their catalogue labels and the answer that makes them known", () => {
    const review = reviewRule(grant, "en");
    expect(review.facts).toEqual([
      {
        fact: "actorNeeds",
        path: "$.coordinator",
        label: "Needs: Cluster coordinator",
        field: "needs",
      },
      {
        fact: "kkkValidOnDate",
        label: "KKK status valid on the evaluation date",
        field: "cluster.kkk",
      },
      {
        fact: "cluster",
        path: "$.supraRegionalGrowthCluster",
        label: "Supra-regional growth cluster",
        field: "cluster.supraRegionalGrowthCluster",
      },
      { fact: "memberCount", label: "Cluster members", field: "profile.members" },
    ]);
  });

  it("keeps the condition tree and says each threshold in words with its unit", () => {
    const review = reviewRule(grant, "pl");
    expect(review.conditions).toMatchObject({ kind: "all" });
    const group = (review.conditions as ReviewedGroup).children[1];
    expect(group).toMatchObject({ kind: "any", name: "kkk-or-growth" });
    const members = leaves(review.conditions).find((leaf) => leaf.name === "enough-members");
    expect(members).toMatchObject({
      fact: "memberCount",
      operator: "greaterThanInclusive",
      value: 15,
      requirement: "Członkowie klastra: co najmniej 15 członków",
      lever: "actionable",
      ownTexts: {
        pass: "Klaster ma {actual} (wymagane co najmniej {required})",
        fail: "Wymaga co najmniej {required}, klaster ma {actual}",
      },
    });
  });

  it("says what the cluster can do about each condition and what it is asked when the answer is missing", () => {
    const all = leaves(reviewRule(grant, "en").conditions);
    const kkk = all.find((leaf) => leaf.name === "kkk-valid");
    // The rule file's own question wins over the catalogue's.
    expect(kkk).toMatchObject({
      lever: "actionable",
      obtainable: true,
      question: "Does the cluster hold National Key Cluster status, and until when?",
      requirement: "The cluster holds valid KKK status",
    });
    expect(all.find((leaf) => leaf.name === "coordinator-applies")?.lever).toBe("need");
  });

  it("reads a seat condition as fixed and lists a region code by its name", () => {
    const instruments = [buildInstrument({ id: "test-instrument" })];
    const book = compileRulebook(
      [
        buildRuleFile({
          conditions: {
            all: [{ name: "seat", fact: "region", operator: "in", value: ["06", "18"] }],
          },
        }),
      ],
      { instruments },
      { today: "2025-03-01" },
    );
    const [review] = reviewRulebook(book, "pl");
    expect(leaves(review!.conditions)[0]).toMatchObject({
      lever: "fixed",
      requirement: "Województwo: lubelskie lub podkarpackie",
    });
  });
});
