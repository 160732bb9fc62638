import type { Round } from "@klastry/domain";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../problems/api-error.ts";
import { readInvitationCsv } from "./invitation-import.ts";

const round = (region: Round["region"]): Round => ({
  id: "00000000-0000-4000-8000-000000000001",
  title: "Runda",
  periodStart: "2026-01-01",
  periodEnd: "2026-12-31",
  scope: region === null ? "national" : "regional",
  region,
  questionnaireVersion: "wizard-1",
  status: "open",
  owner: "admin",
  createdAt: "2026-01-01T00:00:00.000Z",
  closedAt: null,
});

function problems(text: string, r = round(null), language: "pl" | "en" = "en"): string[] {
  try {
    readInvitationCsv(text, r, language);
  } catch (error) {
    if (error instanceof ApiError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}

describe("readInvitationCsv", () => {
  it("reads commas or semicolons, quoted names, a BOM, empty contacts and blank lines", () => {
    const lines = readInvitationCsv(
      '\uFEFFname;region;contact\r\n"Klaster ""Alfa""; Łódź";10;a@example.org\r\n\r\nKlaster Beta;2;\r\n',
      round(null),
    );
    expect(lines).toEqual([
      { clusterName: 'Klaster "Alfa"; Łódź', region: "10", contact: "a@example.org" },
      { clusterName: "Klaster Beta", region: "02", contact: null },
    ]);
  });

  it("names every bad line with its column and what is allowed", () => {
    expect(problems("name,region\nA,99\n,14\nB,14,extra\nA,99\nC,14\nC,14\n")).toEqual([
      'line 2.region: "99" is not a voivodeship\'s TERYT code',
      "line 3.name: the cluster's name is missing",
      'line 4.line: has 3 fields; the header has 2 (name,region); quote a name that contains ","',
      'line 5.region: "99" is not a voivodeship\'s TERYT code',
      "line 7.name: the same cluster as line 6 (same name and region); list each cluster once",
    ]);
  });

  it("asks for the header line, and keeps a regional round to its region", () => {
    expect(problems("Klaster A,14\n")[0]).toMatch(/^line 1.header/);
    expect(problems("name,region\nKlaster A,14\n", round("10"))).toEqual([
      "line 2.region: this round covers region 10 (Lodz) only",
    ]);
    expect(problems("name,region,contact\n")).toEqual([
      "line 2.line: the list has no cluster; add one line per cluster under the header",
    ]);
  });

  it("says every problem in Polish when asked (the page's language)", () => {
    expect(problems("name,region\nA,99\n,14\nA,14\nA,14\n", round("14"), "pl")).toEqual([
      "line 2.region: „99” nie jest kodem TERYT województwa",
      "line 3.name: brak nazwy klastra",
      "line 5.name: ten sam klaster co w wierszu 4 (ta sama nazwa i województwo); każdy klaster tylko raz",
    ]);
    expect(problems("name,region\nKlaster A,10\n", round("14"), "pl")).toEqual([
      "line 2.region: ta runda obejmuje tylko województwo mazowieckie (14)",
    ]);
    expect(problems("name,region\nA,14\n" + "\u0007,14\n", round(null), "pl")[0]).not.toMatch(
      /is not|must/,
    );
  });
});
