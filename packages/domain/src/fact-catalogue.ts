/**
 * @module
 * The facts a rule may use: name, type, unit, pl/en label and, for codes, the allowed values.
 * Data only. `@klastry/rules-engine` derives the values (derive-facts.ts) and validates rule files
 * against this list; the CLI prints it (`klastry facts list`).
 */
import type { LocalizedText } from "./vocabulary/localized.ts";
import { REGION_CODES } from "./vocabulary/regions.ts";
import {
  ActorTypes,
  CallStatuses,
  EscaLabels,
  LegalForms,
  MaturityStages,
  PublicTasks,
  ReadinessLevels,
  SupportFunctions,
} from "./vocabulary/vocabulary.ts";

/**
 * Value types. `date` is an ISO `YYYY-MM-DD` string: json-rules-engine's numeric operators accept it
 * (its number check is `parseFloat`) and compare it as text, which orders ISO dates correctly.
 */
export const FACT_TYPES = ["number", "boolean", "string", "date", "string[]", "object"] as const;
export type FactType = (typeof FACT_TYPES)[number];

/** Vocabulary a code-valued fact draws from, so reasons can show labels instead of codes. */
export type FactVocabulary =
  | "actorTypes"
  | "supportFunctions"
  | "publicTasks"
  | "readinessLevels"
  | "regions"
  | "legalForms"
  | "maturityStages"
  | "escaLabels"
  | "callStatuses";

export interface FactSpec {
  readonly type: FactType;
  readonly label: LocalizedText;
  readonly unit?: LocalizedText;
  /** Allowed codes of a `string` fact or of the items of a `string[]` fact. */
  readonly values?: readonly string[];
  readonly vocabulary?: FactVocabulary;
  /** The value may be `null` (known to be absent), e.g. an actor without needs in `actorNeeds`. */
  readonly nullable?: boolean;
  /**
   * Nothing the cluster does can change it (its seat, the date, a call's status): a rule that fails
   * on it is not shown as a near miss, since no advice could bring the cluster over the line.
   */
  readonly fixed?: boolean;
  /** Properties an object fact's `path` may reach (`$.kkk.holds`). */
  readonly properties?: Readonly<Record<string, FactSpec>>;
}

export interface FactDefinition extends FactSpec {
  readonly name: string;
  /** `assessment`: an answer as given; `derived`: computed once per evaluation from answers and date. */
  readonly origin: "assessment" | "derived";
  /**
   * The assessment field a person fills in to make this fact known; listed as an open question
   * when a rule cannot be decided without it. Absent for facts that are always known.
   */
  readonly asks?: string;
  /** Parameters the fact takes; `instrument` defaults to the rule's own instrument. */
  readonly params?: readonly "instrument"[];
  /** How the value is computed, for the catalogue page and the CLI. */
  readonly description: LocalizedText;
}

const t = (pl: string, en: string): LocalizedText => ({ pl, en });

const codes = (entries: readonly { code: string }[]): readonly string[] =>
  entries.map((e) => e.code);

const UNIT_MEMBERS = t("członków", "members");
const UNIT_YEARS = t("lat", "years");
const UNIT_DAYS = t("dni", "days");
const UNIT_PERCENT = t("%", "%");

const membersProperties: Record<string, FactSpec> = Object.fromEntries(
  ActorTypes.entries
    .filter((entry) => entry.code !== "coordinator")
    .map((entry) => [
      entry.code,
      { type: "number", label: entry.label, unit: UNIT_MEMBERS } satisfies FactSpec,
    ]),
);

const actorNeedsProperties: Record<string, FactSpec> = Object.fromEntries(
  ActorTypes.entries.map((entry) => [
    entry.code,
    {
      type: "string[]",
      label: t(`Potrzeby: ${entry.label.pl}`, `Needs: ${entry.label.en}`),
      values: SupportFunctions.codes,
      vocabulary: "supportFunctions",
      nullable: true,
    } satisfies FactSpec,
  ]),
);

const publicTaskReadinessProperties: Record<string, FactSpec> = Object.fromEntries(
  PublicTasks.entries.map((entry) => [
    entry.code,
    {
      type: "string",
      label: entry.label,
      values: ReadinessLevels.codes,
      vocabulary: "readinessLevels",
      nullable: true,
    } satisfies FactSpec,
  ]),
);

