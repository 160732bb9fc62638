/**
 * @module
 * Many varied assessments for tests of region routes at some size: a seeded generator (the same
 * assessments on every run) over member counts, KKK status, needs, public tasks and the
 * coordinators' visibility choices; a fifth of the clusters get a second, later assessment.
 */
import type { Database } from "@klastry/db";
import { acceptAnswers } from "@klastry/db/testing";
import {
  ActorTypes,
  PublicTasks,
  ReadinessLevels,
  SupportFunctions,
  type AssessmentInput,
  type Visibility,
} from "@klastry/domain";
import { buildAssessment } from "@klastry/domain/testing";

/** mulberry32: small, seeded, good enough to vary test data. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  return { next, int, pick };
}

/** One generated assessment in `region` (a fictional cluster). */
export function generatedAssessment(index: number, region: string, seed = 1): AssessmentInput {
  const random = seeded(seed * 100_003 + index);
  const base = buildAssessment();
  const needs = new Map<string, { actor: string; function: string; priority: number }>();
  const needCount = random.int(0, 5);
  for (let i = 0; i < needCount; i++) {
    const actor = random.pick(ActorTypes.codes);
    const fn = random.pick(SupportFunctions.codes);
    needs.set(`${actor}/${fn}`, { actor, function: fn, priority: random.int(1, 3) });
  }
  const tasks = new Map<string, { task: string; readiness: string }>();
  for (let i = random.int(0, 3); i > 0; i--) {
    const task = random.pick(PublicTasks.codes);
    tasks.set(task, { task, readiness: random.pick(ReadinessLevels.codes) });
  }
  return buildAssessment({
    cluster: {
      ...base.cluster,
      name: `Klaster generowany ${index} (fikcyjny)`,
      region,
      foundedYear: random.int(1995, 2025),
      kkk: random.next() < 0.3 ? { holds: true, validUntil: "2099-12-31" } : { holds: false },
    },
    profile: {
      ...base.profile,
      members: {
        sme: random.int(0, 80),
        large_enterprise: random.int(0, 10),
        research_organisation: random.int(0, 5),
        business_support_institution: random.int(0, 3),
        local_government: random.int(0, 2),
        other: 0,
      },
      employees: random.int(10, 20_000),
    },
    ...(random.next() < 0.1 ? { needs: undefined } : { needs: [...needs.values()] }),
    ...(random.next() < 0.1 ? { publicTasks: undefined } : { publicTasks: [...tasks.values()] }),
  } as Parameters<typeof buildAssessment>[0]);
}

const VISIBILITIES: readonly Visibility[] = ["named", "named", "anonymous", "private"];

/**
 * Stores `count` generated clusters spread over `regions` (straight into the database, with no
 * verdicts stored, accepted into a test round so region figures count them); returns the ids of
 * every assessment stored.
 */
export async function storeGeneratedAssessments(
  db: Database,
  count: number,
  regions: readonly string[],
  seed = 1,
): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const region = regions[index % regions.length] as string;
    const input = generatedAssessment(index, region, seed);
    const visibility = VISIBILITIES[index % VISIBILITIES.length] as Visibility;
    const first = await db.assessments.create({ input, visibility, assessedOn: "2026-01-15" });
    ids.push(first.id);
    if (index % 5 === 0) {
      const later = generatedAssessment(index + count, region, seed);
      const second = await db.assessments.create({
        clusterId: first.clusterId,
        input: { ...later, cluster: { ...later.cluster, name: input.cluster.name } },
        assessedOn: "2026-06-15",
      });
      ids.push(second.id);
    }
  }
  // Region figures count official answers only: a round's owner accepts these (issue 14).
  await acceptAnswers(db, ...ids);
  return ids;
}
