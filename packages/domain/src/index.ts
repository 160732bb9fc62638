/**
 * @module
 * @klastry/domain: the vocabulary and the zod schemas every other package imports.
 * No I/O here; nothing in here depends on another Klastry package.
 */

// Languages and labels
export {
  LANGUAGES,
  LanguageSchema,
  LocalizedTextSchema,
  indexByCode,
} from "./vocabulary/localized.ts";
export type { Language, LocalizedText, VocabularyEntry } from "./vocabulary/localized.ts";

// Regions (TERYT)
export {
  REGION_CODES,
  REGIONS,
  RegionCodeSchema,
  EASTERN_POLAND_REGIONS,
} from "./vocabulary/regions.ts";
export type { Region, RegionCode } from "./vocabulary/regions.ts";

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
  FundingSourceKinds,
  FundingSourceKindSchema,
  InstrumentForms,
  InstrumentFormSchema,
  Levels,
  LevelSchema,
  MaturityStages,
  MaturityStageSchema,
  EscaLabels,
  EscaLabelSchema,
  LegalForms,
  LegalFormSchema,
  Confidences,
  ConfidenceSchema,
  CallStatuses,
  CallStatusSchema,
  Verdicts,
  VerdictSchema,
  RecordKinds,
  RecordKindSchema,
  Prerequisites,
  PrerequisiteSchema,
  Currencies,
  CurrencySchema,
  Applicants,
  ApplicantSchema,
  EndRules,
  EndRuleSchema,
  DatePrecisions,
  DatePrecisionSchema,
  Visibilities,
  VisibilitySchema,
} from "./vocabulary/vocabulary.ts";
export type {
  ActorType,
  SupportFunction,
  PublicTask,
  ReadinessLevel,
  FundingSourceKind,
  InstrumentForm,
  Level,
  MaturityStage,
  EscaLabel,
  LegalForm,
  Confidence,
  CallStatus,
  Verdict,
  RecordKind,
  Prerequisite,
  Currency,
  Applicant,
  EndRule,
  DatePrecision,
  Visibility,
} from "./vocabulary/vocabulary.ts";
export { vocabularyDocument } from "./vocabulary/document.ts";
export type { VocabularyDocument } from "./vocabulary/document.ts";

