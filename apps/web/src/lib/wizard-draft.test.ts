import { AssessmentInputSchema } from "@klastry/domain";
import { buildAssessment } from "@klastry/domain/testing";
import { describe, expect, it } from "vitest";
import { draftFromInput, draftToRaw, parseNumber } from "./wizard-draft.ts";
import { emptyDraft } from "./wizard-state.ts";

describe("draftToRaw", () => {
  it("leaves unanswered questions out instead of sending false, 0 or empty lists", () => {
    const draft = emptyDraft();
    draft.answers["cluster.name"] = "Klaster (fikcyjny)";
    draft.answers["cluster.kkk.holds"] = "";
    draft.answers["profile.members.sme"] = "";
    draft.answers["cluster.sectors"] = "  \n ";
    const { raw } = draftToRaw(draft);
    expect(raw).toEqual({ cluster: { name: "Klaster (fikcyjny)" } });
  });

  it("turns answers into typed values and drops the KKK date when the status is not held", () => {
    const draft = emptyDraft();
    draft.answers["cluster.kkk.holds"] = "no";
    draft.answers["cluster.kkk.validUntil"] = "2027-01-01";
    draft.answers["profile.coordinatorStaffFte"] = "2,5";
    draft.answers["cluster.sectors"] = "motoryzacja\nlotnictwo";
    draft.needs = { sme: { internationalisation: "2" } };
    const { raw } = draftToRaw(draft);
    expect(raw).toMatchObject({
      cluster: { kkk: { holds: false }, sectors: ["motoryzacja", "lotnictwo"] },
      profile: { coordinatorStaffFte: 2.5 },
      needs: [{ actor: "sme", function: "internationalisation", priority: 2 }],
    });
  });

  it("reports text that is not a number rather than dropping it silently", () => {
    const draft = emptyDraft();
    draft.answers["profile.employees"] = "dużo";
    expect(draftToRaw(draft).localIssues).toEqual([{ path: "profile.employees", kind: "number" }]);
  });
});

describe("draftFromInput", () => {
  it("round-trips a complete assessment through the wizard's answers", () => {
    // Region 14, where the Warsaw capital region question is asked, so every answer survives.
    const input = buildAssessment({ cluster: { ...buildAssessment().cluster, region: "14" } });
    const back = AssessmentInputSchema.parse(draftToRaw(draftFromInput(input)).raw);
    expect(back).toEqual(input);
  });

  it("drops the Warsaw capital region answer outside mazowieckie, where it is never asked", () => {
    const input = buildAssessment();
    expect(input.cluster.region).not.toBe("14");
    const back = AssessmentInputSchema.parse(draftToRaw(draftFromInput(input)).raw);
    expect(back.cluster).not.toHaveProperty("inWarsawCapitalRegion");
  });
});

describe("parseNumber", () => {
  it("reads Polish and English writing of numbers", () => {
    expect(parseNumber("1 200,5")).toBe(1200.5);
    expect(parseNumber("1200.5")).toBe(1200.5);
    expect(parseNumber("12a")).toBeUndefined();
  });
});
