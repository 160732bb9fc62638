import { describe, expect, it } from "vitest";
import { rawInstrument } from "@klastry/domain/testing";
import { loadKnowledgeBase } from "./load-knowledge-base.ts";
import { knowledgeSummary } from "./knowledge-summary.ts";
import { writeKnowledgeFixture } from "./testing/index.ts";

const SOURCE = "https://example.org/klastry-test-source";
const note = { pl: "notatka", en: "note" };

describe("knowledgeSummary", () => {
  const dir = writeKnowledgeFixture(undefined, {
    instruments: [
      rawInstrument({
        id: "open-in-feb",
        functions: ["cluster_management", "networking_trust"],
        availability: { calls: [{ opens: "2024-01-15", closes: "2024-02-12" }] },
      }),
      rawInstrument({
        id: "eu-later",
        level: "eu",
        availability: { calls: [{ opens: "2024-06-01", closes: "2024-09-30" }] },
        functions: ["networking_trust"],
      }),
      rawInstrument({
        id: "regional-undated",
        level: "regional",
        regions: ["14"],
        availability: { calls: [] },
      }),
      rawInstrument({
        id: "regional-ended",
        level: "regional",
        regions: ["14"],
        availability: {
          programme: { from: "2016-01-01", note, source: SOURCE, confidence: "H" },
          ended: { on: "2023-12-31", rule: "eu_2014_2020", source: SOURCE },
        },
        functions: ["internationalisation"],
      }),
    ],
  });
  const kb = loadKnowledgeBase({ dir });

  it("counts instruments by level, with every level present", () => {
    expect(knowledgeSummary(kb, "2024-02-01").byLevel).toEqual({ eu: 1, national: 1, regional: 2 });
  });

  it("counts availability statuses on the given date, every status present", () => {
    // Both 2024 windows are within a year of 2023-06-15, so announced ("planned").
    expect(knowledgeSummary(kb, "2023-06-15").byStatus).toMatchObject({
      planned: 2,
      programme_running: 1,
      unknown: 1,
      open: 0,
      ended: 0,
    });
    expect(knowledgeSummary(kb, "2024-02-01").byStatus).toMatchObject({
      open: 1,
      planned: 1,
      ended: 1,
      unknown: 1,
    });
    expect(knowledgeSummary(kb, "2024-12-01").byStatus).toMatchObject({
      closed: 2,
      ended: 1,
      unknown: 1,
    });
    expect(Object.keys(knowledgeSummary(kb, "2024-12-01").byStatus)).toHaveLength(8);
  });

  it("counts instruments per support function and shows gaps as zero", () => {
    const { byFunction } = knowledgeSummary(kb, "2024-02-01");
    expect(byFunction.networking_trust).toBe(2);
    expect(byFunction.cluster_management).toBe(2);
    expect(byFunction.green_transition).toBe(0);
  });

  it("counts the records of each collection", () => {
    const summary = knowledgeSummary(kb, "2024-02-01");
    expect(summary).toMatchObject({
      instruments: 4,
      fundingSources: 1,
      publicTasks: 11,
      sampleClusters: 1,
    });
  });
});
