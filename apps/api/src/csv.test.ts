import { describe, expect, it } from "vitest";
import { csvCell, toCsv, wantsCsv } from "./csv.ts";

describe("csvCell", () => {
  it("quotes fields with commas, quotes and line breaks, doubling quotes", () => {
    expect(csvCell('Klaster "Wschód", sp. z o.o.')).toBe('"Klaster ""Wschód"", sp. z o.o."');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
  });

  it("prefixes cells that a spreadsheet would run as a formula with an apostrophe", () => {
    for (const hostile of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd"]) {
      expect(csvCell(hostile).replace(/^"/, "")).toMatch(/^'/);
    }
  });

  it("keeps numbers as numbers, including negative ones, and leaves empty cells for null", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
    expect(csvCell(true)).toBe("true");
  });
});

describe("toCsv", () => {
  it("writes a header and CRLF-terminated rows", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x", 1],
          ["y,z", 2],
        ],
      ),
    ).toBe('a,b\r\nx,1\r\n"y,z",2\r\n');
  });
});

describe("wantsCsv", () => {
  it("accepts text/csv among other media types and with parameters", () => {
    expect(wantsCsv("application/json, text/csv;q=0.9")).toBe(true);
    expect(wantsCsv("application/json")).toBe(false);
    expect(wantsCsv(undefined)).toBe(false);
  });
});
