import { describe, expect, it } from "vitest";
import { availabilityOn, type Instrument, type IsoDate } from "@klastry/domain";
import {
  rawFundingSource,
  rawInstrument,
  rawPublicTaskRecord,
  TEST_SOURCE,
} from "@klastry/domain/testing";
import {
  checkCatalogue,
  formatCatalogueIssues,
  type CatalogueCheckOptions,
  type CatalogueIssue,
} from "./check-catalogue.ts";
import { loadKnowledgeBase } from "./load-knowledge-base.ts";
import { rawPublicTasks, writeKnowledgeFixture, type KnowledgeFixture } from "./testing/index.ts";
import { internalWordIn } from "./user-facing-text.ts";

const TODAY: IsoDate = "2026-12-02";
const SECONDARY = "https://example.org/a-consultancy-page";
const note = { pl: "notatka", en: "note" };

/** Writes a knowledge tree, loads it and checks it on `today`. */
function check(
  overrides: Partial<KnowledgeFixture>,
  today: IsoDate = TODAY,
  options?: CatalogueCheckOptions,
): CatalogueIssue[] {
  const dir = writeKnowledgeFixture(undefined, overrides);
  return checkCatalogue(loadKnowledgeBase({ dir }), today, options);
}

const codes = (issues: CatalogueIssue[]) => issues.map((i) => `${i.code} ${i.path}`);

describe("checkCatalogue", () => {
  it("finds nothing in a catalogue that keeps every rule", () => {
    expect(check({})).toEqual([]);
  });

  it("names the file, the path, the JSON pointer and the severity of an issue", () => {
    const issues = check({
      instruments: [
        rawInstrument({
          id: "old-plan",
          level: "eu",
          availability: {
            calls: [
              { opens: "2026-01-01", closes: "2026-03-31", precision: "quarter", planned: true },
            ],
          },
        }),
      ],
    });
    expect(issues).toEqual([
      expect.objectContaining({
        file: "instruments/eu/old-plan.yaml",
        path: "availability.calls[0].planned",
        pointer: "/availability/calls/0/planned",
        code: "PLANNED_WINDOW_PAST",
        severity: "error",
      }),
    ]);
    expect(formatCatalogueIssues(issues)).toMatch(
      /^error instruments\/eu\/old-plan\.yaml: availability\.calls\[0\]\.planned: the planned window 2026-01-01\.\.2026-03-31 is past on 2026-12-02/,
    );
  });
});

describe("checkCatalogue: open or available needs a dated basis", () => {
  const claiming = (status: "open" | "available") => (instrument: Instrument, date: IsoDate) => ({
    ...availabilityOn(instrument, date),
    status,
  });

  it("accepts open inside a day-exact window and available inside a dated offer", () => {
    const issues = check({
      instruments: [
        rawInstrument({
          id: "open-now",
          availability: { calls: [{ opens: "2026-11-01", closes: "2026-12-31" }] },
        }),
        rawInstrument({
          id: "offer-now",
          availability: {
            continuous: {
              confirmedOn: "2026-06-01",
              note,
              source: TEST_SOURCE.url,
              confidence: "M",
            },
          },
        }),
      ],
    });
    expect(issues).toEqual([]);
  });

  it("fails an open status that no day-exact, not weak window dates", () => {
    const issues = check(
      {
        instruments: [
          rawInstrument({ id: "undated", availability: { calls: [] } }),
          rawInstrument({
            id: "weak-window",
            availability: {
              calls: [{ opens: "2026-11-01", closes: "2026-12-31", confidence: "L" }],
            },
          }),
          rawInstrument({
            id: "month-window",
            availability: {
              calls: [{ opens: "2026-12-01", closes: "2026-12-31", precision: "month" }],
            },
          }),
        ],
      },
      TODAY,
      { derive: claiming("open") },
    );
    expect(codes(issues)).toEqual([
      "UNDATED_STATUS availability.calls",
      "UNDATED_STATUS availability.calls",
      "UNDATED_STATUS availability.calls",
    ]);
    expect(issues.map((i) => i.file).sort()).toEqual([
      "instruments/national/month-window.yaml",
      "instruments/national/undated.yaml",
      "instruments/national/weak-window.yaml",
    ]);
  });

  it("fails an available status without an offer dated to cover the day", () => {
    const issues = check(
      {
        instruments: [
          rawInstrument({
            id: "undated-offer",
            availability: { continuous: { note, source: TEST_SOURCE.url, confidence: "M" } },
          }),
          rawInstrument({
            id: "stale-offer",
            availability: {
              continuous: {
                confirmedOn: "2024-05-03",
                note,
                source: TEST_SOURCE.url,
                confidence: "M",
              },
            },
          }),
          rawInstrument({
            id: "offer-with-end-only",
            availability: {
              continuous: { until: "2029-12-31", note, source: TEST_SOURCE.url, confidence: "M" },
            },
          }),
        ],
      },
      TODAY,
      { derive: claiming("available") },
    );
    expect(codes(issues)).toEqual([
      "UNDATED_STATUS availability.continuous",
      "UNDATED_STATUS availability.continuous",
      "UNDATED_STATUS availability.continuous",
    ]);
  });
});

