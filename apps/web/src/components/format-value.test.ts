import { describe, expect, it } from "vitest";
import { setLanguage } from "../i18n/index.ts";
import { formatValue } from "./format-value.ts";

describe("formatValue", () => {
  it("says 'no answer' only for an unanswered question, and 'none' for an answer of none", () => {
    setLanguage("pl");
    expect(formatValue(undefined)).toBe("brak odpowiedzi");
    // actorNeeds of an actor type that reported no needs is null: the user did answer.
    expect(formatValue(null)).toBe("brak");
    expect(formatValue([])).toBe("brak");
    setLanguage("en");
    expect(formatValue(null)).toBe("none");
    expect(formatValue(undefined)).toBe("no answer");
  });

  it("writes codes as labels and lists joined", () => {
    setLanguage("en");
    expect(formatValue(["cluster_management", "internationalisation"])).toBe(
      "Cluster management and coordinator capacity, Internationalisation and export",
    );
    expect(formatValue("open")).toBe("Open");
  });
});
