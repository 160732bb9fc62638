import { describe, expect, it } from "vitest";
import { parsePath, resolvePath } from "./json-path.ts";

describe("parsePath", () => {
  it("accepts the documented subset and spells it canonically", () => {
    expect(parsePath("$")?.keys).toEqual([]);
    expect(parsePath("$.kkk.holds")).toMatchObject({
      keys: ["kkk", "holds"],
      canonical: "$.kkk.holds",
    });
    expect(parsePath("$['kkk'][\"holds\"]")?.canonical).toBe("$.kkk.holds");
    expect(parsePath("$.sectors[0]")).toMatchObject({
      keys: ["sectors", "0"],
      canonical: "$.sectors[0]",
    });
  });

  it.each([
    "",
    "kkk",
    "$..kkk",
    "$.*",
    "$.a[-1]",
    "$.a[0:2]",
    "$['a,b']",
    "$.a[?(@.b)]",
    "$.a b",
    "$.0",
  ])("rejects %j", (path) => {
    expect(parsePath(path)).toBeUndefined();
  });
});

describe("resolvePath", () => {
  it("reads nested properties and array items", () => {
    expect(resolvePath({ a: { b: [1, 2] } }, ["a", "b", "1"])).toBe(2);
  });

  it("returns undefined for a missing step, and follows only truthy values as jsonpath-plus does", () => {
    expect(resolvePath({ a: null }, ["a", "b"])).toBeUndefined();
    expect(resolvePath({ a: "" }, ["a", "length"])).toBeUndefined();
    expect(resolvePath({ a: "abc" }, ["a", "length"])).toBe(3);
  });

  it("returns a non-object fact value unchanged, as json-rules-engine's almanac does", () => {
    expect(resolvePath(5, ["a"])).toBe(5);
    expect(resolvePath(null, ["a"])).toBeNull();
  });
});
