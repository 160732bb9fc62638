/**
 * @module
 * The closed vocabularies of the product, from the seed document's questions 5-10 and the PARP
 * cluster-management standards (facts.md sections 7 and 9). Codes are stable English slugs;
 * changing one is a data migration, adding one is not.
 */
import { z } from "zod";
import type { VocabularyEntry } from "./localized.ts";

function vocabulary<const Code extends string>(entries: readonly VocabularyEntry<Code>[]) {
  const codes = entries.map((entry) => entry.code) as [Code, ...Code[]];
  return { entries, codes, schema: z.enum(codes) };
}

/** Seed question 6: who in a cluster needs support. */
export const ActorTypes = vocabulary([
  { code: "coordinator", label: { pl: "Koordynator klastra", en: "Cluster coordinator" } },
  {
    code: "sme",
    label: {
      pl: "MŚP (mikro, małe i średnie przedsiębiorstwa)",
      en: "SMEs (micro, small and medium enterprises)",
    },
  },
  { code: "large_enterprise", label: { pl: "Duże przedsiębiorstwa", en: "Large enterprises" } },
  {
    code: "research_organisation",
    label: { pl: "Uczelnie i jednostki naukowe", en: "Universities and research organisations" },
  },
  {
    code: "business_support_institution",
    label: { pl: "Instytucje otoczenia biznesu", en: "Business support institutions" },
  },
  {
    code: "local_government",
    label: { pl: "Jednostki samorządu terytorialnego", en: "Local governments" },
  },
  { code: "other", label: { pl: "Inni członkowie", en: "Other members" } },
]);
export const ActorTypeSchema = ActorTypes.schema;
export type ActorType = z.infer<typeof ActorTypeSchema>;

/** Seed question 7: which functions need support (PARP standards, area 4 "services to members"). */
export const SupportFunctions = vocabulary([
  {
    code: "cluster_management",
    label: {
      pl: "Zarządzanie klastrem i rozwój koordynatora",
      en: "Cluster management and coordinator capacity",
    },
  },
  {
    code: "rdi_cooperation",
    label: {
      pl: "Współpraca B+R+I i transfer wiedzy",
      en: "R&D&I cooperation and knowledge transfer",
    },
  },
  {
    code: "internationalisation",
    label: { pl: "Umiędzynarodowienie i eksport", en: "Internationalisation and export" },
  },
  { code: "promotion_branding", label: { pl: "Promocja i marka", en: "Promotion and branding" } },
  { code: "skills_training", label: { pl: "Kompetencje i szkolenia", en: "Skills and training" } },
  {
    code: "shared_infrastructure",
    label: { pl: "Wspólna infrastruktura", en: "Shared infrastructure" },
  },
  {
    code: "digital_transformation",
    label: { pl: "Transformacja cyfrowa", en: "Digital transformation" },
  },
  {
    code: "green_transition",
    label: { pl: "Zielona transformacja i GOZ", en: "Green transition and circular economy" },
  },
  {
    code: "networking_trust",
    label: { pl: "Sieciowanie i budowanie zaufania", en: "Networking and trust building" },
  },
  { code: "access_to_finance", label: { pl: "Dostęp do finansowania", en: "Access to finance" } },
  {
    code: "market_access_procurement",
    label: { pl: "Dostęp do rynków i zamówień", en: "Market access and procurement" },
  },
  { code: "advisory_services", label: { pl: "Usługi doradcze", en: "Advisory services" } },
]);
export const SupportFunctionSchema = SupportFunctions.schema;
export type SupportFunction = z.infer<typeof SupportFunctionSchema>;

/** Seed question 10: public tasks that clusters could carry out. */
export const PublicTasks = vocabulary([
  {
    code: "smart_specialisation_edp",
    label: {
      pl: "Proces przedsiębiorczego odkrywania (inteligentne specjalizacje)",
      en: "Entrepreneurial discovery for smart specialisation",
    },
  },
  {
    code: "vocational_education",
    label: { pl: "Kształcenie zawodowe i dualne", en: "Vocational and dual education" },
  },
  { code: "export_promotion", label: { pl: "Promocja eksportu", en: "Export promotion" } },
  {
    code: "investor_attraction",
    label: { pl: "Przyciąganie inwestorów", en: "Investor attraction" },
  },
  { code: "supplier_development", label: { pl: "Rozwój dostawców", en: "Supplier development" } },
  {
    code: "digital_diffusion",
    label: { pl: "Upowszechnianie cyfryzacji", en: "Diffusion of digital technologies" },
  },
  {
    code: "energy_transition",
    label: { pl: "Transformacja energetyczna", en: "Energy transition" },
  },
  {
    code: "innovation_procurement",
    label: { pl: "Zamówienia innowacyjne", en: "Innovation procurement" },
  },
  {
    code: "strategy_consultation",
    label: {
      pl: "Konsultowanie strategii i polityk publicznych",
      en: "Consultation of strategies and public policies",
    },
  },
  {
    code: "data_collection",
    label: { pl: "Zbieranie danych i monitorowanie", en: "Data collection and monitoring" },
  },
  {
    code: "supply_chain_resilience",
    label: { pl: "Odporność łańcuchów dostaw", en: "Supply-chain resilience" },
  },
]);
export const PublicTaskSchema = PublicTasks.schema;
export type PublicTask = z.infer<typeof PublicTaskSchema>;