// Schemas and their types
export {
  SlugSchema,
  IsoDateSchema,
  UrlSchema,
  PercentSchema,
  SourceSchema,
  textSchema,
} from "./schemas/primitives.ts";
export type { IsoDate, Source } from "./schemas/primitives.ts";
export {
  InstrumentSchema,
  PublicInstrumentSchema,
  AmountRangeSchema,
  CallBudgetSchema,
} from "./schemas/instrument.ts";
export type {
  Instrument,
  InstrumentInput,
  PublicInstrument,
  AmountRange,
  CallBudget,
} from "./schemas/instrument.ts";
export {
  AvailabilitySchema,
  CallWindowSchema,
  RecurrenceSchema,
  ContinuousOfferSchema,
  ProgrammePeriodSchema,
  EndSchema,
  StatusWindowSchema,
  AvailabilityOnSchema,
} from "./schemas/availability.ts";
export type {
  Availability,
  AvailabilityInput,
  CallWindow,
  CallWindowInput,
  Recurrence,
  ContinuousOffer,
  ProgrammePeriod,
  End,
  StatusWindow,
  AvailabilityOn,
} from "./schemas/availability.ts";
export { InstrumentFilterFieldsSchema, MAX_PAGE_SIZE } from "./schemas/instrument-filter.ts";
export type { InstrumentFilterFields } from "./schemas/instrument-filter.ts";
export { FundingSourceSchema, PublicTaskRecordSchema } from "./schemas/funding-source.ts";
export type { FundingSource, PublicTaskRecord } from "./schemas/funding-source.ts";
export {
  ClusterProfileSchema,
  MembersSchema,
  ProfileSchema,
  PrioritySchema,
  NeedSchema,
  PublicTaskReadinessSchema,
  OwnContributionSchema,
  AssessmentInputSchema,
  StoredAssessmentSchema,
  ClusterSchema,
  SampleClusterSchema,
} from "./schemas/assessment.ts";
export type {
  ClusterProfile,
  ClusterProfileInput,
  Members,
  Profile,
  Priority,
  Need,
  PublicTaskReadiness,
  OwnContribution,
  AssessmentInput,
  AssessmentInputRaw,
  StoredAssessment,
  Cluster,
  SampleCluster,
} from "./schemas/assessment.ts";
export {
  LeverSchema,
  ConditionLeafExplanationSchema,
  ConditionExplanationSchema,
  OpenQuestionSchema,
  RecommendationAvailabilitySchema,
  RecommendationSchema,
  ApplicantGroupSchema,
  AlsoFundsSchema,
  RecentlyClosedSchema,
  RecommendationSetSchema,
} from "./schemas/recommendation.ts";
export type {
  Lever,
  ConditionLeafExplanation,
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
  QUESTIONNAIRE_VERSION,
  INVITATION_CSV_COLUMNS,
  MAX_INVITATIONS_PER_IMPORT,
  CountCellSchema,
  RoundScopeSchema,
  RoundStatusSchema,
  RoundInputSchema,
  RoundSchema,
  RoundRefSchema,
  InvitationStatusSchema,
  InvitationSchema,
  IssuedInvitationSchema,
  InvitationImportResultSchema,
  ResponseRateSchema,
  RegionResponseRateSchema,
  InvitationListSchema,
  InvitationViewSchema,
  ModerationDecisionSchema,
  ModerationItemSchema,
  ModerationListSchema,
  ModerationResultSchema,
  RegionSummarySchema,
  NationalNeedCellSchema,
  NeedTotalSchema,
  LevelCoverageSchema,
  NationalCoverageCellSchema,
  LevelSplitSchema,
  ReadinessCellSchema,
  NeedChangeSchema,
  RoundChangeSchema,
  NationalPictureSchema,
  ReportQuestionIdSchema,
  ReportMethodSchema,
  ReportDataSchema,
} from "./schemas/survey.ts";
export type {
  CountCell,
  RoundScope,
  RoundStatus,
  RoundInput,
  RoundInputRaw,
  Round,
  RoundRef,
  InvitationStatus,
  Invitation,
  IssuedInvitation,
  InvitationImportResult,
  ResponseRate,
  RegionResponseRate,
  InvitationList,
  InvitationView,
  ModerationDecision,
  ModerationItem,
  ModerationList,
  ModerationResult,
  RegionSummary,
  NationalNeedCell,
  NeedTotal,
  LevelCoverage,
  NationalCoverageCell,
  LevelSplit,
  ReadinessCell,
  NeedChange,
  RoundChange,
  NationalPicture,
  ReportQuestionId,
  ReportMethod,
  ReportData,
} from "./schemas/survey.ts";

export { protectCells, protectCount } from "./survey/protect-cells.ts";
export { REPORT_QUESTIONS } from "./survey/report-questions.ts";
export { barChartSvg } from "./survey/bar-chart-svg.ts";
export type { BarChartOptions, BarDatum } from "./survey/bar-chart-svg.ts";
export type { ReportQuestion, ReportSection } from "./survey/report-questions.ts";
export type { CellGroup } from "./survey/protect-cells.ts";

// Availability on a date, derived, with its basis
export { availabilityOn, resolveWindows, PLANNED_HORIZON_DAYS } from "./availability-on.ts";
export type { AvailabilityRecord, ResolvedWindow } from "./availability-on.ts";
export { todayInPoland } from "./call-status.ts";

// Values and conditions in words: the one formatter
export { formatValue, labelOf, joinWords, VALUE_WORDS } from "./format/format-value.ts";
export type { FormatOptions } from "./format/format-value.ts";
export {
  conditionText,
  requirementText,
  questionText,
  oneOfText,
  fillTemplate,
} from "./format/condition-text.ts";
export type { ConditionFacts } from "./format/condition-text.ts";
export { formatNumber, formatCount, pluralWord, UNITS } from "./format/plural.ts";
export type { PluralForms, Unit } from "./format/plural.ts";
export { csvCell, toCsv, UTF8_BOM } from "./format/csv.ts";
export type { CsvCell } from "./format/csv.ts";
export {
  formatDate,
  formatDateRange,
  formatMonthRange,
  daysBetween,
  addYears,
  endOfMonth,
} from "./format/dates.ts";

// Errors as data
export {
  ISSUE_CODES,
  DomainValidationError,
  issuesFromZod,
  parseOrThrow,
  formatIssues,
  formatPath,
  toJsonPointer,
} from "./errors.ts";
export type { Issue, IssueCode, IssuePath } from "./errors.ts";

// Fact catalogue: the facts a rule may use
export { FACT_CATALOGUE, FACT_TYPES, factDefinition, factPaths } from "./fact-catalogue.ts";
export type {
  ConditionTemplates,
  FactDefinition,
  FactSpec,
  FactType,
  FactVocabulary,
} from "./fact-catalogue.ts";
