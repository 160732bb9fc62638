/**
 * @module
 * The facts a rule may use: name, type, unit, pl/en label and, for codes, the allowed values.
 * Data only. `@klastry/rules-engine` derives the values (derive-facts.ts) and validates rule files
 * against this list; the CLI prints it (`klastry facts list`).
 */
import { UNITS, type Unit } from "./format/plural.ts";
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
  /** Counted in this unit; numbers are written with the noun in agreement ("2 lata", "5 lat"). */
  readonly unit?: Unit;
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
  /**
   * A need or a task the cluster reports: an instrument that fails only because it funds something
   * the cluster did not ask for is not a near miss ("also funds ..." instead).
   */
  readonly need?: boolean;
  /**
   * A status, label or listing the cluster can obtain (true = it has it). Lacking it is something
   * the cluster can change; a condition that fails because the cluster already has it (a status it
   * would apply for and already holds) is not: no advice asks a cluster to give a status up.
   */
  readonly obtainable?: boolean;
  /** For a boolean fact: the sentence when it is true and when it is false, and what a rule asks for. */
  readonly sentences?: {
    readonly yes: LocalizedText;
    readonly no: LocalizedText;
  };
  /**
   * The value may be known only to a range (the evaluation carries its upper end apart): a
   * condition deciding differently at the two ends is unknown and asks for the answer that narrows it.
   */
  readonly ranged?: boolean;
  /** For a ranged fact: the answer that narrows a known range to one value. */
  readonly narrowedBy?: string;
  /**
   * Texts for conditions on this fact by operator, where the generic ones would read badly
   * ({label}, {actual}, {required} as in rule files); any part left out falls back to the generic.
   */
  readonly templates?: Readonly<Partial<Record<string, ConditionTemplates>>>;
  /** The question that makes this fact known, when it is an answer of the assessment. */
  readonly question?: LocalizedText;
  /** Properties an object fact's `path` may reach (`$.kkk.holds`). */
  readonly properties?: Readonly<Record<string, FactSpec>>;
}

