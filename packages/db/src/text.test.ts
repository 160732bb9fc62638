import { describe, expect, it } from "vitest";
import { canonicalJson, foldText, slugify } from "./text.ts";

describe("foldText", () => {
  it("lower-cases and strips every Polish diacritic, including ł which has no decomposition", () => {
    expect(foldText("ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż")).toBe("acelnoszz acelnoszz");
  });
});

describe("slugify", () => {
  it("makes a kebab-case slug of a Polish name", () => {
    expect(slugify("  Śląski Klaster Lotniczy – Łódź!! ")).toBe("slaski-klaster-lotniczy-lodz");
  });

  it("falls back to 'cluster' when nothing usable is left", () => {
    expect(slugify("—!?")).toBe("cluster");
  });

  it("keeps slugs to 60 characters without a trailing hyphen", () => {
    const slug = slugify(`${"a".repeat(59)} b`);
    expect(slug).toBe("a".repeat(59));
  });
});

describe("canonicalJson", () => {
  it("gives the same text for objects whose keys come in another order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe(
      canonicalJson({ a: { d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
  });
});