/** How ready a cluster is to carry out a public task. */
export const ReadinessLevels = vocabulary([
  { code: "interested", label: { pl: "Zainteresowany", en: "Interested" } },
  { code: "ready", label: { pl: "Gotowy", en: "Ready" } },
  { code: "already_doing", label: { pl: "Już realizuje", en: "Already doing it" } },
]);
export const ReadinessLevelSchema = ReadinessLevels.schema;
export type ReadinessLevel = z.infer<typeof ReadinessLevelSchema>;

/** Funding-source kinds (facts.md section 5). */
export const FundingSourceKinds = vocabulary([
  {
    code: "eu_cohesion",
    label: { pl: "Fundusze polityki spójności UE", en: "EU cohesion-policy funds" },
  },
  {
    code: "eu_recovery",
    label: { pl: "Instrument na rzecz Odbudowy (KPO)", en: "Recovery and Resilience Facility" },
  },
  {
    code: "eu_direct",
    label: { pl: "Programy UE zarządzane centralnie", en: "EU programmes under direct management" },
  },
  { code: "eu_guarantee", label: { pl: "Gwarancje budżetu UE", en: "EU budget guarantees" } },
  { code: "state_budget", label: { pl: "Budżet państwa", en: "State budget" } },
  { code: "regional_budget", label: { pl: "Budżet województwa", en: "Voivodeship budget" } },
  { code: "own_funds", label: { pl: "Środki własne", en: "Own funds" } },
  { code: "fees", label: { pl: "Opłaty uczestników", en: "Participant fees" } },
]);
export const FundingSourceKindSchema = FundingSourceKinds.schema;

/** Seed question 9: the forms support takes. */
export const InstrumentForms = vocabulary([
  { code: "grant", label: { pl: "Dotacja", en: "Grant" } },
  { code: "loan", label: { pl: "Pożyczka lub kredyt", en: "Loan" } },
  { code: "guarantee", label: { pl: "Gwarancja", en: "Guarantee" } },
  { code: "equity", label: { pl: "Finansowanie kapitałowe", en: "Equity" } },
  { code: "voucher", label: { pl: "Bon", en: "Voucher" } },
  { code: "advisory", label: { pl: "Doradztwo i usługi", en: "Advisory and services" } },
  { code: "status", label: { pl: "Status", en: "Status" } },
  { code: "label", label: { pl: "Certyfikat jakości", en: "Quality label" } },
  { code: "networking", label: { pl: "Platforma i sieciowanie", en: "Platform and networking" } },
]);
export const InstrumentFormSchema = InstrumentForms.schema;
export type InstrumentForm = z.infer<typeof InstrumentFormSchema>;

/** Seed question 5: who gives support. */
export const Levels = vocabulary([
  { code: "eu", label: { pl: "Unijny", en: "EU" } },
  { code: "national", label: { pl: "Krajowy", en: "National" } },
  { code: "regional", label: { pl: "Regionalny", en: "Regional" } },
]);
export const LevelSchema = Levels.schema;
export type Level = z.infer<typeof LevelSchema>;

/**
 * Cluster maturity tiers of the national model, as the Mazovian cluster policy restates them
 * (facts.md section 10: zalążkowy >= 12 months and >= 15 members; wzrostowy >= 2 years and >= 25
 * members; KKK >= 3 years and >= 51 members). KKK itself is a status, recorded separately.
 */
export const MaturityStages = vocabulary([
  { code: "seed", label: { pl: "Klaster zalążkowy", en: "Seed cluster" } },
  { code: "growth", label: { pl: "Klaster wzrostowy", en: "Growth cluster" } },
  { code: "mature", label: { pl: "Klaster dojrzały", en: "Mature cluster" } },
]);
export const MaturityStageSchema = MaturityStages.schema;

