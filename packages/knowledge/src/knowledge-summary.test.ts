import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "./load-knowledge-base.ts";
import { knowledgeSummary } from "./knowledge-summary.ts";
import { buildInstrument, writeKnowledgeFixture } from "./testing/index.ts";

describe("knowledgeSummary", () => {
  const dir = writeKnowledgeFixture(undefined, {
    instruments: [
      buildInstrument({ id: "open-in-feb", functions: ["cluster_management", "networking_trust"] }),
      buildInstrument({
        id: "eu-later",
        level: "eu",
        callWindows: [{ opens: "2024-06-01" }],
        functions: ["networking_trust"],
      }),
      buildInstrument({
        id: "regional-undated",
        level: "regional",
        regions: ["14"],
        callWindows: [],
      }),
      buildInstrument({
        id: "regional-ended",
        level: "regional",
        regions: ["14"],
        callWindows: [],
        endedBy: "2024-03-01",
        functions: ["internationalisation"],
      }),
    ],
  });
  const kb = loadKnowledgeBase({ dir });

  it("counts instruments by level, with every level present", () => {
    expect(knowledgeSummary(kb, "2024-02-01").byLevel).toEqual({ eu: 1, national: 1, regional: 2 });
  });

  it("counts call statuses on the given date", () => {
    // An undated record is unknown (nothing dated to go by) until its endedBy day, then closed.
    expect(knowledgeSummary(kb, "2024-02-01").byStatus).toEqual({
      open: 1,
      planned: 1,
      closed: 0,
      unknown: 2,
    });
    expect(knowledgeSummary(kb, "2024-07-01").byStatus).toEqual({
      open: 1,
      planned: 0,
      closed: 2,
      unknown: 1,
    });
  });

  it("counts instruments per support function and shows gaps as zero", () => {
    const { byFunction } = knowledgeSummary(kb, "2024-02-01");
    expect(byFunction.networking_trust).toBe(2);
    expect(byFunction.cluster_management).toBe(2);
    expect(byFunction.green_transition).toBe(0);
  });

  it("counts a standing offer as open between its days and closed after them", () => {
    const basis = { pl: "Do 31.12.2029.", en: "Until 31 Dec 2029." };
    const standing = writeKnowledgeFixture(undefined, {
      instruments: [
        buildInstrument({
          id: "guarantee",
          callWindows: [],
          standing: { until: "2029-12-31", basis },
        }),
      ],
    });
    const withStanding = loadKnowledgeBase({ dir: standing });
    expect(knowledgeSummary(withStanding, "2029-12-31").byStatus).toEqual({
      open: 1,
      planned: 0,
      closed: 0,
      unknown: 0,
    });
    expect(knowledgeSummary(withStanding, "2030-01-01").byStatus).toEqual({
      open: 0,
      planned: 0,
      closed: 1,
      unknown: 0,
    });
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
