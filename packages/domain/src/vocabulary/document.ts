/**
 * @module
 * All vocabularies in one document, as `GET /vocabulary` serves them.
 */
import type { VocabularyEntry } from "./localized.ts";
import { REGIONS, type Region } from "./regions.ts";
import {
  ActorTypes,
  Applicants,
  DatePrecisions,
  EndRules,
  CallStatuses,
  Confidences,
  Currencies,
  EscaLabels,
  FundingSourceKinds,
  InstrumentForms,
  LegalForms,
  Levels,
  MaturityStages,
  Prerequisites,
  PublicTasks,
  ReadinessLevels,
  RecordKinds,
  SupportFunctions,
  Verdicts,
  Visibilities,
} from "./vocabulary.ts";

export interface VocabularyDocument {
  regions: readonly Region[];
  actorTypes: readonly VocabularyEntry[];
  supportFunctions: readonly VocabularyEntry[];
  publicTasks: readonly VocabularyEntry[];
  readinessLevels: readonly VocabularyEntry[];
  fundingSourceKinds: readonly VocabularyEntry[];
  instrumentForms: readonly VocabularyEntry[];
  levels: readonly VocabularyEntry[];
  maturityStages: readonly VocabularyEntry[];
  escaLabels: readonly VocabularyEntry[];
  legalForms: readonly VocabularyEntry[];
  confidences: readonly VocabularyEntry[];
  callStatuses: readonly VocabularyEntry[];
  verdicts: readonly VocabularyEntry[];
  recordKinds: readonly VocabularyEntry[];
  prerequisites: readonly VocabularyEntry[];
  currencies: readonly VocabularyEntry[];
  applicants: readonly VocabularyEntry[];
  endRules: readonly VocabularyEntry[];
  datePrecisions: readonly VocabularyEntry[];
  visibilities: readonly VocabularyEntry[];
}

export function vocabularyDocument(): VocabularyDocument {
  return {
    regions: REGIONS,
    actorTypes: ActorTypes.entries,
    supportFunctions: SupportFunctions.entries,
    publicTasks: PublicTasks.entries,
    readinessLevels: ReadinessLevels.entries,
    fundingSourceKinds: FundingSourceKinds.entries,
    instrumentForms: InstrumentForms.entries,
    levels: Levels.entries,
    maturityStages: MaturityStages.entries,
    escaLabels: EscaLabels.entries,
    legalForms: LegalForms.entries,
    confidences: Confidences.entries,
    callStatuses: CallStatuses.entries,
    verdicts: Verdicts.entries,
    recordKinds: RecordKinds.entries,
    prerequisites: Prerequisites.entries,
    currencies: Currencies.entries,
    applicants: Applicants.entries,
    endRules: EndRules.entries,
    datePrecisions: DatePrecisions.entries,
    visibilities: Visibilities.entries,
  };
}
