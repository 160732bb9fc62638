import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { protectCells, protectCount } from "./protect-cells.ts";

/** What subtraction gives back: the members of a group whose value a reader can pin down. */
function recoverable(
  shown: Map<string, number | string>,
  members: string[],
  total: string,
): string[] {
  const t = shown.get(total);
  if (typeof t !== "number") return [];
  const hidden = members.filter((m) => typeof shown.get(m) !== "number");
  const rest =
    t -
    members.reduce(
      (s, m) => s + (typeof shown.get(m) === "number" ? (shown.get(m) as number) : 0),
      0,
    );
  const range = (m: string): [number, number] => (shown.get(m) === "<3" ? [1, 2] : [3, Infinity]);
  return hidden.filter((m) => {
    const others = hidden.filter((o) => o !== m);
    const lo = Math.max(range(m)[0], rest - others.reduce((s, o) => s + range(o)[1], 0));
    const hi = Math.min(range(m)[1], rest - others.reduce((s, o) => s + range(o)[0], 0));
    return lo === hi;
  });
}

describe("protectCells", () => {
  it("shows 1 and 2 as <3, and none and counts of 3 and more as they are", () => {
    expect(protectCount(0)).toBe(0);
    expect(protectCount(1)).toBe("<3");
    expect(protectCount(2)).toBe("<3");
    expect(protectCount(3)).toBe(3);
  });

  it("hides a second cell when the total would give a lone small cell back", () => {
    const out = protectCells(
      new Map([
        ["a", 5],
        ["b", 1],
        ["c", 9],
        ["t", 15],
      ]),
      [{ members: ["a", "b", "c"], total: "t" }],
    );
    expect(out.get("b")).toBe("<3");
    expect(out.get("a")).toBe("x");
    expect(out.get("c")).toBe(9);
    expect(out.get("t")).toBe(15);
  });

  it("never lets subtraction recover a hidden cell, whatever the counts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 16 }),
        (values) => {
          const members = values.map((_, i) => `m${i}`);
          const counts = new Map<string, number>(values.map((v, i) => [`m${i}`, v]));
          counts.set(
            "t",
            values.reduce((s, v) => s + v, 0),
          );
          const out = protectCells(counts, [{ members, total: "t" }]);
          expect(recoverable(out, members, "t")).toEqual([]);
          for (const [key, value] of out)
            if (typeof value === "number") expect(value).toBe(counts.get(key));
        },
      ),
    );
  });
});
