/**
 * Differential test: compiled closures against json-rules-engine 7 itself, on fast-check
 * generated facts and rules covering every operator, nested all/any/not, paths, fact-to-fact
 * comparisons, params and type mismatches. json-rules-engine is two-valued, so on every input
 * we compare its verdict and per-leaf results with our leaves' `raw` booleans, and where every
 * leaf is known also our three-valued verdict. `unknown` is checked separately for soundness.
 */
import fc from "fast-check";
import { Engine, type RuleResult } from "json-rules-engine";
import { describe, expect, it } from "vitest";
import { OPERATORS } from "@klastry/domain";
import {
  compileCondition,
  createFrame,
  rawVerdict,
  TRUE,
  UNKNOWN,
  type CompiledNode,
  type Frame,
} from "./compile-condition.ts";
import { compileFastCondition, factSlots } from "./compile-fast.ts";
import { factValuesOf } from "./derive-facts.ts";
import { operatorWouldThrow } from "./operators.ts";
import type { Condition } from "./rule-file.ts";

const FACTS = ["num", "str", "list", "obj", "flag", "nil", "any1", "any2"] as const;
const PATHS = [
  "$",
  "$.a",
  "$.b",
  "$.a.b",
  "$.a[0]",
  "$['b']",
  "$[0]",
  "$[1]",
  "$.a.a",
  "$.c",
  "$.length",
  "$.a.length",
  '$["a"]["b"]',
];

const scalar = fc.oneof(
  fc.integer({ min: -3, max: 20 }),
  fc.constantFrom(0, -0, 1.5, 15, 2024, Number.POSITIVE_INFINITY, Number.NaN),
  fc.constantFrom(
    "a",
    "b",
    "ab",
    "",
    "10",
    "15",
    " 7",
    "1e1",
    "abc",
    "2024-01-01",
    "2025-06-30",
    "Infinity",
    "undefined",
  ),
  fc.boolean(),
  fc.constant(null),
);
const { value: anyValue } = fc.letrec<{ value: unknown; object: Record<string, unknown> }>(
  (tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      scalar,
      fc.array(tie("value"), { maxLength: 3 }),
      tie("object"),
    ),
    object: fc.record(
      { a: tie("value"), b: tie("value"), c: scalar, length: fc.integer({ min: 0, max: 3 }) },
      { requiredKeys: [], noNullPrototype: true },
    ),
  }),
);

/** Facts keyed by FACTS; each typed loosely so mismatches happen often. */
const factsArb = fc.record(
  {
    num: fc.oneof(fc.integer({ min: -5, max: 30 }), anyValue),
    str: fc.oneof(fc.constantFrom("a", "b", "10", "2024-01-01"), anyValue),
    list: fc.oneof(fc.array(scalar, { maxLength: 4 }), anyValue),
    obj: fc.oneof(
      fc.record({ a: anyValue, b: anyValue }, { requiredKeys: [], noNullPrototype: true }),
      anyValue,
    ),
    flag: fc.oneof(fc.boolean(), anyValue),
    nil: fc.constant(null),
    any1: anyValue,
    any2: anyValue,
  },
  { noNullPrototype: true },
);

/** Paths of the supported subset in every spelling: `.a`, `['a']`, `["a"]`, `[0]`. */
const segmentArb = fc.oneof(
  fc
    .constantFrom("a", "b", "c", "length", "x")
    .chain((name) => fc.constantFrom(`.${name}`, `['${name}']`, `["${name}"]`)),
  fc.constantFrom("[0]", "[1]", "[2]"),
);
const generatedPathArb = fc
  .array(segmentArb, { minLength: 0, maxLength: 3 })
  .map((segments) => `$${segments.join("")}`);
const pathArb = fc.option(fc.oneof(fc.constantFrom(...PATHS), generatedPathArb), {
  nil: undefined,
  freq: 2,
});
const factNameArb = fc.constantFrom(...FACTS);
const valueArb = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  {
    weight: 2,
    arbitrary: fc.record(
      { fact: factNameArb, path: pathArb },
      { requiredKeys: ["fact"], noNullPrototype: true },
    ),
  },
);

