import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { issuesFromZod } from "../errors.ts";
import { MAX_COMBINING_MARKS, searchTextSchema, textSchema, UrlSchema } from "./primitives.ts";

const name = textSchema(200);

function refusal(value: string, language: "pl" | "en" = "en", schema = name) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  return issuesFromZod(result.error, language);
}

describe("textSchema", () => {
  it("trims and normalises to NFC, so text that looks the same is stored the same", () => {
    // "ó" written as o + combining acute (NFD) and as one character (NFC).
    expect(name.parse("  Klaster Zło\u0301ty  ")).toBe("Klaster Złóty");
    expect(name.parse("Klaster Złóty")).toBe("Klaster Złóty");
  });

  it("keeps ordinary Polish, other scripts, emoji and a few stacked marks", () => {
    for (const text of [
      "Klaster Odrzański „Źródło” – sp. z o.o.",
      "Кластер Україна",
      "クラスター",
      "Klaster 👩‍🔬 Nauki",
      "Việt Nam",
      `a${"\u0301".repeat(MAX_COMBINING_MARKS)}`,
    ])
      expect(name.safeParse(text).success, text).toBe(true);
  });

  it("refuses a lone surrogate as ill-formed Unicode before any other check", () => {
    for (const text of ["\uD800", "Klaster \uDC00", "x\uD83D"]) {
      const issues = refusal(text);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ code: "INVALID_FORMAT", expected: "text" });
      expect(issues[0]?.message).toMatch(/not well-formed Unicode/);
    }
  });

  it("refuses every bidirectional control, naming them", () => {
    for (const control of [
      "\u202A",
      "\u202B",
      "\u202C",
      "\u202D",
      "\u202E",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u200E",
      "\u200F",
      "\u061C",
    ]) {
      const issues = refusal(`Klaster ${control}txt.exe`);
      expect(issues[0]?.message, control.codePointAt(0)!.toString(16)).toMatch(/bidirectional/);
      expect(issues[0]?.message).toContain("U+202A-U+202E");
    }
  });

  it("refuses text with nothing visible: zero-width characters, fillers, spaces", () => {
    for (const text of [
      "\u200B",
      "\u200B\u200C\u200D",
      "\u2060",
      "\u00AD",
      "\u3164",
      "\u115F\u1160",
      " \u200B ",
    ]) {
      const issues = refusal(text);
      expect(issues[0]?.message, JSON.stringify(text)).toMatch(/visible characters/);
    }
    // Spaces and a byte-order mark trim to nothing: too short.
    expect(refusal("   ").map((issue) => issue.code)).toEqual(["TOO_SMALL"]);
    expect(refusal("\uFEFF")[0]?.code).toBe("TOO_SMALL");
  });

  it(`refuses more than ${MAX_COMBINING_MARKS} combining marks on one character ("Zalgo" text)`, () => {
    for (const text of [
      `a${"\u0301".repeat(MAX_COMBINING_MARKS + 1)}`,
      `Klaster Z${"\u0300\u0301\u0302\u0303\u0304".repeat(10)}`,
      "\u0301".repeat(199),
      // Composed by NFC into "ó" and four marks, still five marks on one "o".
      `o${"\u0301".repeat(MAX_COMBINING_MARKS + 1)}`,
    ]) {
      expect(refusal(text)[0]?.message).toMatch(/combining marks/);
    }
  });

  it("refuses control characters", () => {
    expect(refusal("a\u0000b")[0]?.message).toBe("must not contain control characters");
  });

  it("words every refusal in Polish too", () => {
    expect(refusal("\u202Ex", "pl")[0]?.message).toMatch(/kierunkiem tekstu/);
    expect(refusal("\u200B", "pl")[0]?.message).toMatch(/widoczne znaki/);
    expect(refusal("\uD800", "pl")[0]?.message).toMatch(/surogatów/);
    expect(refusal(`a${"\u0301".repeat(9)}`, "pl")[0]?.message).toMatch(/diakrytyczne/);
  });

  it("gives every string either a refusal or well-formed NFC text without bidi controls", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        const result = name.safeParse(text);
        if (!result.success) return;
        const value = result.data;
        expect(value).toBe(value.normalize("NFC"));
        expect(/\p{Cs}/u.test(value)).toBe(false);
        expect(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(value)).toBe(false);
        expect(value.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("searchTextSchema", () => {
  it("allows an empty search but applies the rest of the rule", () => {
    const search = searchTextSchema(200);
    expect(search.parse("  ")).toBe("");
    expect(search.parse("zło\u0301ty")).toBe("złóty");
    expect(search.safeParse("\u202E").success).toBe(false);
    expect(search.safeParse("\uD800").success).toBe(false);
  });
});

describe("UrlSchema", () => {
  it("refuses a lone surrogate, a control character or a bidi control in a url", () => {
    for (const url of ["https://x.pl/\uD800", "https://x.pl/a\u0000", "https://x.pl/\u202Eexe"])
      expect(UrlSchema.safeParse(url).success, JSON.stringify(url)).toBe(false);
    expect(UrlSchema.parse("https://łódź.pl/klaster")).toBe("https://łódź.pl/klaster");
  });
});
