/**
 * An answer not given is unknown, never "none": removing any answer from an assessment may turn a
 * verdict into can't-tell-yet, but never eligible into not eligible or back. Checked over the
 * shipped rulebook and knowledge base with generated assessments (fast-check), removing one answer
 * at a time (a field, a member count, a whole list). Also: on the sample clusters no near miss
 * fails on needs alone.
 */
import { fileURLToPath } from "node:url";
import {
  ActorTypes,
  AssessmentInputSchema,
  EscaLabels,
  LegalForms,
  MaturityStages,
  PublicTasks,
  ReadinessLevels,
  REGION_CODES,
  SupportFunctions,
  type AssessmentInput,
  type Verdict,
} from "@klastry/domain";
import { loadKnowledgeBase, sampleAssessmentInputs } from "@klastry/knowledge";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate.ts";
import { evaluateVerdicts } from "./evaluate-verdicts.ts";
import { loadRulebook } from "./load-rulebook.ts";

const RULES_DIR = fileURLToPath(new URL("../../../rules", import.meta.url));
const knowledge = loadKnowledgeBase();
const rulebook = loadRulebook({ dir: RULES_DIR, knowledge, allowExpired: true });

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const count = optional(fc.integer({ min: 0, max: 80 }));

/** Assessments over the whole answer space, answers often missing or at thresholds. */
const assessmentArb: fc.Arbitrary<AssessmentInput> = fc
  .record({
    region: fc.constantFrom(...REGION_CODES),
    inWarsawCapitalRegion: optional(fc.boolean()),
    sectors: optional(fc.constantFrom([], ["automotive"], ["turystyka", "HoReCa"])),
    smartSpecialisations: optional(fc.constantFrom([], ["Przemysł 4.0"])),
    foundedYear: optional(fc.integer({ min: 2005, max: 2026 })),
    foundedMonth: optional(fc.integer({ min: 1, max: 12 })),
    coordinatorLegalForm: optional(fc.constantFrom(...LegalForms.codes)),
    kkk: optional(
      fc.record({
        holds: fc.boolean(),
        validUntil: optional(fc.constantFrom("2024-12-31", "2025-12-17", "2027-06-30")),
      }),
    ),
    regionalKeyCluster: optional(fc.boolean()),
    supraRegionalGrowthCluster: optional(fc.boolean()),
    esca: optional(
      fc.record({
        label: fc.constantFrom(...EscaLabels.codes),
        validUntil: optional(fc.constantFrom("2024-03-31", "2027-01-01")),
      }),
    ),
    eccpListed: optional(fc.boolean()),
    members: fc.record({
      sme: count,
      large_enterprise: count,
      research_organisation: count,
      business_support_institution: count,
      local_government: count,
      other: count,
    }),
    employees: optional(fc.integer({ min: 0, max: 20_000 })),
    coordinatorStaffFte: optional(fc.constantFrom(0, 0.5, 1, 3)),
    maturityStage: optional(fc.constantFrom(...MaturityStages.codes)),
    exportingSharePercent: optional(fc.integer({ min: 0, max: 100 })),
    jointRdProjects: optional(fc.integer({ min: 0, max: 10 })),
    internationalPartners: optional(fc.integer({ min: 0, max: 10 })),
    hasStrategy: optional(fc.boolean()),
    needs: optional(
      fc.uniqueArray(
        fc.record({
          actor: fc.constantFrom(...ActorTypes.codes),
          function: fc.constantFrom(...SupportFunctions.codes),
          priority: fc.constantFrom<1 | 2 | 3>(1, 2, 3),
        }),
        { maxLength: 8, selector: (n) => `${n.actor}/${n.function}` },
      ),
    ),
    publicTasks: optional(
      fc.uniqueArray(
        fc.record({
          task: fc.constantFrom(...PublicTasks.codes),
          readiness: fc.constantFrom(...ReadinessLevels.codes),
        }),
        { maxLength: 3, selector: (t) => t.task },
      ),
    ),
    share: optional(fc.constantFrom(5, 10, 15, 20, 50)),
  })
  .map((a) => {
    const drop = (o: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    return AssessmentInputSchema.parse({
      cluster: drop({
        name: "Klaster generowany (fikcyjny)",
        region: a.region,
        inWarsawCapitalRegion: a.inWarsawCapitalRegion,
        sectors: a.sectors,
        smartSpecialisations: a.smartSpecialisations,
        foundedYear: a.foundedYear,
        foundedMonth: a.foundedMonth,
        coordinatorLegalForm: a.coordinatorLegalForm,
        kkk: a.kkk && drop(a.kkk),
        regionalKeyCluster: a.regionalKeyCluster,
        supraRegionalGrowthCluster: a.supraRegionalGrowthCluster,
        esca: a.esca && drop(a.esca),
        eccpListed: a.eccpListed,
      }),
      profile: drop({
        members: drop(a.members),
        employees: a.employees,
        coordinatorStaffFte: a.coordinatorStaffFte,
        maturityStage: a.maturityStage,
        exportingSharePercent: a.exportingSharePercent,
        jointRdProjects: a.jointRdProjects,
        internationalPartners: a.internationalPartners,
        hasStrategy: a.hasStrategy,
      }),
      ...(a.needs !== undefined && { needs: a.needs }),
      ...(a.publicTasks !== undefined && { publicTasks: a.publicTasks }),
      ownContribution: drop({ maxSharePercent: a.share }),
    });
  });

/** Every answer of an assessment, as a way to remove it: a field, a member count, a list. */
function removals(a: AssessmentInput): { answer: string; without: AssessmentInput }[] {
  const out: { answer: string; without: AssessmentInput }[] = [];
  const omit = <T extends object>(o: T, key: string): T =>
    Object.fromEntries(Object.entries(o).filter(([k]) => k !== key)) as T;
  for (const key of Object.keys(a.cluster)) {
    // The name and the seat are identity, not answers a rule may lack.
    if (key === "name" || key === "region") continue;
    out.push({ answer: `cluster.${key}`, without: { ...a, cluster: omit(a.cluster, key) } });
  }
  for (const status of ["kkk", "esca"] as const) {
    const held = a.cluster[status];
    if (held?.validUntil === undefined) continue;
    const cluster = { ...a.cluster, [status]: omit(held, "validUntil") };
    out.push({ answer: `cluster.${status}.validUntil`, without: { ...a, cluster } });
  }
  for (const key of Object.keys(a.profile)) {
    if (key === "members") continue;
    out.push({ answer: `profile.${key}`, without: { ...a, profile: omit(a.profile, key) } });
  }
  for (const key of Object.keys(a.profile.members)) {
    const members = omit(a.profile.members, key);
    out.push({ answer: `members.${key}`, without: { ...a, profile: { ...a.profile, members } } });
  }
  for (const key of Object.keys(a.ownContribution)) {
    const own = omit(a.ownContribution, key);
    out.push({ answer: `ownContribution.${key}`, without: { ...a, ownContribution: own } });
  }
  if (a.needs !== undefined) out.push({ answer: "needs", without: omit(a, "needs") });
  if (a.publicTasks !== undefined) {
    out.push({ answer: "publicTasks", without: omit(a, "publicTasks") });
  }
  return out;
}

const verdictOf = (verdicts: ReturnType<typeof evaluateVerdicts>, id: string): Verdict =>
  verdicts.get(id)?.verdict ?? "not_eligible";

describe("removing an answer", () => {
  it("never turns eligible or not eligible into anything but can't-tell-yet (shipped rulebook)", () => {
    let runs = 0;
    let removed = 0;
    let becameUnknown = 0;
    const instruments = [...new Set(rulebook.rules.map((rule) => rule.instrument))];
    fc.assert(
      fc.property(
        assessmentArb,
        fc.constantFrom("2021-06-01", "2024-03-01", "2026-12-02"),
        (assessment, date) => {
          runs++;
          const full = evaluateVerdicts(rulebook, assessment, date);
          for (const { answer, without } of removals(assessment)) {
            removed++;
            const fewer = evaluateVerdicts(rulebook, without, date);
            for (const id of instruments) {
              const before = verdictOf(full, id);
              const after = verdictOf(fewer, id);
              if (after === before) continue;
              expect(
                after,
                `${id} went from ${before} to ${after} when ${answer} was removed on ${date}`,
              ).toBe("unknown");
              becameUnknown++;
            }
          }
        },
      ),
      // The issue asks for at least 1,000 generated assessments.
      { numRuns: 1_200, seed: 20261202 },
    );
    console.info(
      `answers removed: ${runs} assessments, ${removed} removals, ${becameUnknown} verdicts became can't-tell-yet`,
    );
    expect(runs).toBeGreaterThanOrEqual(1_000);
    // The property must bite: removals do change verdicts, always to unknown.
    expect(becameUnknown).toBeGreaterThan(100);
  }, 300_000);
});

describe("near misses on the sample clusters", () => {
  it("never fail on needs alone, nor on anything the cluster cannot change, on 2026-12-02", () => {
    let nearMisses = 0;
    for (const { input } of sampleAssessmentInputs(knowledge)) {
      const set = evaluate(rulebook, input, { date: "2026-12-02", language: "pl" });
      for (const r of set.recommendations.filter((rec) => rec.nearMiss)) {
        nearMisses++;
        expect(r.missing.length).toBeGreaterThan(0);
        for (const m of r.missing)
          expect(m.lever, `${r.instrumentId}: ${m.text}`).toBe("actionable");
      }
      for (const also of set.alsoFunds) {
        expect(set.recommendations.some((r) => r.instrumentId === also.instrumentId)).toBe(false);
      }
    }
    console.info(`near misses over the sample clusters on 2026-12-02: ${nearMisses}`);
  });
});
