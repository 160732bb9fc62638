/**
 * @module
 * Cached reads for the pages (`query()` from @solidjs/router): each key is the function's name plus
 * its arguments, so returning to a page or preloading a route does not fetch twice.
 */
import { query } from "@solidjs/router";
import type { AssessmentInput, Language, RegionCode } from "@klastry/domain";
import {
  countInstrumentsByLevel,
  evaluateAssessment,
  getAssessment,
  getInstrument,
  getRegionCoverage,
  getRegionNeeds,
  getRegionPublicTasks,
  getRegionRecommendations,
  getRulebook,
  listClusterAssessments,
  listFundingSources,
  listInstruments,
  getKeyInfo,
  listRegionClusters,
  listRegionInstruments,
  getNationalPicture,
  getRound,
  getRoundReport,
  listInvitations,
  listModeration,
  listRounds,
  openInvitation,
} from "./api.ts";
import type { InstrumentFilters } from "./api-types.ts";

export const instrumentsQuery = query(
  (filters: InstrumentFilters) => listInstruments(filters),
  "instruments",
);
export const instrumentQuery = query((id: string) => getInstrument(id), "instrument");
export const fundingSourcesQuery = query(() => listFundingSources(), "funding-sources");

/** Evaluation is a pure read (nothing stored), so it caches like one; the input is its key. */
export const recommendationsQuery = query(
  (input: AssessmentInput, lang: Language) => evaluateAssessment(input, { lang }),
  "recommendations",
);
export const assessmentQuery = query(
  (id: string, token: string) => getAssessment(id, token),
  "assessment",
);
export const clusterHistoryQuery = query(
  (clusterId: string, token: string) => listClusterAssessments(clusterId, token),
  "cluster-history",
);

export const regionClustersQuery = query(
  (region: RegionCode, key: string) => listRegionClusters(region, key),
  "region-clusters",
);
export const regionNeedsQuery = query(
  (region: RegionCode, key: string) => getRegionNeeds(region, key),
  "region-needs",
);
export const regionCoverageQuery = query(
  (region: RegionCode, key: string, lang: Language) => getRegionCoverage(region, key, lang),
  "region-coverage",
);
export const regionTasksQuery = query(
  (region: RegionCode, key: string) => getRegionPublicTasks(region, key),
  "region-tasks",
);
export const regionRecommendationsQuery = query(
  (region: RegionCode, key: string, lang: Language) => getRegionRecommendations(region, key, lang),
  "region-recommendations",
);
export const regionInstrumentsQuery = query(
  (region: RegionCode) => listRegionInstruments(region),
  "region-instruments",
);
export const keyInfoQuery = query((key: string) => getKeyInfo(key), "key-info");
export const levelSplitQuery = query(
  (region: RegionCode) => countInstrumentsByLevel(region),
  "level-split",
);

export const rulebookQuery = query((key: string) => getRulebook(key), "rulebook");

export const roundsQuery = query((key: string) => listRounds(key), "rounds");
export const roundQuery = query((id: string, key: string) => getRound(id, key), "round");
export const invitationsQuery = query(
  (id: string, key: string) => listInvitations(id, key),
  "round-invitations",
);
export const moderationQuery = query(
  (id: string, key: string) => listModeration(id, key),
  "round-moderation",
);
export const invitationQuery = query((token: string) => openInvitation(token), "invitation");
export const nationalQuery = query(
  (key: string, round: string | undefined, compareWith: string | undefined, lang: Language) =>
    getNationalPicture(key, { round, compareWith, lang }),
  "national",
);
export const reportQuery = query(
  (id: string, key: string, compareWith: string | undefined, lang: Language) =>
    getRoundReport(id, key, { compareWith, lang }),
  "round-report",
);