/** ESCA / ECEI Cluster Management Excellence labels (facts.md section 7). */
export const EscaLabels = vocabulary([
  { code: "none", label: { pl: "Brak", en: "None" } },
  { code: "bronze", label: { pl: "Brązowy", en: "Bronze" } },
  { code: "silver", label: { pl: "Srebrny", en: "Silver" } },
  { code: "gold", label: { pl: "Złoty", en: "Gold" } },
]);
export const EscaLabelSchema = EscaLabels.schema;

/** Legal form of the cluster coordinator. */
export const LegalForms = vocabulary([
  { code: "association", label: { pl: "Stowarzyszenie", en: "Association" } },
  { code: "foundation", label: { pl: "Fundacja", en: "Foundation" } },
  { code: "limited_company", label: { pl: "Spółka z o.o.", en: "Limited liability company" } },
  { code: "joint_stock_company", label: { pl: "Spółka akcyjna", en: "Joint-stock company" } },
  { code: "chamber", label: { pl: "Izba gospodarcza", en: "Chamber of commerce" } },
  {
    code: "research_organisation",
    label: { pl: "Uczelnia lub jednostka naukowa", en: "University or research organisation" },
  },
  { code: "public_body", label: { pl: "Jednostka publiczna", en: "Public body" } },
  { code: "other", label: { pl: "Inna", en: "Other" } },
]);
export const LegalFormSchema = LegalForms.schema;

/** How sure we are of a catalogue record (facts.md: H official source, M one secondary, L weak). */
export const Confidences = vocabulary([
  { code: "H", label: { pl: "Wysoka (źródło oficjalne)", en: "High (official source)" } },
  {
    code: "M",
    label: { pl: "Średnia (jedno źródło wtórne)", en: "Medium (one secondary source)" },
  },
  { code: "L", label: { pl: "Niska (źródło pośrednie)", en: "Low (indirect source)" } },
]);
export const ConfidenceSchema = Confidences.schema;
export type Confidence = z.infer<typeof ConfidenceSchema>;

/**
 * Availability on a date, derived from an instrument's dated availability, never stored. Only
 * `open` says a call can be applied for now, and only when a dated window contains the date.
 * `unknown` where the sources date nothing usable: saying "closed" there would claim a fact
 * nobody checked.
 */
export const CallStatuses = vocabulary([
  { code: "open", label: { pl: "Nabór otwarty", en: "Open call" } },
  { code: "planned", label: { pl: "Nabór zapowiedziany", en: "Call announced" } },
  { code: "expected", label: { pl: "Nabór spodziewany", en: "Call expected" } },
  { code: "available", label: { pl: "Oferta dostępna", en: "Available" } },
  {
    code: "programme_running",
    label: {
      pl: "Program trwa, brak potwierdzonego naboru",
      en: "Programme running, no confirmed call",
    },
  },
  { code: "closed", label: { pl: "Nabór zamknięty", en: "Call closed" } },
  { code: "ended", label: { pl: "Zakończony", en: "Ended" } },
  { code: "unknown", label: { pl: "Brak dat w źródłach", en: "No dates in the sources" } },
]);
export const CallStatusSchema = CallStatuses.schema;
export type CallStatus = z.infer<typeof CallStatusSchema>;

/** Why an instrument is known to have ended (facts on the end of EU eligibility periods). */
export const EndRules = vocabulary([
  { code: "source", label: { pl: "Data końca podana w źródle", en: "End date given by a source" } },
  {
    code: "eu_2014_2020",
    label: {
      pl: "Koniec kwalifikowalności wydatków 2014-2020 (rozporządzenie (UE) nr 1303/2013, art. 65 ust. 2)",
      en: "End of eligibility of 2014-2020 spending (Regulation (EU) No 1303/2013, art. 65(2))",
    },
  },
  {
    code: "eu_2007_2013",
    label: {
      pl: "Koniec kwalifikowalności wydatków 2007-2013 (rozporządzenie (WE) nr 1083/2006, art. 56)",
      en: "End of eligibility of 2007-2013 spending (Regulation (EC) No 1083/2006, art. 56)",
    },
  },
  {
    code: "programme_name",
    label: {
      pl: "Ostatni rok w nazwie programu",
      en: "The last year in the programme's name",
    },
  },
]);
export const EndRuleSchema = EndRules.schema;