describe("checkCatalogue: high confidence rests on an official source", () => {
  it("fails a record graded H whose sources are all secondary", () => {
    const issues = check({
      instruments: [rawInstrument({ sources: [{ url: SECONDARY }], availability: { calls: [] } })],
    });
    expect(codes(issues)).toEqual(["HIGH_CONFIDENCE_WITHOUT_OFFICIAL_SOURCE confidence"]);
  });

  it("accepts a record graded M on secondary sources", () => {
    const issues = check({
      instruments: [rawInstrument({ confidence: "M", sources: [{ url: SECONDARY }] })],
    });
    expect(issues).toEqual([]);
  });

  it("fails a window, recurrence, continuous offer or programme graded H on a secondary source", () => {
    const issues = check({
      instruments: [
        rawInstrument({
          sources: [{ ...TEST_SOURCE, official: true }, { url: SECONDARY }],
          availability: {
            calls: [
              { opens: "2025-01-01", closes: "2025-02-01", source: SECONDARY, confidence: "H" },
              {
                opens: "2026-01-01",
                closes: "2026-02-01",
                source: TEST_SOURCE.url,
                confidence: "H",
              },
            ],
            recurrence: { cycle: "yearly", note, source: SECONDARY, confidence: "H" },
            continuous: { note, source: SECONDARY, confidence: "H" },
            programme: {
              from: "2022-01-01",
              note,
              source: "https://example.org/not-cited",
              confidence: "H",
            },
          },
        }),
      ],
    });
    expect(codes(issues)).toEqual([
      "HIGH_CONFIDENCE_WITHOUT_OFFICIAL_SOURCE availability.calls[0].confidence",
      "HIGH_CONFIDENCE_WITHOUT_OFFICIAL_SOURCE availability.recurrence.confidence",
      "HIGH_CONFIDENCE_WITHOUT_OFFICIAL_SOURCE availability.continuous.confidence",
      "HIGH_CONFIDENCE_WITHOUT_OFFICIAL_SOURCE availability.programme.confidence",
    ]);
    expect(issues[3]?.message).toContain("https://example.org/not-cited");
  });

  it("grades a window without its own source by the record's first source and confidence", () => {
    const issues = check({
      instruments: [
        rawInstrument({
          sources: [{ url: SECONDARY }, { ...TEST_SOURCE, official: true }],
          availability: { calls: [{ opens: "2025-01-01", closes: "2025-02-01" }] },
        }),
      ],
    });
    expect(codes(issues)).toEqual([
      "HIGH_CONFIDENCE_WITHOUT_OFFICIAL_SOURCE availability.calls[0].confidence",
    ]);
  });

  it("fails a funding source graded H on secondary sources only", () => {
    const issues = check({
      fundingSources: [rawFundingSource({ sources: [{ url: SECONDARY }] })],
    });
    expect(issues).toEqual([
      expect.objectContaining({
        file: "funding-sources/test-erdf.yaml",
        code: "HIGH_CONFIDENCE_WITHOUT_OFFICIAL_SOURCE",
        path: "confidence",
      }),
    ]);
  });
});

describe("checkCatalogue: planned windows and ends", () => {
  it("fails a planned window whose closing day is past, and only that one", () => {
    const issues = check({
      instruments: [
        rawInstrument({
          availability: {
            calls: [
              { opens: "2026-01-01", closes: "2026-03-31", precision: "quarter", planned: true },
              { opens: "2027-01-01", closes: "2027-03-31", precision: "quarter", planned: true },
              { opens: "2025-01-01", closes: "2025-03-31" },
            ],
          },
        }),
      ],
    });
    expect(codes(issues)).toEqual(["PLANNED_WINDOW_PAST availability.calls[0].planned"]);
    expect(check({}, "2027-04-01")).toEqual([]);
  });

  it("fails an end that is only the day the record was verified", () => {
    const ended = (on: IsoDate) =>
      rawInstrument({
        id: `ended-${on}`,
        availability: { calls: [], ended: { on, rule: "source", source: TEST_SOURCE.url } },
      });
    const issues = check({ instruments: [ended("2026-11-29"), ended("2023-12-31")] });
    expect(issues).toEqual([
      expect.objectContaining({
        file: "instruments/national/ended-2026-11-29.yaml",
        code: "END_IS_VERIFICATION_DAY",
        path: "availability.ended.on",
        severity: "error",
      }),
    ]);
  });
});

