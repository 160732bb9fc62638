/**
 * @module
 * A recommendation set built and checked with the domain's own schema, for component tests.
 */
import {
  RecommendationSetSchema,
  type Recommendation,
  type RecommendationSet,
} from "@klastry/domain";

const base: Omit<Recommendation, "instrumentId" | "name" | "verdict" | "nearMiss"> = {
  score: 10,
  operator: "Polska Agencja Rozwoju Przedsiębiorczości",
  level: "national",
  forms: ["grant"],
  fundingSources: ["feng"],
  applicant: "coordinator",
  availability: {
    status: "open",
    basis: "Nabór trwa: 01.11–15.12.2026",
    deadline: "2026-12-15",
    daysLeft: 16,
  },
  amount: { min: 100000, max: 2000000, currency: "PLN", of: "grant" },
  sources: ["https://example.org/klastry-test-source"],
  confidence: "H",
  lastVerified: "2026-11-29",
  reasons: [],
  missing: [],
  questions: [],
  servesNeeds: [],
  ruleIds: [],
};

/**
 * Eligible, undecided (asks for KKK status) and a near miss (missing members), with `kkk` as given;
 * the first two applied for by the coordinator, the near miss by member firms (12 of them may).
 */
export function buildRecommendationSet(options: { kkkKnown?: boolean } = {}): RecommendationSet {
  const kkk: Recommendation = options.kkkKnown
    ? {
        ...base,
        instrumentId: "kkk-internationalisation",
        name: "Internacjonalizacja KKK",
        verdict: "eligible",
        nearMiss: false,
        reasons: [
          {
            ruleId: "kkk-internationalisation",
            condition: "kkk",
            text: "Klaster ma status KKK",
            fact: "kkkValidOnDate",
            operator: "equal",
            required: true,
            actual: true,
            lever: "actionable",
          },
        ],
        ruleIds: ["kkk-internationalisation"],
      }
    : {
        ...base,
        instrumentId: "kkk-internationalisation",
        name: "Internacjonalizacja KKK",
        verdict: "unknown",
        nearMiss: false,
        questions: [
          { fact: "cluster.kkk", label: "Czy klaster ma status Krajowego Klastra Kluczowego?" },
        ],
        ruleIds: ["kkk-internationalisation"],
      };
  return RecommendationSetSchema.parse({
    rulebookVersion: "2026.11.29-test",
    evaluatedOn: "2026-11-29",
    language: "pl",
    engine: "compiled",
    notEligibleCount: 3,
    notAvailableCount: 0,
    groups: [
      {
        applicant: "coordinator",
        label: "Koordynator w imieniu klastra",
        instrumentIds: ["feng-2-17-rozwoj-oferty-klastrow", "kkk-internationalisation"],
      },
      {
        applicant: "member_firms",
        label: "Firmy członkowskie",
        instrumentIds: ["regional-growth-cluster-grant"],
      },
    ],
    alsoFunds: [
      {
        instrumentId: "green-loan",
        name: "Zielona pożyczka",
        applicant: "member_firms",
        functions: ["green_transition"],
        text: "Finansuje też: Zielona transformacja i GOZ (nie zaznaczono tej potrzeby)",
      },
    ],
    recentlyClosed: [
      {
        instrumentId: "closed-voucher",
        name: "Bon zamknięty",
        verdict: "eligible",
        closedOn: "2026-06-30",
      },
    ],
    recommendations: [
      {
        ...base,
        instrumentId: "feng-2-17-rozwoj-oferty-klastrow",
        name: "Rozwój oferty klastrów",
        shortName: "FENG 2.17",
        verdict: "eligible",
        nearMiss: false,
        score: 30,
        reasons: [
          {
            ruleId: "feng-2-17",
            condition: "members",
            text: "Klaster ma co najmniej 15 członków",
            fact: "memberCount",
            operator: "greaterThanInclusive",
            required: 15,
            actual: 51,
            lever: "actionable",
          },
        ],
        servesNeeds: [{ actor: "coordinator", function: "cluster_management", priority: 1 }],
        ruleIds: ["feng-2-17"],
      },
      kkk,
      {
        ...base,
        instrumentId: "regional-growth-cluster-grant",
        name: "Dotacja dla klastrów wzrostowych",
        level: "regional",
        applicant: "member_firms",
        applicantMembers: 12,
        callBudget: { amount: 20000000, currency: "PLN" },
        website: "https://example.org/dotacja-klastry",
        verdict: "not_eligible",
        nearMiss: true,
        availability: {
          status: "planned",
          basis: "Zapowiedziany nabór: 01.02–31.03.2027",
          opensOn: "2027-02-01",
          window: {
            opens: "2027-02-01",
            closes: "2027-03-31",
            precision: "day",
            url: "https://example.org/nabor-2027",
          },
        },
        missing: [
          {
            ruleId: "regional-growth",
            condition: "members",
            text: "Klaster ma co najmniej 25 członków",
            fact: "memberCount",
            operator: "greaterThanInclusive",
            required: 25,
            actual: 20,
            lever: "actionable",
          },
        ],
        ruleIds: ["regional-growth"],
      },
      {
        ...base,
        instrumentId: "far-away-instrument",
        name: "Instrument zupełnie niepasujący",
        verdict: "not_eligible",
        nearMiss: false,
        score: 0,
      },
    ],
  });
}
