/**
 * @module
 * Every migration, oldest first. `migrate()` runs the pending ones; `synchronize` is never used.
 */
import { InitialSchema1764400000000 } from "./1764400000000-initial-schema.ts";
import { AnsweredLists1764600000000 } from "./1764600000000-answered-lists.ts";
import { ClusterVisibility1764800000000 } from "./1764800000000-cluster-visibility.ts";
import { AssessmentTokenIndex1796100000000 } from "./1796100000000-assessment-token-index.ts";
import { StoredVerdicts1796300000000 } from "./1796300000000-stored-verdicts.ts";
import { RegionLatestIndexes1796400000000 } from "./1796400000000-region-latest-indexes.ts";
import { SurveyRounds1796500000000 } from "./1796500000000-survey-rounds.ts";
import { SurveyRoundAnswersIndex1796600000000 } from "./1796600000000-survey-round-answers-index.ts";

export const MIGRATIONS = [
  InitialSchema1764400000000,
  AnsweredLists1764600000000,
  ClusterVisibility1764800000000,
  AssessmentTokenIndex1796100000000,
  StoredVerdicts1796300000000,
  RegionLatestIndexes1796400000000,
  SurveyRounds1796500000000,
  SurveyRoundAnswersIndex1796600000000,
];
export { TABLES, APPEND_ONLY_TABLES } from "./1764400000000-initial-schema.ts";
