import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, toCsv, UTF8_BOM } from "@klastry/domain";
import { wantsCsv } from "./csv.ts";

/** What a spreadsheet runs as a formula when a cell starts with it. */
const FORMULA = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A spreadsheet's CSV reader: `delimiter` splits, a quote opens a field only at its start. */
function parseCsv(text: string, delimiter: "," | ";"): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && atStart) {
      quoted = true;
      atStart = false;
    } else if (char === delimiter) {
      row.push(field);
      field = "";
      atStart = true;
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      atStart = true;
      i += 1;
    } else {
      field += char;
      atStart = false;
    }
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Every piece a reader that ignores quotes sees: split on the delimiter and on line breaks. */
function naivePieces(text: string, delimiter: "," | ";"): string[] {
  return text.split(/\r\n|\r|\n/).flatMap((line) => line.split(delimiter));
}

/** Whether a spreadsheet would run `field` (leading spaces and quotes do not protect it). */
function startsFormula(field: string): boolean {
  return FORMULA.test(field.replace(/^[\s"]+/, ""));
}

function body(csv: string): string {
  expect(csv.startsWith(UTF8_BOM)).toBe(true);
  return csv.slice(UTF8_BOM.length);
}

describe("csvCell", () => {
  it("quotes fields with commas, semicolons, quotes and line breaks, doubling quotes", () => {
    expect(csvCell('Klaster "Wschód", sp. z o.o.')).toBe('"Klaster ""Wschód"", sp. z o.o."');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("Klaster; Łódź")).toBe('"Klaster; Łódź"');
  });

  it("prefixes cells that a spreadsheet would run as a formula with an apostrophe", () => {
    for (const hostile of [
      '=HYPERLINK("http://x")',
      "+1+1",
      "-2+3",
      "@SUM(A1)",
      "\tcmd",
      "＝1+1",
    ]) {
      expect(csvCell(hostile).replace(/^"/, "")).toMatch(/^'/);
    }
  });

  it("neutralises a formula after a semicolon, where Polish Excel starts a new cell", () => {
    expect(csvCell("Klaster;=1+2;@SUM(1+1)")).toBe(`"Klaster;'=1+2;'@SUM(1+1)"`);
    expect(csvCell("x;=cmd|' /C calc'!A0")).toBe(`"x;'=cmd|' /C calc'!A0"`);
    expect(csvCell('a; "=1+2')).toBe(`"a; ""'=1+2"`);
  });

  it("keeps numbers as numbers, including negative ones, and leaves empty cells for null", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
    expect(csvCell(true)).toBe("true");
  });
});

describe("toCsv", () => {
  it("writes a byte-order mark, a header and CRLF-terminated rows", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x", 1],
          ["y,z", 2],
        ],
      ),
    ).toBe('\uFEFFa,b\r\nx,1\r\n"y,z",2\r\n');
  });

  it("keeps the rows and cells of the issue's attack apart under a comma split and starts no formula under either split", () => {
    const cells = ["Klaster;=1+2;@SUM(1+1)", "x;=cmd|' /C calc'!A0", "=1+1", "ok"];
    const text = body(toCsv(["name", "note"], [cells.slice(0, 2), cells.slice(2)]));
    const byComma = parseCsv(text, ",");
    expect(byComma.map((row) => row.length)).toEqual([2, 2, 2]);
    for (const delimiter of [",", ";"] as const) {
      for (const field of parseCsv(text, delimiter).flat())
        expect(startsFormula(field), `${delimiter}: ${field}`).toBe(false);
      for (const piece of naivePieces(text, delimiter))
        expect(startsFormula(piece), `${delimiter} naive: ${piece}`).toBe(false);
    }
  });

  it("starts no formula for any text, however the file is split, and keeps every row's cells apart", () => {
    const hostileChar = fc.constantFrom(..."=+-@,;\"'\t\r\n |!()A1 ", "\uFF1D", "\uFF20", "ł");
    const text = fc.string({ unit: hostileChar, maxLength: 16 });
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        (rows) => {
          const csv = body(toCsv(["a", "b", "c"], rows));
          const byComma = parseCsv(csv, ",");
          expect(byComma).toHaveLength(rows.length + 1);
          expect(byComma.every((row) => row.length === 3)).toBe(true);
          for (const delimiter of [",", ";"] as const) {
            for (const field of parseCsv(csv, delimiter).flat())
              expect(startsFormula(field), `${delimiter}: ${JSON.stringify(field)}`).toBe(false);
            for (const piece of naivePieces(csv, delimiter))
              expect(startsFormula(piece), `${delimiter}: ${JSON.stringify(piece)}`).toBe(false);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("wantsCsv", () => {
  it("accepts text/csv among other media types and with parameters", () => {
    expect(wantsCsv("application/json, text/csv;q=0.9")).toBe(true);
    expect(wantsCsv("application/json")).toBe(false);
    expect(wantsCsv(undefined)).toBe(false);
  });
});