/** `in`/`notIn` mostly get a list or a string (json-rules-engine throws on anything else). */
const listValueArb = fc.oneof(
  { weight: 6, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 2, arbitrary: fc.constantFrom("a", "ab", "10", "") },
  {
    weight: 2,
    arbitrary: fc.record(
      { fact: fc.constantFrom("list", "str", "any1"), path: pathArb },
      { requiredKeys: ["fact"], noNullPrototype: true },
    ),
  },
  { weight: 1, arbitrary: scalar },
);

const leafArb = fc.constantFrom(...OPERATORS).chain((operator) =>
  fc.record(
    {
      fact: factNameArb,
      path: pathArb,
      params: fc.constant({ instrument: "some-instrument" }),
      operator: fc.constant(operator),
      value: operator === "in" || operator === "notIn" ? listValueArb : valueArb,
    },
    { requiredKeys: ["fact", "operator", "value"], noNullPrototype: true },
  ),
);

const conditionArb = (depth: number): fc.Arbitrary<Condition> => {
  if (depth === 0) return leafArb;
  const child = fc.oneof(
    { weight: 3, arbitrary: leafArb },
    { weight: 2, arbitrary: conditionArb(depth - 1) },
  );
  return fc.oneof(
    fc.record({ all: fc.array(child, { minLength: 0, maxLength: 4 }) }, { noNullPrototype: true }),
    fc.record({ any: fc.array(child, { minLength: 0, maxLength: 4 }) }, { noNullPrototype: true }),
    fc.record({ not: child }, { noNullPrototype: true }),
  );
};
const ruleArb = fc.integer({ min: 1, max: 4 }).chain((depth) => conditionArb(depth));

/** Gives every condition a unique name, as rule files must. */
function named(condition: Condition): Condition {
  let n = 0;
  const visit = (c: Condition): Condition => {
    const name = `c${n++}`;
    if ("fact" in c) return { ...c, name };
    if ("not" in c) return { name, not: visit(c.not) };
    if ("all" in c) return { name, all: c.all.map(visit) };
    return { name, any: c.any.map(visit) };
  };
  return visit(condition);
}

interface JreNode {
  all?: JreNode[];
  any?: JreNode[];
  not?: JreNode;
  result?: boolean;
  factResult?: unknown;
  valueResult?: unknown;
}

/** Compares every leaf's result and values with json-rules-engine's result tree. */
function compareLeaves(node: CompiledNode, jre: JreNode, frame: Frame): void {
  if (node.kind === "leaf") {
    expect({ leaf: node.name, result: frame.raw[node.index] === 1 }).toEqual({
      leaf: node.name,
      result: jre.result,
    });
    expect(
      Object.is(frame.actual[node.index], jre.factResult) || Number.isNaN(jre.factResult as number),
    ).toBe(true);
    expect(frame.required[node.index]).toEqual(jre.valueResult);
    return;
  }
  const children =
    node.kind === "not" ? [jre.not as JreNode] : ((node.kind === "all" ? jre.all : jre.any) ?? []);
  node.children.forEach((child, i) => compareLeaves(child, children[i] as JreNode, frame));
}

/** json-rules-engine throws only where `in`/`notIn` meet a value without `indexOf`. */
function someLeafWouldThrow(node: CompiledNode, frame: Frame): boolean {
  if (node.kind !== "leaf") return node.children.some((c) => someLeafWouldThrow(c, frame));
  return operatorWouldThrow(node.operator, frame.required[node.index]);
}

function anyLeafUnknown(node: CompiledNode, frame: Frame): boolean {
  return node.kind === "leaf"
    ? frame.outcome[node.index] === UNKNOWN
    : node.children.some((c) => anyLeafUnknown(c, frame));
}

const engine = new Engine([], { allowUndefinedFacts: true });

