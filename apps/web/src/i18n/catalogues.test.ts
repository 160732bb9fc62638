import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { pl } from "./pl.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("translation catalogues", () => {
  it("have exactly the same keys in Polish and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort());
  });

  it("have no empty message", () => {
    for (const [key, text] of [...Object.entries(pl), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe("");
    }
  });

  it("use the same {placeholders} in both languages", () => {
    for (const key of Object.keys(pl) as (keyof typeof pl)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(pl[key]));
    }
  });
});