/** A condition's texts: when it holds, when it fails, and as one alternative of several. */
export interface ConditionTemplates {
  readonly pass?: LocalizedText;
  readonly fail?: LocalizedText;
  readonly requirement?: LocalizedText;
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

const UNIT_MEMBERS = UNITS.members;
const UNIT_YEARS = UNITS.years;
const UNIT_DAYS = UNITS.days;
const UNIT_PERCENT = UNITS.percent;

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
      need: true,
      templates: {
        contains: {
          pass: t(
            `Zgłoszona potrzeba – ${entry.label.pl}: {required}`,
            `Reported need – ${entry.label.en}: {required}`,
          ),
          fail: t(
            `Finansuje „{required}” dla: ${entry.label.pl}; tej potrzeby nie zaznaczono`,
            `Funds "{required}" for ${entry.label.en}; this need is not marked`,
          ),
          requirement: t(
            `potrzeba „{required}” – ${entry.label.pl}`,
            `the need "{required}" – ${entry.label.en}`,
          ),
        },
      },
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
      need: true,
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
        question: t(
          "W którym województwie jest siedziba klastra?",
          "In which region is the cluster's seat?",
        ),
      },
      inWarsawCapitalRegion: {
        type: "boolean",
        label: t("Siedziba w regionie warszawskim stołecznym", "Seat in the Warsaw capital region"),
        fixed: true,
        question: t(
          "Czy siedziba klastra leży w Warszawie lub w jednym z 9 powiatów regionu warszawskiego stołecznego?",
          "Is the cluster's seat in Warsaw or in one of the 9 powiats of the Warsaw capital region?",
        ),
        sentences: {
          yes: t(
            "Siedziba w regionie warszawskim stołecznym",
            "The seat is in the Warsaw capital region",
          ),
          no: t(
            "Siedziba poza regionem warszawskim stołecznym",
            "The seat is outside the Warsaw capital region",
          ),
        },
      },
      sectors: {
        type: "string[]",
        label: t("Sektory", "Sectors"),
        fixed: true,
        question: t(
          "W jakich sektorach działa klaster?",
          "In which sectors does the cluster work?",
        ),
      },
      smartSpecialisations: {
        type: "string[]",
        label: t("Inteligentne specjalizacje", "Smart specialisations"),
        question: t(
          "Z którymi inteligentnymi specjalizacjami (krajowymi lub regionalnymi) wiąże się działalność klastra?",
          "Which smart specialisations (national or regional) does the cluster's work fit?",
        ),
      },
      foundedYear: {
        type: "number",
        label: t("Rok założenia", "Year founded"),
        fixed: true,
        question: t("W którym roku powstał klaster?", "In which year was the cluster founded?"),
      },
      foundedMonth: {
        type: "number",
        label: t("Miesiąc założenia", "Month founded"),
        fixed: true,
        question: t(
          "W którym miesiącu powstał klaster?",
          "In which month was the cluster founded?",
        ),
      },
      coordinatorLegalForm: {
        type: "string",
        label: t("Forma prawna koordynatora", "Coordinator's legal form"),
        values: codes(LegalForms.entries),
        vocabulary: "legalForms",
        fixed: true,
        question: t(
          "Jaką formę prawną ma koordynator klastra?",
          "What is the coordinator's legal form?",
        ),
      },
      kkk: {
        type: "object",
        label: t("Status Krajowego Klastra Kluczowego", "National Key Cluster status"),
        question: t(
          "Czy klaster ma status Krajowego Klastra Kluczowego, a jeśli tak, do kiedy jest ważny?",
          "Does the cluster hold National Key Cluster (KKK) status, and if so, until when?",
        ),
        properties: {
          holds: {
            type: "boolean",
            obtainable: true,
            label: t("Posiada status KKK", "Holds KKK status"),
            sentences: {
              yes: t("Klaster ma status KKK", "The cluster holds KKK status"),
              no: t("Klaster nie ma statusu KKK", "The cluster does not hold KKK status"),
            },
          },
          validUntil: { type: "date", label: t("Status KKK ważny do", "KKK status valid until") },
        },
      },
      regionalKeyCluster: {
        type: "boolean",
        obtainable: true,
        label: t("Status regionalnego klastra kluczowego", "Regional key cluster status"),
        question: t(
          "Czy klaster ma status klastra kluczowego swojego województwa?",
          "Does the cluster hold its region's key-cluster status?",
        ),
        sentences: {
          yes: t(
            "Klaster ma status regionalnego klastra kluczowego",
            "The cluster holds regional key-cluster status",
          ),
          no: t(
            "Klaster nie ma statusu regionalnego klastra kluczowego",
            "The cluster does not hold regional key-cluster status",
          ),
        },
      },
      supraRegionalGrowthCluster: {
        type: "boolean",
        obtainable: true,
        label: t("Ponadregionalny klaster wzrostowy", "Supra-regional growth cluster"),
        question: t(
          "Czy klaster jest ponadregionalnym klastrem wzrostowym?",
          "Is the cluster a supra-regional growth cluster?",
        ),
        sentences: {
          yes: t(
            "Klaster jest ponadregionalnym klastrem wzrostowym",
            "The cluster is a supra-regional growth cluster",
          ),
          no: t(
            "Klaster nie jest ponadregionalnym klastrem wzrostowym",
            "The cluster is not a supra-regional growth cluster",
          ),
        },
      },
      esca: {
        type: "object",
        label: t("Certyfikat ESCA", "ESCA label"),
        question: t(
          "Czy klaster ma certyfikat zarządzania ESCA (brązowy, srebrny, złoty), a jeśli tak, do kiedy jest ważny?",
          "Does the cluster hold an ESCA management label (bronze, silver, gold), and if so, until when?",
        ),
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
      eccpListed: {
        type: "boolean",
        obtainable: true,
        label: t("Profil na platformie ECCP", "Listed on the ECCP"),
        question: t(
          "Czy klaster ma profil na European Cluster Collaboration Platform?",
          "Is the cluster listed on the European Cluster Collaboration Platform?",
        ),
        sentences: {
          yes: t("Klaster ma profil na platformie ECCP", "The cluster is listed on the ECCP"),
          no: t(
            "Klaster nie ma profilu na platformie ECCP",
            "The cluster is not listed on the ECCP",
          ),
        },
      },
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
        question: t(
          "Ilu członków każdego typu ma klaster?",
          "How many members of each type does the cluster have?",
        ),
        properties: membersProperties,
      },
      employees: {
        type: "number",
        label: t("Zatrudnienie u członków", "People employed by members"),
        unit: UNITS.people,
        question: t(
          "Ile osób zatrudniają łącznie członkowie klastra?",
          "How many people do the members employ in total?",
        ),
      },
      coordinatorStaffFte: {
        type: "number",
        label: t("Zespół koordynatora", "Coordinator staff"),
        unit: UNITS.fte,
        question: t(
          "Ile etatów w zespole koordynatora pracuje dla klastra?",
          "How many full-time equivalents work for the cluster in the coordinator's team?",
        ),
      },
      maturityStage: {
        type: "string",
        label: t("Etap rozwoju klastra", "Cluster maturity stage"),
        values: codes(MaturityStages.entries),
        vocabulary: "maturityStages",
        question: t(
          "Na jakim etapie rozwoju jest klaster?",
          "At which maturity stage is the cluster?",
        ),
      },
      exportingSharePercent: {
        type: "number",
        label: t("Udział eksportujących członków", "Share of exporting members"),
        unit: UNIT_PERCENT,
        question: t("Jaki odsetek członków eksportuje?", "What share of the members export?"),
      },
      jointRdProjects: {
        type: "number",
        label: t(
          "Wspólne projekty B+R w ostatnich 3 latach",
          "Joint R&D projects in the last 3 years",
        ),
        unit: UNITS.projects,
        question: t(
          "Ile wspólnych projektów B+R członkowie prowadzili w ostatnich 3 latach?",
          "How many joint R&D projects did members run in the last 3 years?",
        ),
      },
      internationalPartners: {
        type: "number",
        label: t("Partnerzy zagraniczni", "International partners"),
        unit: UNITS.partners,
        question: t(
          "Z iloma partnerami zagranicznymi klaster współpracuje?",
          "How many international partners does the cluster work with?",
        ),
      },
      hasStrategy: {
        type: "boolean",
        obtainable: true,
        label: t("Klaster ma strategię", "The cluster has a strategy"),
        question: t(
          "Czy klaster ma spisaną strategię?",
          "Does the cluster have a written strategy?",
        ),
        sentences: {
          yes: t("Klaster ma spisaną strategię", "The cluster has a written strategy"),
          no: t("Klaster nie ma spisanej strategii", "The cluster has no written strategy"),
        },
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
        question: t(
          "Jaką część kosztów projektu klaster może pokryć sam (w procentach)?",
          "What share of a project's costs can the cluster cover itself (percent)?",
        ),
      },
      maxAmountPln: {
        type: "number",
        label: t("Maksymalna kwota wkładu własnego", "Largest own-contribution amount"),
        unit: UNITS.pln,
        question: t(
          "Jaką kwotę klaster może wnieść sam (w złotych)?",
          "What amount can the cluster put in itself (PLN)?",
        ),
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
    sentences: {
      yes: t(
        "Siedziba na obszarze programu FE dla Polski Wschodniej",
        "The seat is in the European Funds for Eastern Poland area",
      ),
      no: t(
        "Siedziba poza obszarem programu FE dla Polski Wschodniej",
        "The seat is outside the European Funds for Eastern Poland area",
      ),
    },
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
    label: t("Członkowie klastra", "Cluster members"),
    description: t(
      "Suma liczb członków wszystkich typów; nieznana, dopóki nie podano liczby każdego typu (0 to też odpowiedź).",
      "Sum of the member counts of every type; unknown until each type's count is given (0 is an answer too).",
    ),
  },
  {
    name: "smeMemberCount",
    origin: "derived",
    type: "number",
    unit: UNIT_MEMBERS,
    asks: "profile.members",
    label: t("Członkowie MŚP", "SME members"),
    description: t(
      "profile.members.sme; nieznana, gdy jej nie podano.",
      "profile.members.sme; unknown when not given.",
    ),
  },
  {
    name: "enterpriseMemberCount",
    origin: "derived",
    type: "number",
    unit: UNIT_MEMBERS,
    asks: "profile.members",
    label: t("Członkowie-przedsiębiorstwa", "Enterprise members"),
    description: t(
      "MŚP plus duże przedsiębiorstwa; nieznana, gdy brak którejś z tych liczb.",
      "SMEs plus large enterprises; unknown when either count is missing.",
    ),
  },
  {
    name: "memberTypesCount",
    origin: "derived",
    type: "number",
    unit: UNITS.memberTypes,
    asks: "profile.members",
    label: t("Liczba typów członków", "Number of member types"),
    description: t(
      "Ile typów członków ma co najmniej jednego członka (MŚP i duże firmy to dwa typy); nieznana, dopóki nie podano liczby każdego typu.",
      "How many member types have at least one member (SMEs and large firms are two types); unknown until each type's count is given.",
    ),
  },
  {
    name: "helixSectorsCount",
    origin: "derived",
    type: "number",
    asks: "profile.members",
    label: t(
      "Sektory potrójnej helisy wśród członków (biznes, nauka, instytucje otoczenia i administracja)",
      "Triple-helix sectors among the members (industry, research, support and public bodies)",
    ),
    description: t(
      "Ile z trzech sektorów ma członków: przedsiębiorstwa (MŚP lub duże), nauka (uczelnie i jednostki naukowe), instytucje otoczenia biznesu lub samorządy; nieznana, dopóki nie podano liczby każdego typu.",
      "How many of three sectors have members: industry (SMEs or large firms), research (universities and research organisations), business support institutions or local governments; unknown until each type's count is given.",
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
      "Typy członków z liczbą większą od 0, w kolejności słownika; nieznane, dopóki nie podano liczby każdego typu.",
      "Member types with a count above 0, in vocabulary order; unknown until each type's count is given.",
    ),
  },
  {
    name: "clusterAgeYears",
    origin: "derived",
    type: "number",
    unit: UNIT_YEARS,
    asks: "cluster.foundedYear",
    ranged: true,
    narrowedBy: "cluster.foundedMonth",
    label: t("Wiek klastra (pełne lata)", "Cluster age (full years)"),
    question: t(
      "Kiedy (rok i miesiąc) powstał klaster?",
      "When (year and month) was the cluster founded?",
    ),
    description: t(
      "Pełne lata od końca miesiąca założenia do daty oceny. Gdy znany jest tylko rok, wiek jest znany z dokładnością do roku: warunek rozstrzygany na granicy przedziału jest nierozstrzygnięty i pyta o miesiąc.",
      "Full years from the end of the founding month to the evaluation date. With only the year known the age is known to within a year: a condition that falls inside that year stays undecided and asks for the month.",
    ),
  },
  {
    name: "kkkValidOnDate",
    origin: "derived",
    type: "boolean",
    obtainable: true,
    asks: "cluster.kkk",
    label: t("Status KKK ważny w dniu oceny", "KKK status valid on the evaluation date"),
    sentences: {
      yes: t("Klaster ma ważny status KKK", "The cluster holds valid KKK status"),
      no: t("Klaster nie ma ważnego statusu KKK", "The cluster holds no valid KKK status"),
    },
    description: t(
      "Posiada status KKK, a jego data ważności nie minęła; nieznany, gdy status posiadany bez podanej daty ważności (statusy wszystkich znanych rund wygasły do 17.12.2025).",
      "Holds KKK status and its end date has not passed; unknown when the status is held with no end date given (the statuses of every known round expired by 17 Dec 2025).",
    ),
  },
  {
    name: "escaLabelValidOnDate",
    origin: "derived",
    type: "boolean",
    obtainable: true,
    asks: "cluster.esca",
    label: t("Certyfikat ESCA ważny w dniu oceny", "ESCA label valid on the evaluation date"),
    sentences: {
      yes: t("Klaster ma ważny certyfikat ESCA", "The cluster holds a valid ESCA label"),
      no: t("Klaster nie ma ważnego certyfikatu ESCA", "The cluster holds no valid ESCA label"),
    },
    description: t(
      "Certyfikat inny niż „brak”, którego data ważności nie minęła; nieznany, gdy podano certyfikat bez daty ważności.",
      "A label other than none whose end date has not passed; unknown when a label is given with no end date.",
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
      "Poziom certyfikatu, albo „none”, gdy wygasł; nieznany, gdy podano certyfikat bez daty ważności.",
      "The label's level, or none when it has expired; unknown when a label is given with no end date.",
    ),
  },
  {
    name: "neededFunctions",
    origin: "derived",
    type: "string[]",
    values: SupportFunctions.codes,
    vocabulary: "supportFunctions",
    label: t("Funkcje wymagające wsparcia", "Functions needing support"),
    need: true,
    asks: "needs",
    question: t(
      "Jakiego wsparcia potrzebują koordynator i członkowie klastra (według funkcji)? Jeśli żadnego, zaznacz „żadne z tych”.",
      'What support do the coordinator and the members need (by function)? If none, choose "none of these".',
    ),
    description: t(
      "Funkcje, których potrzebuje którykolwiek aktor, bez powtórzeń; nieznane, gdy nie odpowiedziano na pytanie o potrzeby.",
      "Functions any actor needs, without repeats; unknown when the needs question is not answered.",
    ),
  },
  {
    name: "highPriorityFunctions",
    origin: "derived",
    type: "string[]",
    values: SupportFunctions.codes,
    vocabulary: "supportFunctions",
    label: t("Funkcje o najwyższym priorytecie", "Top-priority functions"),
    need: true,
    asks: "needs",
    question: t(
      "Jakiego wsparcia potrzebują koordynator i członkowie klastra (według funkcji)? Jeśli żadnego, zaznacz „żadne z tych”.",
      'What support do the coordinator and the members need (by function)? If none, choose "none of these".',
    ),
    description: t(
      "Funkcje potrzeb o priorytecie 1; nieznane, gdy nie odpowiedziano na pytanie o potrzeby.",
      "Functions of needs with priority 1; unknown when the needs question is not answered.",
    ),
  },
  {
    name: "actorNeeds",
    origin: "derived",
    type: "object",
    label: t("Potrzeby według aktora", "Needs by actor"),
    need: true,
    asks: "needs",
    question: t(
      "Jakiego wsparcia potrzebują koordynator i członkowie klastra (według funkcji)? Jeśli żadnego, zaznacz „żadne z tych”.",
      'What support do the coordinator and the members need (by function)? If none, choose "none of these".',
    ),
    description: t(
      "Dla każdego typu aktora lista funkcji, których potrzebuje, albo null, gdy nie zgłosił potrzeb; nieznane, gdy nie odpowiedziano na pytanie o potrzeby.",
      "For each actor type the functions it needs, or null when it has no needs; unknown when the needs question is not answered.",
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
    need: true,
    asks: "needs",
    question: t(
      "Jakiego wsparcia potrzebują koordynator i członkowie klastra (według funkcji)? Jeśli żadnego, zaznacz „żadne z tych”.",
      'What support do the coordinator and the members need (by function)? If none, choose "none of these".',
    ),
    description: t(
      "Typy aktorów z co najmniej jedną potrzebą; nieznane, gdy nie odpowiedziano na pytanie o potrzeby.",
      "Actor types with at least one need; unknown when the needs question is not answered.",
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
    need: true,
    asks: "publicTasks",
    question: t(
      "Do których zadań publicznych klaster jest gotowy? Jeśli do żadnego, zaznacz „żadne z tych”.",
      'Which public tasks is the cluster ready for? If none, choose "none of these".',
    ),
    description: t(
      "Zadania z gotowością „gotowy” lub „już realizuje”; nieznane, gdy nie odpowiedziano na pytanie o zadania publiczne.",
      "Tasks with readiness ready or already doing; unknown when the public-tasks question is not answered.",
    ),
  },
  {
    name: "publicTaskReadiness",
    origin: "derived",
    type: "object",
    label: t("Gotowość do zadań publicznych", "Readiness for public tasks"),
    need: true,
    asks: "publicTasks",
    question: t(
      "Do których zadań publicznych klaster jest gotowy? Jeśli do żadnego, zaznacz „żadne z tych”.",
      'Which public tasks is the cluster ready for? If none, choose "none of these".',
    ),
    description: t(
      "Dla każdego zadania poziom gotowości albo null, gdy go nie wskazano; nieznana, gdy nie odpowiedziano na pytanie o zadania publiczne.",
      "For each task the readiness level, or null when not listed; unknown when the public-tasks question is not answered.",
    ),
    properties: publicTaskReadinessProperties,
  },
  {
    // Some instruments for member firms turn on a firm's own books (a turnover drop, its size
    // among large firms): the coordinator cannot answer for them, so a rule naming this fact can at
    // best be "can't tell yet", and its question says what the firm must check itself.
    name: "memberFirmCheck",
    origin: "derived",
    type: "boolean",
    label: t(
      "Warunek, który sprawdza sama firma członkowska",
      "A condition the member firm checks itself",
    ),
    sentences: {
      yes: t(
        "Firma członkowska spełnia warunek, który sprawdza sama",
        "The member firm meets the condition it checks itself",
      ),
      no: t(
        "Firma członkowska nie spełnia warunku, który sprawdza sama",
        "The member firm does not meet the condition it checks itself",
      ),
    },
    question: t(
      "Tego koordynator nie rozstrzygnie: warunek dotyczy danych samej firmy członkowskiej, która sprawdza go przed złożeniem wniosku.",
      "The coordinator cannot settle this: the condition is about the member firm's own data, which the firm checks before it applies.",
    ),
    description: t(
      "Zawsze nieznany: warunek dotyczący danych pojedynczej firmy członkowskiej (np. spadek jej obrotów, wielkość dużej firmy), na który klaster nie odpowie za nią; reguła z takim warunkiem mówi najwyżej „nie wiadomo” i w pytaniu podaje, co firma musi sprawdzić.",
      "Always unknown: a condition on one member firm's own data (e.g. its turnover drop, the size of a large firm) the cluster cannot answer for it; a rule with such a condition says at best \"can't tell yet\" and its question says what the firm must check.",
    ),
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
    label: t("Dostępność instrumentu", "Instrument's availability"),
    description: t(
      "Dostępność w dniu oceny (availabilityOn), np. gdy reguła zależy od naboru innego instrumentu; o dostępności instrumentu reguły decyduje model dostępności, nie warunek reguły. Parametr instrument domyślnie to instrument reguły.",
      "Availability on the evaluation date (availabilityOn), e.g. when a rule depends on another instrument's call; the rule's own instrument's availability is handled by the availability model, not by a rule condition. The instrument parameter defaults to the rule's instrument.",
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
