/**
 * @module
 * @klastry/domain: the vocabulary and the zod schemas every other package imports.
 * No I/O here; nothing in here depends on another Klastry package.
 */

// Languages and labels
export { LanguageSchema, LocalizedTextSchema, indexByCode } from "./vocabulary/localized.ts";
export type { Language, LocalizedText, VocabularyEntry } from "./vocabulary/localized.ts";

// Regions (TERYT)
export {
  REGION_CODES,
  REGIONS,
  RegionCodeSchema,
  EASTERN_POLAND_REGIONS,
} from "./vocabulary/regions.ts";
export type { RegionCode } from "./vocabulary/regions.ts";

// Closed vocabularies
export {
  ActorTypes,
  ActorTypeSchema,
  SupportFunctions,
  SupportFunctionSchema,
  PublicTasks,
  PublicTaskSchema,
  ReadinessLevels,
  ReadinessLevelSchema,
  InstrumentForms,
  FundingSourceKinds,
  Levels,
  MaturityStages,
  EscaLabels,
  LegalForms,
  Confidences,
  CallStatuses,
  CallStatusSchema,
  Verdicts,
  VerdictSchema,
  RecordKinds,
  Prerequisites,
  Applicants,
  Visibilities,
  VisibilitySchema,
} from "./vocabulary/vocabulary.ts";
export type {
  ActorType,
  SupportFunction,
  PublicTask,
  ReadinessLevel,
  InstrumentForm,
  Level,
  Confidence,
  CallStatus,
  Verdict,
  Visibility,
} from "./vocabulary/vocabulary.ts";
export { vocabularyDocument } from "./vocabulary/document.ts";

// Schemas and their types
export { SlugSchema, IsoDateSchema, UrlSchema, textSchema } from "./schemas/primitives.ts";
export type { IsoDate, Source } from "./schemas/primitives.ts";
export { InstrumentSchema, PublicInstrumentSchema } from "./schemas/instrument.ts";
export type {
  Instrument,
  InstrumentInput,
  PublicInstrument,
  AmountRange,
  CallBudget,
} from "./schemas/instrument.ts";
export { AvailabilityOnSchema } from "./schemas/availability.ts";
export type { StatusWindow, AvailabilityOn } from "./schemas/availability.ts";
export { InstrumentFilterFieldsSchema, MAX_PAGE_SIZE } from "./schemas/instrument-filter.ts";
export { FundingSourceSchema, PublicTaskRecordSchema } from "./schemas/funding-source.ts";
export type { FundingSource, PublicTaskRecord } from "./schemas/funding-source.ts";
export {
  AssessmentInputSchema,
  StoredAssessmentSchema,
  ClusterSchema,
  SampleClusterSchema,
} from "./schemas/assessment.ts";
export type {
  ClusterProfile,
  Need,
  PublicTaskReadiness,
  AssessmentInput,
  AssessmentInputRaw,
  StoredAssessment,
  Cluster,
  SampleCluster,
} from "./schemas/assessment.ts";
export { RecommendationSchema, RecommendationSetSchema } from "./schemas/recommendation.ts";
export type {
  Lever,
  ConditionExplanation,
  OpenQuestion,
  RecommendationAvailability,
  Recommendation,
  ApplicantGroup,
  AlsoFunds,
  RecentlyClosed,
  RecommendationSet,
} from "./schemas/recommendation.ts";

// The national needs survey: rounds, invitations, moderation, national picture, report
export {
  MIN_CELL_SIZE,
  SUPPRESSED,
  HIDDEN,
  INVITATION_CSV_COLUMNS,
  MAX_INVITATIONS_PER_IMPORT,
  RoundInputSchema,
  RoundSchema,
  InvitationSchema,
  InvitationImportResultSchema,
  InvitationListSchema,
  InvitationViewSchema,
  ModerationDecisionSchema,
  ModerationListSchema,
  ModerationResultSchema,
  NationalPictureSchema,
  ReportDataSchema,
} from "./schemas/survey.ts";
export type {
  CountCell,
  RoundInput,
  RoundInputRaw,
  Round,
  RoundRef,
  Invitation,
  InvitationImportResult,
  ResponseRate,
  RegionResponseRate,
  InvitationList,
  ModerationDecision,
  ModerationItem,
  ModerationList,
  LevelSplit,
  NeedChange,
  RoundChange,
  ReportQuestionId,
  NationalPicture,
  ReportData,
} from "./schemas/survey.ts";

export { protectCells, protectCount } from "./survey/protect-cells.ts";
export { REPORT_QUESTIONS } from "./survey/report-questions.ts";
export type { CellGroup } from "./survey/protect-cells.ts";

// Rule operators, "did you mean" for misspelt names, a seeded generator
export { OPERATORS, isOperatorName } from "./rule-operators.ts";
export type { OperatorName } from "./rule-operators.ts";
export { nearest } from "./nearest.ts";
export { seededRandom } from "./seeded-random.ts";

// Availability on a date, derived, with its basis
export { availabilityOn, resolveWindows } from "./availability-on.ts";
export type { AvailabilityRecord } from "./availability-on.ts";
export { todayInPoland } from "./call-status.ts";

// Values and conditions in words: the one formatter
export { formatValue, joinWords } from "./format/format-value.ts";
export {
  conditionText,
  requirementText,
  questionText,
  oneOfText,
} from "./format/condition-text.ts";
export type { ConditionFacts } from "./format/condition-text.ts";
export { formatNumber, formatCount } from "./format/plural.ts";
export type { Unit } from "./format/plural.ts";
export { csvCell, toCsv, UTF8_BOM } from "./format/csv.ts";
export type { CsvCell } from "./format/csv.ts";
export { daysBetween, addYears } from "./format/dates.ts";

// Errors as data
export {
  DomainValidationError,
  issuesFromZod,
  parseOrThrow,
  formatIssues,
  formatPath,
  toJsonPointer,
} from "./errors.ts";
export type { Issue, IssueCode, IssuePath } from "./errors.ts";

// Fact catalogue: the facts a rule may use
export { FACT_CATALOGUE, factPaths } from "./fact-catalogue.ts";
export type { FactDefinition, FactSpec } from "./fact-catalogue.ts";