/** How exactly a call window is dated: only day-exact windows can make a call open or announced. */
export const DatePrecisions = vocabulary([
  { code: "day", label: { pl: "co do dnia", en: "to the day" } },
  { code: "month", label: { pl: "co do miesiąca", en: "to the month" } },
  { code: "quarter", label: { pl: "co do kwartału", en: "to the quarter" } },
  { code: "year", label: { pl: "co do roku", en: "to the year" } },
]);
export const DatePrecisionSchema = DatePrecisions.schema;

/** Who applies for an instrument: the product groups recommendations by it. */
export const Applicants = vocabulary([
  {
    code: "coordinator",
    label: { pl: "Koordynator w imieniu klastra", en: "The coordinator, for the cluster" },
  },
  { code: "member_firms", label: { pl: "Firmy członkowskie", en: "Member firms" } },
  {
    code: "research_members",
    label: { pl: "Członkowie naukowi", en: "Research members" },
  },
  {
    code: "consortium",
    label: {
      pl: "Konsorcjum (klaster lub członkowie z partnerami)",
      en: "A consortium (the cluster or members with partners)",
    },
  },
]);
export const ApplicantSchema = Applicants.schema;

/** The three outcomes of a rule for one assessment. */
export const Verdicts = vocabulary([
  { code: "eligible", label: { pl: "Kwalifikuje się", en: "Eligible" } },
  { code: "unknown", label: { pl: "Nie wiadomo jeszcze", en: "Can't tell yet" } },
  { code: "not_eligible", label: { pl: "Nie kwalifikuje się", en: "Not eligible" } },
]);
export const VerdictSchema = Verdicts.schema;
export type Verdict = z.infer<typeof VerdictSchema>;

/** What kind of record a catalogue entry is; programme-level entries say so instead of inventing a measure. */
export const RecordKinds = vocabulary([
  { code: "measure", label: { pl: "Działanie lub nabór", en: "Measure or call" } },
  {
    code: "programme_priority",
    label: {
      pl: "Priorytet programu (bez potwierdzonego działania dla klastrów)",
      en: "Programme priority (no confirmed cluster measure)",
    },
  },
  { code: "scheme", label: { pl: "Program lub schemat stały", en: "Standing scheme" } },
  { code: "status", label: { pl: "Status lub certyfikat", en: "Status or label" } },
  { code: "service", label: { pl: "Usługa lub platforma", en: "Service or platform" } },
]);
export const RecordKindSchema = RecordKinds.schema;

/** Prerequisites an instrument may demand of a cluster. */
export const Prerequisites = vocabulary([
  {
    code: "kkk_status",
    label: { pl: "Status Krajowego Klastra Kluczowego", en: "National Key Cluster (KKK) status" },
  },
  {
    code: "supra_regional_growth_cluster",
    label: { pl: "Ponadregionalny klaster wzrostowy", en: "Supra-regional growth cluster" },
  },
  {
    code: "regional_key_cluster_status",
    label: { pl: "Status regionalnego klastra kluczowego", en: "Regional key cluster status" },
  },
  {
    code: "eccp_listing",
    label: {
      pl: "Profil na European Cluster Collaboration Platform",
      en: "Listed on the European Cluster Collaboration Platform",
    },
  },
  {
    code: "smart_specialisation_fit",
    label: { pl: "Zgodność z inteligentną specjalizacją", en: "Fit with a smart specialisation" },
  },
  {
    code: "international_consortium",
    label: { pl: "Konsorcjum międzynarodowe", en: "International consortium" },
  },
]);
export const PrerequisiteSchema = Prerequisites.schema;

export const Currencies = vocabulary([
  { code: "PLN", label: { pl: "złoty", en: "Polish zloty" } },
  { code: "EUR", label: { pl: "euro", en: "euro" } },
]);
export const CurrencySchema = Currencies.schema;

/**
 * What the cluster lets its voivodeship's authority see of a saved assessment: the assessment by
 * the cluster's name, only anonymous totals (cells of fewer than 3 clusters suppressed), or nothing.
 */
export const Visibilities = vocabulary([
  {
    code: "named",
    label: { pl: "Widoczna z nazwą klastra", en: "Visible with the cluster's name" },
  },
  {
    code: "anonymous",
    label: { pl: "Tylko w anonimowych zestawieniach", en: "Only in anonymous totals" },
  },
  { code: "private", label: { pl: "Niewidoczna dla urzędu", en: "Not visible to the authority" } },
]);
export const VisibilitySchema = Visibilities.schema;
export type Visibility = z.infer<typeof VisibilitySchema>;
