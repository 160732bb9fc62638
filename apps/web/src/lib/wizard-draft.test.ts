import { AssessmentInputSchema } from "@klastry/domain";
import { buildAssessment } from "@klastry/domain/testing";
import { describe, expect, it } from "vitest";
import { draftFromInput, draftToRaw, parseNumber } from "./wizard-draft.ts";
import { emptyDraft, upgradeDraft } from "./wizard-state.ts";

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
    draft.needs = { internationalisation: { actors: ["sme"], priority: "2" } };
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

  it("sends an explicit 'none of these' as an empty list and an unanswered list not at all", () => {
    const draft = emptyDraft();
    draft.none = { needs: true, publicTasks: true, "cluster.sectors": true };
    draft.answers["cluster.sectors"] = "zapomniany tekst";
    const { raw } = draftToRaw(draft);
    expect(raw).toMatchObject({ needs: [], publicTasks: [], cluster: { sectors: [] } });
    expect(raw.cluster).not.toHaveProperty("smartSpecialisations");
  });

  it("asks only about groups the cluster has: a need of a group with 0 members is left out", () => {
    const draft = emptyDraft();
    Object.assign(draft.answers, {
      "profile.members.sme": "23",
      "profile.members.large_enterprise": "0",
    });
    draft.needs = {
      digital_transformation: { actors: ["sme", "large_enterprise"] },
      cluster_management: { actors: ["coordinator"], priority: "1" },
    };
    expect(draftToRaw(draft).raw.needs).toEqual([
      { actor: "coordinator", function: "cluster_management", priority: 1 },
      // No priority set: a medium one.
      { actor: "sme", function: "digital_transformation", priority: 2 },
    ]);
  });

  it("reports a checked function with nobody who needs it instead of dropping it", () => {
    const draft = emptyDraft();
    draft.answers["profile.members.sme"] = "5";
    draft.needs = { skills_training: { actors: [] } };
    const { raw, localIssues } = draftToRaw(draft);
    expect(localIssues).toEqual([{ path: "needs.skills_training.actors", kind: "needActors" }]);
    expect(raw).not.toHaveProperty("needs");
  });

  it("gives the coordinator a need when the cluster has no members of any kind", () => {
    const draft = emptyDraft();
    for (const type of [
      "sme",
      "large_enterprise",
      "research_organisation",
      "business_support_institution",
      "local_government",
      "other",
    ])
      draft.answers[`profile.members.${type}`] = "0";
    draft.needs = { networking_trust: { actors: [] } };
    expect(draftToRaw(draft).raw.needs).toEqual([
      { actor: "coordinator", function: "networking_trust", priority: 2 },
    ]);
  });
});

describe("upgradeDraft", () => {
  it("reads a draft of the first version, one priority per actor, as needs per function", () => {
    const draft = upgradeDraft({
      version: 1,
      answers: { "cluster.name": "Stary (fikcyjny)" },
      needs: { sme: { internationalisation: "2" }, coordinator: { internationalisation: "1" } },
      publicTasks: {},
      saved: [],
    });
    expect(draft.version).toBe(2);
    expect(draft.answers["cluster.name"]).toBe("Stary (fikcyjny)");
    expect(draft.needs.internationalisation).toEqual({
      actors: ["sme", "coordinator"],
      priority: "1",
    });
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