async function runJre(
  condition: Condition,
  facts: Record<string, unknown>,
): Promise<{ success: boolean; result: RuleResult } | "threw"> {
  engine.addRule({ conditions: condition as never, event: { type: "match" }, name: "rule" });
  try {
    const { results, failureResults } = await engine.run(facts);
    const result = (results[0] ?? failureResults[0]) as RuleResult;
    return { success: results.length === 1, result };
  } catch {
    return "threw";
  } finally {
    engine.removeRule("rule");
  }
}

const stats = { runs: 0, allKnown: 0, someUnknown: 0, jreThrew: 0, passed: 0 };

describe("compiled conditions vs json-rules-engine (differential)", () => {
  it("agree on the verdict and on every leaf's result for generated rules and facts", async () => {
    await fc.assert(
      fc.asyncProperty(ruleArb, factsArb, async (raw, facts) => {
        const condition = named(raw);
        const { root, nodeCount } = compileCondition(condition);
        const frame = createFrame(nodeCount, factValuesOf(facts));
        const outcome = root.evaluate(frame);
        // The short-circuiting closures of the verdict path must reach the same three-valued outcome.
        const fast = compileFastCondition(condition);
        expect(fast(factSlots(frame.facts), frame.facts)).toBe(outcome);
        const jre = await runJre(condition, facts);
        stats.runs++;
        if (jre === "threw") {
          // json-rules-engine throws a TypeError when `in`/`notIn` meets a value without indexOf
          // (only reachable through fact-to-fact values here); we fail that leaf instead.
          stats.jreThrew++;
          expect(someLeafWouldThrow(root, frame)).toBe(true);
          return;
        }
        expect(rawVerdict(root, frame)).toBe(jre.success);
        compareLeaves(root, jre.result.conditions as JreNode, frame);
        if (anyLeafUnknown(root, frame)) {
          stats.someUnknown++;
        } else {
          stats.allKnown++;
          expect(outcome === TRUE).toBe(jre.success);
          expect(outcome).not.toBe(UNKNOWN);
        }
        if (jre.success) stats.passed++;
      }),
      { numRuns: 12_000, seed: 20261129 },
    );
    console.info(`differential: ${JSON.stringify(stats)}`);
    // The generator must exercise both kinds of input and both verdicts, or the test proves little.
    expect(stats.allKnown).toBeGreaterThan(2_000);
    expect(stats.someUnknown).toBeGreaterThan(500);
    expect(stats.passed).toBeGreaterThan(1_000);
  }, 120_000);

  it("never decides a rule that a missing fact could still change (unknown is sound)", async () => {
    const missingArb = fc.subarray([...FACTS], { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(
        ruleArb,
        factsArb,
        missingArb,
        factsArb,
        async (raw, facts, missing, completion) => {
          const condition = named(raw);
          const partial: Record<string, unknown> = { ...facts };
          for (const name of missing) delete partial[name];
          const { root, nodeCount } = compileCondition(condition);
          const frame = createFrame(nodeCount, factValuesOf(partial));
          const outcome = root.evaluate(frame);
          if (outcome === UNKNOWN) return;
          // Whatever the missing facts turn out to be, json-rules-engine must agree with the decided verdict.
          const completed: Record<string, unknown> = { ...partial };
          for (const name of missing) completed[name] = completion[name];
          const jre = await runJre(condition, completed);
          if (jre === "threw") return;
          expect(outcome === TRUE).toBe(jre.success);
        },
      ),
      { numRuns: 2_000, seed: 7 },
    );
  }, 60_000);

  it("makes a leaf on a missing fact unknown, and an all-group of such leaves unknown, never eligible", () => {
    const condition: Condition = {
      all: [
        { name: "a", fact: "absent", operator: "equal", value: 1 },
        { name: "b", fact: "absent", path: "$.x", operator: "notEqual", value: null },
      ],
    };
    const { root, nodeCount } = compileCondition(condition);
    const frame = createFrame(nodeCount, factValuesOf({}));
    expect(root.evaluate(frame)).toBe(UNKNOWN);
    // json-rules-engine would pass "b" (undefined !== null); the raw result shows the difference.
    expect(frame.raw[2]).toBe(1);
    expect(frame.outcome[2]).toBe(UNKNOWN);
  });
});