describe("checkCatalogue: user-facing text names no internal document", () => {
  it("fails descriptions, labels and notes that name the research notes or their sections", () => {
    const issues = check({
      instruments: [
        rawInstrument({
          description: { pl: "Opis (facts.md, sekcja 2).", en: "A description." },
          availability: {
            calls: [
              {
                opens: "2025-01-01",
                closes: "2025-02-01",
                label: { pl: "Nabór", en: "Call (section 10)" },
              },
            ],
            ended: {
              on: "2025-12-31",
              rule: "source",
              source: TEST_SOURCE.url,
              note: { pl: "bez bloku", en: "no block" },
            },
          },
          maintainerNotes: "facts.md section 2 says so; maintainers may read this.",
        }),
      ],
      fundingSources: [
        rawFundingSource({ description: { pl: "Opis.", en: "See the standing block." } }),
      ],
      publicTasks: rawPublicTasks().map((task, index) =>
        index === 0
          ? { ...task, sources: [], unsourced: { pl: "Brak źródła w sekcji 8.", en: "No source." } }
          : task,
      ),
    });
    expect(codes(issues)).toEqual([
      "INTERNAL_DOCUMENT_NAMED description.pl",
      "INTERNAL_DOCUMENT_NAMED availability.calls[0].label.en",
      "INTERNAL_DOCUMENT_NAMED availability.ended.note.pl",
      "INTERNAL_DOCUMENT_NAMED availability.ended.note.en",
      "INTERNAL_DOCUMENT_NAMED description.en",
      "INTERNAL_DOCUMENT_NAMED [0].unsourced.pl",
    ]);
    expect(issues[0]?.message).toContain('"facts.md"');
  });

  it("knows the internal words in both languages and leaves ordinary words alone", () => {
    expect(internalWordIn("według facts.md")).toBe("facts.md");
    expect(internalWordIn("see facts-2024-2027-eu.md")).toBe("facts-2024-2027-eu.md");
    expect(internalWordIn("Sekcja 10")).toBe("Sekcja");
    expect(internalWordIn("w sekcjach 2-3")).toBe("sekcjach");
    expect(internalWordIn("the standing block")).toBe("block");
    expect(internalWordIn("sections 2 and 4")).toBe("sections");
    expect(internalWordIn("blok standing")).toBe("blok");
    expect(
      internalWordIn("blokada kredytu, blockchain, crosssection, intersekcja"),
    ).toBeUndefined();
    expect(internalWordIn("Nabór otwarty do 30.09.2025")).toBeUndefined();
  });
});

describe("checkCatalogue: records not verified for 180 days", () => {
  it("warns about instruments, funding sources and public tasks verified over 180 days ago", () => {
    const issues = check({
      instruments: [
        rawInstrument({ lastVerified: "2026-06-04" }),
        rawInstrument({ id: "fresh", lastVerified: "2026-06-05" }),
      ],
      fundingSources: [rawFundingSource({ lastVerified: "2025-01-01" })],
      publicTasks: rawPublicTasks().map((task, index) =>
        index === 2 ? rawPublicTaskRecord({ code: task.code, lastVerified: "2026-01-01" }) : task,
      ),
    });
    expect(issues.map((i) => [i.severity, i.code, i.file, i.path])).toEqual([
      [
        "warning",
        "VERIFICATION_STALE",
        "instruments/national/test-instrument.yaml",
        "lastVerified",
      ],
      ["warning", "VERIFICATION_STALE", "funding-sources/test-erdf.yaml", "lastVerified"],
      ["warning", "VERIFICATION_STALE", "public-tasks.yaml", "[2].lastVerified"],
    ]);
    expect(issues[0]?.message).toContain("181 days before 2026-12-02");
  });

  it("takes another age limit when asked", () => {
    const issues = check({}, TODAY, { maxAgeDays: 2 });
    expect(new Set(issues.map((i) => i.code))).toEqual(new Set(["VERIFICATION_STALE"]));
  });
});
