/**
 * @module
 * A generated population of fictional clusters for impact analysis, seeded so every run (and a
 * reviewer re-running the report) sees the same clusters. It covers every region, every actor x
 * function need (once the size reaches 16 x 84), and spreads the answers rules read across and
 * around their thresholds, leaving some unanswered so "can't tell yet" changes show too.
 */
import {
  ActorTypes,
  AssessmentInputSchema,
  EscaLabels,
  LegalForms,
  MaturityStages,
  PublicTasks,
  REGION_CODES,
  ReadinessLevels,
  SupportFunctions,
  seededRandom,
  type AssessmentInputRaw,
  type Need,
  type PublicTaskReadiness,
} from "@klastry/domain";
import type { ImpactSubject } from "@klastry/rules-engine";

/** The same seed, the same clusters. */
function seeded(seed: number) {
  const random = seededRandom(seed);
  /** `make()` most of the time, nothing (unanswered) with probability `p`. */
  const maybe = <T>(make: () => T, p = 0.1): T | undefined =>
    random.next() < p ? undefined : make();
  return { ...random, maybe };
}

const NEED_PAIRS = ActorTypes.codes.flatMap((actor) =>
  SupportFunctions.codes.map((fn) => ({ actor, function: fn })),
);

const day = (year: number, random: ReturnType<typeof seeded>) =>
  `${year}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`;

/** The answers of the i-th generated cluster. */
function answers(i: number, random: ReturnType<typeof seeded>): AssessmentInputRaw {
  const region = REGION_CODES[i % REGION_CODES.length] as (typeof REGION_CODES)[number];
  // Every need pair in turn, so any 84 consecutive clusters report all of them, plus a few more.
  const first = NEED_PAIRS[Math.floor(i / REGION_CODES.length) % NEED_PAIRS.length]!;
  const needs = new Map<string, Need>([
    [`${first.actor}/${first.function}`, { ...first, priority: 1 }],
  ]);
  for (let k = random.int(0, 5); k > 0; k--) {
    const pair = random.pick(NEED_PAIRS);
    const key = `${pair.actor}/${pair.function}`;
    if (!needs.has(key)) needs.set(key, { ...pair, priority: random.pick([1, 2, 3] as const) });
  }
  const tasks = new Map<string, PublicTaskReadiness>();
  for (let k = random.int(0, 3); k > 0; k--) {
    const task = random.pick(PublicTasks.codes);
    tasks.set(task, { task, readiness: random.pick(ReadinessLevels.codes) });
  }
  const members =
    random.next() < 0.08
      ? {}
      : {
          // Spread around the thresholds rules use (e.g. 51 members for KKK status).
          sme: random.int(0, 90),
          large_enterprise: random.int(0, 12),
          research_organisation: random.int(0, 8),
          business_support_institution: random.int(0, 5),
          local_government: random.int(0, 3),
          other: random.int(0, 3),
        };
  const holdsKkk = random.next() < 0.25;
  const flag = () => random.next() < 0.3;
  const name = `Wygenerowany klaster ${String(i + 1).padStart(5, "0")} (fikcyjny)`;
  return {
    cluster: {
      name,
      region,
      ...(region === "14" && { inWarsawCapitalRegion: random.next() < 0.5 }),
      sectors: [],
      smartSpecialisations: [],
      foundedYear: random.maybe(() => random.int(1998, 2025)),
      coordinatorLegalForm: random.maybe(() => random.pick(LegalForms.codes)),
      kkk: random.maybe(() =>
        holdsKkk
          ? {
              holds: true,
              ...(random.next() < 0.8 && { validUntil: day(random.int(2023, 2029), random) }),
            }
          : { holds: false },
      ),
      regionalKeyCluster: random.maybe(flag),
      supraRegionalGrowthCluster: random.maybe(flag),
      esca: random.maybe(() => ({
        label: random.pick(EscaLabels.codes),
        ...(random.next() < 0.7 && { validUntil: day(random.int(2023, 2029), random) }),
      })),
      eccpListed: random.maybe(flag),
    },
    profile: {
      members,
      employees: random.maybe(() => random.int(20, 20_000)),
      coordinatorStaffFte: random.maybe(() => random.int(0, 12) / 2),
      maturityStage: random.maybe(() => random.pick(MaturityStages.codes)),
      exportingSharePercent: random.maybe(() => random.int(0, 100)),
      jointRdProjects: random.maybe(() => random.int(0, 15)),
      internationalPartners: random.maybe(() => random.int(0, 20)),
      hasStrategy: random.maybe(() => random.next() < 0.7),
    },
    needs: [...needs.values()],
    publicTasks: [...tasks.values()],
    ownContribution: {
      maxSharePercent: random.maybe(() => random.int(0, 100)),
      maxAmountPln: random.maybe(() => random.int(0, 200) * 10_000),
    },
  };
}

/** Drops keys whose value is undefined: an unanswered question is absent, as in the API. */
function compact<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * `count` generated clusters, the same for the same `seed`.
 *
 * @example
 * generatePopulation(2000)[0]?.name; // "Wygenerowany klaster 00001 (fikcyjny)"
 */
export function generatePopulation(count: number, seed = 20261202): ImpactSubject[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const assessment = AssessmentInputSchema.parse(compact(answers(i, random)));
    return {
      id: `generated-${String(i + 1).padStart(5, "0")}`,
      name: assessment.cluster.name,
      region: assessment.cluster.region,
      assessment,
      source: "generated",
    };
  });
}
