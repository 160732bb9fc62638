import { describe, expect, it } from "vitest";
import { FACT_CATALOGUE, factDefinition } from "../fact-catalogue.ts";
import { conditionText, oneOfText, questionText, requirementText } from "./condition-text.ts";
import { formatDate, formatMonthRange } from "./dates.ts";
import { formatValue, joinWords } from "./format-value.ts";
import { formatCount, UNITS } from "./plural.ts";

const age = factDefinition("clusterAgeYears");
const members = factDefinition("memberCount");

describe("formatCount", () => {
  it("puts Polish nouns in agreement with their numbers", () => {
    expect([1, 2, 4, 5, 12, 22, 25].map((n) => formatCount(n, UNITS.years, "pl"))).toEqual([
      "1 rok",
      "2 lata",
      "4 lata",
      "5 lat",
      "12 lat",
      "22 lata",
      "25 lat",
    ]);
    expect(formatCount(1.5, UNITS.years, "pl")).toBe("1,5 roku");
    expect(formatCount(51, UNITS.members, "pl")).toBe("51 członków");
  });

  it("says one year and two years in English", () => {
    expect(formatCount(1, UNITS.years, "en")).toBe("1 year");
    expect(formatCount(2, UNITS.years, "en")).toBe("2 years");
  });
});

describe("formatValue", () => {
  it("tells an answer not given from an answer of none", () => {
    expect(formatValue(undefined, "pl")).toBe("brak odpowiedzi");
    expect(formatValue(null, "pl")).toBe("brak");
    expect(formatValue([], "en")).toBe("none");
  });

  it("writes codes as their labels and joins lists with 'and' or 'or'", () => {
    const spec = { type: "string[]" as const, vocabulary: "actorTypes" as const };
    expect(formatValue(["sme", "other"], "pl", spec)).toBe(
      "MŚP (mikro, małe i średnie przedsiębiorstwa) i Inni członkowie",
    );
    expect(
      formatValue(
        ["14", "06", "18"],
        "en",
        { type: "string[]", vocabulary: "regions" },
        { join: "or" },
      ),
    ).toMatch(/, or /);
  });

  it("writes numbers with their unit and percentages without a space", () => {
    expect(formatValue(2, "pl", age)).toBe("2 lata");
    expect(formatValue(40, "pl", { type: "number", unit: UNITS.percent })).toBe("40%");
    // Polish groups thousands with a no-break space.
    expect(formatValue(500000, "pl", { type: "number", unit: UNITS.pln })).toBe("500\u00a0000 zł");
  });

  it("writes dates as dates", () => {
    expect(formatValue("2025-12-17", "pl", { type: "date" })).toBe("17.12.2025");
    expect(formatDate("2025-12-17", "en")).toBe("17 December 2025");
    expect(formatMonthRange("2027-01-01", "2027-03-31", "pl")).toBe("styczeń–marzec 2027");
  });

  it("joins two items without a comma and three with one", () => {
    expect(joinWords(["A", "B"], "en", "or")).toBe("A or B");
    expect(joinWords(["A", "B", "C"], "pl", "and")).toBe("A, B i C");
  });
});

describe("conditionText", () => {
  it("says a failed threshold with the cluster's value and the requirement, units agreeing", () => {
    const facts = {
      spec: age,
      label: age!.label,
      operator: "greaterThanInclusive",
      actual: 2,
      required: 3,
    };
    expect(conditionText(facts, "fail", "pl")).toBe(
      "Wiek klastra (pełne lata): 2 lata; wymagane co najmniej 3 lata",
    );
    expect(conditionText({ ...facts, actual: 5 }, "pass", "en")).toBe(
      "Cluster age (full years): 5 years (at least 3 years required)",
    );
  });

  it("reads a boolean fact as the catalogue's sentence", () => {
    const kkk = factDefinition("kkkValidOnDate");
    const facts = {
      spec: kkk,
      label: kkk!.label,
      operator: "equal",
      actual: false,
      required: true,
    };
    expect(conditionText(facts, "fail", "pl")).toBe("Klaster nie ma ważnego statusu KKK");
    expect(requirementText(facts, "en")).toBe("The cluster holds valid KKK status");
  });

  it("uses a rule's own template when given, with the same placeholders", () => {
    const facts = {
      spec: members,
      label: members!.label,
      operator: "greaterThanInclusive",
      actual: 30,
      required: 51,
    };
    const own = {
      pl: "KKK (runda V): wymagane co najmniej {required}, klaster ma {actual}",
      en: "x",
    };
    expect(conditionText(facts, "fail", "pl", own)).toBe(
      "KKK (runda V): wymagane co najmniej 51 członków, klaster ma 30 członków",
    );
  });

  it("names an actor's need in words, not codes", () => {
    const needs = FACT_CATALOGUE.find((f) => f.name === "actorNeeds")?.properties?.sme;
    const facts = {
      spec: needs,
      label: needs!.label,
      operator: "contains",
      actual: null,
      required: "internationalisation",
    };
    expect(conditionText(facts, "pass", "en")).toBe(
      "Reported need – SMEs (micro, small and medium enterprises): Internationalisation and export",
    );
  });
});

describe("oneOfText and questionText", () => {
  it("says alternatives once each, joined by 'or' in words", () => {
    expect(oneOfText(["A", "B", "A"], "pl")).toBe("Jedno z: A; albo B");
    expect(oneOfText(["A"], "en")).toBe("A");
  });

  it("asks the catalogue's question, or asks for the label", () => {
    expect(questionText(age, age!.label, "pl")).toBe("Kiedy (rok i miesiąc) powstał klaster?");
    expect(questionText(undefined, { pl: "X", en: "X" }, "en")).toBe("Please give: X");
  });
});