/** Every fact a rule may name, in the order the catalogue page shows them. */
export const FACT_CATALOGUE: readonly FactDefinition[] = [
  // Answers as given
  {
    name: "cluster",
    origin: "assessment",
    type: "object",
    label: t("Klaster (dane podstawowe)", "Cluster (basic data)"),
    description: t(
      "Profil klastra z oceny; warunek musi wskazać ścieżkę.",
      "The cluster profile of the assessment; a condition must give a path.",
    ),
    properties: {
      region: {
        type: "string",
        label: t("Województwo siedziby", "Region of the seat"),
        values: REGION_CODES,
        vocabulary: "regions",
        fixed: true,
      },
      inWarsawCapitalRegion: {
        type: "boolean",
        label: t("Siedziba w regionie warszawskim stołecznym", "Seat in the Warsaw capital region"),
        fixed: true,
      },
      sectors: { type: "string[]", label: t("Sektory", "Sectors") },
      smartSpecialisations: {
        type: "string[]",
        label: t("Inteligentne specjalizacje", "Smart specialisations"),
      },
      foundedYear: { type: "number", label: t("Rok założenia", "Year founded"), fixed: true },
      coordinatorLegalForm: {
        type: "string",
        label: t("Forma prawna koordynatora", "Coordinator's legal form"),
        values: codes(LegalForms.entries),
        vocabulary: "legalForms",
      },
      kkk: {
        type: "object",
        label: t("Status Krajowego Klastra Kluczowego", "National Key Cluster status"),
        properties: {
          holds: { type: "boolean", label: t("Posiada status KKK", "Holds KKK status") },
          validUntil: { type: "date", label: t("Status KKK ważny do", "KKK status valid until") },
        },
      },
      regionalKeyCluster: {
        type: "boolean",
        label: t("Status regionalnego klastra kluczowego", "Regional key cluster status"),
      },
      supraRegionalGrowthCluster: {
        type: "boolean",
        label: t("Ponadregionalny klaster wzrostowy", "Supra-regional growth cluster"),
      },
      esca: {
        type: "object",
        label: t("Certyfikat ESCA", "ESCA label"),
        properties: {
          label: {
            type: "string",
            label: t("Poziom certyfikatu ESCA", "ESCA label level"),
            values: codes(EscaLabels.entries),
            vocabulary: "escaLabels",
          },
          validUntil: {
            type: "date",
            label: t("Certyfikat ESCA ważny do", "ESCA label valid until"),
          },
        },
      },
      eccpListed: { type: "boolean", label: t("Profil na platformie ECCP", "Listed on the ECCP") },
    },
  },
  {
    name: "profile",
    origin: "assessment",
    type: "object",
    label: t("Profil członków i działalności", "Membership and activity profile"),
    description: t(
      "Liczby członków i wskaźniki z oceny; warunek musi wskazać ścieżkę.",
      "Member counts and indicators of the assessment; a condition must give a path.",
    ),
    properties: {
      members: {
        type: "object",
        label: t("Członkowie według typu", "Members by type"),
        properties: membersProperties,
      },
      employees: {
        type: "number",
        label: t("Zatrudnienie u członków", "People employed by members"),
        unit: t("osób", "people"),
      },
      coordinatorStaffFte: {
        type: "number",
        label: t("Etaty w zespole koordynatora", "Coordinator staff"),
        unit: t("etatów", "FTE"),
      },
      maturityStage: {
        type: "string",
        label: t("Etap rozwoju klastra", "Cluster maturity stage"),
        values: codes(MaturityStages.entries),
        vocabulary: "maturityStages",
      },
      exportingSharePercent: {
        type: "number",
        label: t("Udział eksportujących członków", "Share of exporting members"),
        unit: UNIT_PERCENT,
      },
      jointRdProjects: {
        type: "number",
        label: t("Wspólne projekty B+R (3 lata)", "Joint R&D projects (3 years)"),
        unit: t("projektów", "projects"),
      },
      internationalPartners: {
        type: "number",
        label: t("Partnerzy zagraniczni", "International partners"),
        unit: t("partnerów", "partners"),
      },
      hasStrategy: {
        type: "boolean",
        label: t("Klaster ma strategię", "The cluster has a strategy"),
      },
    },
  },
  {
    name: "ownContribution",
    origin: "assessment",
    type: "object",
    label: t("Wkład własny", "Own contribution"),
    description: t(
      "Co klaster może wnieść sam; warunek musi wskazać ścieżkę.",
      "What the cluster can put in itself; a condition must give a path.",
    ),
    properties: {
      maxSharePercent: {
        type: "number",
        label: t("Maksymalny udział wkładu własnego", "Largest own-contribution share"),
        unit: UNIT_PERCENT,
      },
      maxAmountPln: {
        type: "number",
        label: t("Maksymalna kwota wkładu własnego", "Largest own-contribution amount"),
        unit: t("zł", "PLN"),
      },
    },
  },
  // Derived once per evaluation
  {
    name: "region",
    origin: "derived",
    fixed: true,
    type: "string",
    values: REGION_CODES,
    vocabulary: "regions",
    label: t("Województwo", "Region"),
    description: t(
      "Kod TERYT województwa siedziby (cluster.region).",
      "TERYT code of the seat's region (cluster.region).",
    ),
  },
  {
    name: "inEasternPoland",
    origin: "derived",
    fixed: true,
    type: "boolean",
    asks: "cluster.inWarsawCapitalRegion",
    label: t("Siedziba na obszarze FE dla Polski Wschodniej", "Seat in the FE Eastern Poland area"),
    description: t(
      "Województwa 06, 18, 20, 26, 28 oraz 14 poza regionem warszawskim stołecznym; dla 14 nieznane, gdy nie podano położenia siedziby.",
      "Regions 06, 18, 20, 26, 28 and 14 outside the Warsaw capital region; unknown for 14 when the seat's location is not given.",
    ),
  },
  {
    name: "memberCount",
    origin: "derived",
    type: "number",
    unit: UNIT_MEMBERS,
    asks: "profile.members",
    label: t("Liczba członków klastra", "Number of cluster members"),
    description: t(
      "Suma podanych liczb członków (niepodany typ liczy się jako 0); nieznana, gdy nie podano żadnej liczby.",
      "Sum of the given member counts (a type left blank counts as 0); unknown when no count is given.",
    ),
  },
  {
    name: "smeMemberCount",
    origin: "derived",
    type: "number",
    unit: UNIT_MEMBERS,
    asks: "profile.members.sme",
    label: t("Liczba członków MŚP", "Number of SME members"),
    description: t(
      "profile.members.sme; 0, gdy podano inne liczby, a tę pominięto.",
      "profile.members.sme; 0 when other counts are given and this one is blank.",
    ),
  },
  {
    name: "enterpriseMemberCount",
    origin: "derived",
    type: "number",
    unit: UNIT_MEMBERS,
    asks: "profile.members",
    label: t("Liczba członków-przedsiębiorstw", "Number of enterprise members"),
    description: t("MŚP plus duże przedsiębiorstwa.", "SMEs plus large enterprises."),
  },
  {
    name: "memberTypesCount",
    origin: "derived",
    type: "number",
    unit: t("typów", "types"),
    asks: "profile.members",
    label: t("Liczba typów członków (potrójna helisa)", "Number of member types (triple helix)"),
    description: t(
      "Ile typów członków ma co najmniej jednego członka.",
      "How many member types have at least one member.",
    ),
  },
  {
    name: "memberTypes",
    origin: "derived",
    type: "string[]",
    values: codes(ActorTypes.entries),
    vocabulary: "actorTypes",
    asks: "profile.members",
    label: t("Typy członków obecne w klastrze", "Member types present in the cluster"),
    description: t(
      "Typy członków z liczbą większą od 0, w kolejności słownika.",
      "Member types with a count above 0, in vocabulary order.",
    ),
  },
  {
    name: "clusterAgeYears",
    origin: "derived",
    type: "number",
    unit: UNIT_YEARS,
    asks: "cluster.foundedYear",
    label: t("Wiek klastra", "Cluster age"),
    description: t(
      "Rok daty oceny minus rok założenia.",
      "Year of the evaluation date minus the year founded.",
    ),
  },
  {
    name: "kkkValidOnDate",
    origin: "derived",
    type: "boolean",
    asks: "cluster.kkk",
    label: t("Status KKK ważny w dniu oceny", "KKK status valid on the evaluation date"),
    description: t(
      "Posiada status KKK, a data ważności (jeśli podana) nie minęła.",
      "Holds KKK status and its end date, when given, has not passed.",
    ),
  },
  {
    name: "escaLabelValidOnDate",
    origin: "derived",
    type: "boolean",
    asks: "cluster.esca",
    label: t("Certyfikat ESCA ważny w dniu oceny", "ESCA label valid on the evaluation date"),
    description: t(
      "Certyfikat inny niż „brak”, którego data ważności (jeśli podana) nie minęła.",
      "A label other than none whose end date, when given, has not passed.",
    ),
  },
  {
    name: "escaLabelOnDate",
    origin: "derived",
    type: "string",
    values: codes(EscaLabels.entries),
    vocabulary: "escaLabels",
    asks: "cluster.esca",
    label: t("Certyfikat ESCA w dniu oceny", "ESCA label on the evaluation date"),
    description: t(
      "Poziom certyfikatu, albo „none”, gdy wygasł.",
      "The label's level, or none when it has expired.",
    ),
  },
  {
    name: "neededFunctions",
    origin: "derived",
    type: "string[]",
    values: SupportFunctions.codes,
    vocabulary: "supportFunctions",
    label: t("Funkcje wymagające wsparcia", "Functions needing support"),
    description: t(
      "Funkcje, których potrzebuje którykolwiek aktor, bez powtórzeń.",
      "Functions any actor needs, without repeats.",
    ),
  },
  {
    name: "highPriorityFunctions",
    origin: "derived",
    type: "string[]",
    values: SupportFunctions.codes,
    vocabulary: "supportFunctions",
    label: t("Funkcje o najwyższym priorytecie", "Top-priority functions"),
    description: t("Funkcje potrzeb o priorytecie 1.", "Functions of needs with priority 1."),
  },
  {
    name: "actorNeeds",
    origin: "derived",
    type: "object",
    label: t("Potrzeby według aktora", "Needs by actor"),
    description: t(
      "Dla każdego typu aktora lista funkcji, których potrzebuje, albo null, gdy nie zgłosił potrzeb.",
      "For each actor type the functions it needs, or null when it has no needs.",
    ),
    properties: actorNeedsProperties,
  },
  {
    name: "actorsWithNeeds",
    origin: "derived",
    type: "string[]",
    values: codes(ActorTypes.entries),
    vocabulary: "actorTypes",
    label: t("Aktorzy zgłaszający potrzeby", "Actors with needs"),
    description: t(
      "Typy aktorów z co najmniej jedną potrzebą.",
      "Actor types with at least one need.",
    ),
  },
  {
    name: "readyPublicTasks",
    origin: "derived",
    type: "string[]",
    values: PublicTasks.codes,
    vocabulary: "publicTasks",
    label: t(
      "Zadania publiczne, do których klaster jest gotowy",
      "Public tasks the cluster is ready for",
    ),
    description: t(
      "Zadania z gotowością „gotowy” lub „już realizuje”.",
      "Tasks with readiness ready or already doing.",
    ),
  },
  {
    name: "publicTaskReadiness",
    origin: "derived",
    type: "object",
    label: t("Gotowość do zadań publicznych", "Readiness for public tasks"),
    description: t(
      "Dla każdego zadania poziom gotowości albo null, gdy go nie wskazano.",
      "For each task the readiness level, or null when not listed.",
    ),
    properties: publicTaskReadinessProperties,
  },
  {
    name: "evaluationDate",
    origin: "derived",
    fixed: true,
    type: "date",
    label: t("Data oceny", "Evaluation date"),
    description: t(
      "Dzień, na który liczona jest rekomendacja.",
      "The day the recommendation is computed for.",
    ),
  },
  {
    name: "instrumentCallStatus",
    origin: "derived",
    fixed: true,
    type: "string",
    values: codes(CallStatuses.entries),
    vocabulary: "callStatuses",
    params: ["instrument"],
    label: t("Stan naboru instrumentu", "Instrument's call status"),
    description: t(
      "Stan naboru w dniu oceny (callStatusOn); parametr instrument domyślnie to instrument reguły.",
      "Call status on the evaluation date (callStatusOn); the instrument parameter defaults to the rule's instrument.",
    ),
  },
  {
    name: "daysUntilDeadline",
    origin: "derived",
    fixed: true,
    type: "number",
    unit: UNIT_DAYS,
    nullable: true,
    params: ["instrument"],
    label: t("Dni do końca naboru", "Days until the call closes"),
    description: t(
      "Dni od daty oceny do zamknięcia otwartego naboru; null, gdy nabór nie jest otwarty lub nie ma daty zamknięcia.",
      "Days from the evaluation date to the closing day of the open call; null when no call is open or it has no closing day.",
    ),
  },
];

/** Looks a fact up by name; undefined when the catalogue has no such fact. */
export function factDefinition(name: string): FactDefinition | undefined {
  return FACT_BY_NAME.get(name);
}

const FACT_BY_NAME: ReadonlyMap<string, FactDefinition> = new Map(
  FACT_CATALOGUE.map((f) => [f.name, f]),
);

/**
 * Every path a condition may use on an object fact, e.g. `["$.kkk", "$.kkk.holds", ...]` for
 * `cluster`; leaves first-level objects too, so `$.kkk` may be compared with `null`.
 */
export function factPaths(fact: FactSpec): string[] {
  const out: string[] = [];
  const walk = (spec: FactSpec, prefix: string) => {
    for (const [key, child] of Object.entries(spec.properties ?? {})) {
      out.push(`${prefix}.${key}`);
      if (child.type === "object") walk(child, `${prefix}.${key}`);
    }
  };
  walk(fact, "$");
  return out;
}
