/**
 * @module
 * Every question of the self-assessment wizard, keyed by its path in the AssessmentInput
 * (`cluster.kkk.holds`, `profile.members.sme`). The same paths name zod issues and the open
 * questions of the rules engine, so one table serves the wizard, error placement and the inline
 * answers on the results page.
 */
import {
  ActorTypes,
  EscaLabels,
  LegalForms,
  MaturityStages,
  REGIONS,
  type ActorType,
  type LocalizedText,
} from "@klastry/domain";
import type { MessageKey } from "../i18n/index.ts";
import { MONTHS } from "./months.ts";

/** How a question is asked; `month` is a choice of 1-12 sent as a number. */
export type FieldKind =
  "text" | "lines" | "choice" | "month" | "tri" | "integer" | "decimal" | "date" | "url";

export type StepNumber = 1 | 2 | 3 | 4 | 5;

/** The fieldset a question sits in on its step (steps 3 and 4 have their own layouts). */
export type QuestionGroup = "identity" | "statuses" | "members" | "profile" | "contribution";

export interface FieldDef {
  path: string;
  step: StepNumber;
  group: QuestionGroup;
  kind: FieldKind;
  labelKey: MessageKey;
  hintKey?: MessageKey;
  /** What to say when a required question is left unanswered ("Wybierz województwo"). */
  requiredKey?: MessageKey;
  /** For a list question: the label of its explicit "none of these" answer. */
  noneKey?: MessageKey;
  /** A custom label (member counts use the actor type's vocabulary label). */
  labelText?: LocalizedText;
  options?: readonly { code: string; label: LocalizedText }[];
  required?: boolean;
  /** When false the question is hidden and its answer left out of the assessment. */
  visible?: (answers: Readonly<Record<string, string>>) => boolean;
}

const MEMBER_ACTORS = ActorTypes.entries.filter((entry) => entry.code !== "coordinator");

export const WIZARD_FIELDS: readonly FieldDef[] = [
  {
    path: "cluster.name",
    group: "identity",
    step: 1,
    kind: "text",
    labelKey: "field.cluster.name",
    required: true,
    requiredKey: "validation.required.name",
  },
  {
    path: "cluster.region",
    step: 1,
    group: "identity",
    kind: "choice",
    labelKey: "field.cluster.region",
    options: REGIONS,
    required: true,
    requiredKey: "validation.required.region",
  },
  {
    path: "cluster.inWarsawCapitalRegion",
    step: 1,
    group: "identity",
    kind: "tri",
    labelKey: "field.cluster.inWarsawCapitalRegion",
    hintKey: "hint.cluster.inWarsawCapitalRegion",
    visible: (answers) => answers["cluster.region"] === "14",
  },
  {
    path: "cluster.foundedYear",
    group: "identity",
    step: 1,
    kind: "integer",
    labelKey: "field.cluster.foundedYear",
    hintKey: "hint.cluster.foundedYear",
  },
  {
    path: "cluster.foundedMonth",
    group: "identity",
    step: 1,
    kind: "month",
    labelKey: "field.cluster.foundedMonth",
    options: MONTHS,
  },
  {
    path: "cluster.sectors",
    group: "identity",
    step: 1,
    kind: "lines",
    labelKey: "field.cluster.sectors",
    hintKey: "hint.lines",
    noneKey: "none.sectors",
  },
  {
    path: "cluster.smartSpecialisations",
    step: 1,
    group: "identity",
    kind: "lines",
    labelKey: "field.cluster.smartSpecialisations",
    hintKey: "hint.lines",
    noneKey: "none.smartSpecialisations",
  },
  {
    path: "cluster.coordinatorLegalForm",
    step: 1,
    group: "identity",
    kind: "choice",
    labelKey: "field.cluster.coordinatorLegalForm",
    options: LegalForms.entries,
  },
  {
    path: "cluster.kkk.holds",
    group: "statuses",
    step: 1,
    kind: "tri",
    labelKey: "field.cluster.kkk.holds",
  },
  {
    path: "cluster.kkk.validUntil",
    step: 1,
    group: "statuses",
    kind: "date",
    labelKey: "field.cluster.kkk.validUntil",
    visible: (answers) => answers["cluster.kkk.holds"] === "yes",
  },
  {
    path: "cluster.esca.label",
    step: 1,
    group: "statuses",
    kind: "choice",
    labelKey: "field.cluster.esca.label",
    options: EscaLabels.entries,
  },
  {
    path: "cluster.esca.validUntil",
    step: 1,
    group: "statuses",
    kind: "date",
    labelKey: "field.cluster.esca.validUntil",
    visible: (answers) =>
      ["bronze", "silver", "gold"].includes(answers["cluster.esca.label"] ?? ""),
  },
  {
    path: "cluster.regionalKeyCluster",
    group: "statuses",
    step: 1,
    kind: "tri",
    labelKey: "field.cluster.regionalKeyCluster",
  },
  {
    path: "cluster.supraRegionalGrowthCluster",
    step: 1,
    group: "statuses",
    kind: "tri",
    labelKey: "field.cluster.supraRegionalGrowthCluster",
  },
  {
    path: "cluster.eccpListed",
    group: "statuses",
    step: 1,
    kind: "tri",
    labelKey: "field.cluster.eccpListed",
  },
  {
    path: "cluster.website",
    group: "identity",
    step: 1,
    kind: "url",
    labelKey: "field.cluster.website",
  },
  ...MEMBER_ACTORS.map((actor): FieldDef => ({
    path: `profile.members.${actor.code}`,
    step: 2,
    group: "members",
    kind: "integer",
    labelKey: "field.profile.members",
    labelText: actor.label,
  })),
  {
    path: "profile.employees",
    group: "profile",
    step: 2,
    kind: "integer",
    labelKey: "field.profile.employees",
  },
  {
    path: "profile.coordinatorStaffFte",
    step: 2,
    group: "profile",
    kind: "decimal",
    labelKey: "field.profile.coordinatorStaffFte",
    hintKey: "hint.profile.coordinatorStaffFte",
  },
  {
    path: "profile.maturityStage",
    step: 2,
    group: "profile",
    kind: "choice",
    labelKey: "field.profile.maturityStage",
    options: MaturityStages.entries,
  },
  {
    path: "profile.exportingSharePercent",
    step: 2,
    group: "profile",
    kind: "decimal",
    labelKey: "field.profile.exportingSharePercent",
    hintKey: "hint.percent",
  },
  {
    path: "profile.jointRdProjects",
    step: 2,
    group: "profile",
    kind: "integer",
    labelKey: "field.profile.jointRdProjects",
    hintKey: "hint.profile.jointRdProjects",
  },
  {
    path: "profile.internationalPartners",
    step: 2,
    group: "profile",
    kind: "integer",
    labelKey: "field.profile.internationalPartners",
  },
  {
    path: "profile.hasStrategy",
    group: "profile",
    step: 2,
    kind: "tri",
    labelKey: "field.profile.hasStrategy",
  },
  {
    path: "ownContribution.maxSharePercent",
    step: 5,
    group: "contribution",
    kind: "decimal",
    labelKey: "field.ownContribution.maxSharePercent",
    hintKey: "hint.percent",
  },
  {
    path: "ownContribution.maxAmountPln",
    step: 5,
    group: "contribution",
    kind: "decimal",
    labelKey: "field.ownContribution.maxAmountPln",
    hintKey: "hint.ownContribution.maxAmountPln",
  },
];

const BY_PATH = new Map(WIZARD_FIELDS.map((field) => [field.path, field]));

/** The wizard question for a path, or undefined. */
export function fieldByPath(path: string): FieldDef | undefined {
  return BY_PATH.get(path);
}

/**
 * The field an issue or open question belongs to: the longest known path that the given path
 * starts with (`cluster.sectors[2]` -> `cluster.sectors`, `cluster.kkk` -> `cluster.kkk.holds`).
 */
export function fieldForPath(path: string): FieldDef | undefined {
  const exact = BY_PATH.get(path);
  if (exact) return exact;
  let best: FieldDef | undefined;
  for (const field of WIZARD_FIELDS) {
    const isParent = path.startsWith(`${field.path}.`) || path.startsWith(`${field.path}[`);
    if (isParent && (!best || field.path.length > best.path.length)) best = field;
  }
  if (best) return best;
  // An object-level issue (`cluster.kkk`) belongs to its first question.
  return WIZARD_FIELDS.find((field) => field.path.startsWith(`${path}.`));
}

/**
 * The questions that answer an open question of the engine: the exact field, all fields under a
 * parent path (`profile.members` -> every member count), or the field owning a deeper path.
 */
export function fieldsForQuestion(path: string): readonly FieldDef[] {
  const exact = BY_PATH.get(path);
  if (exact) return [exact];
  const children = WIZARD_FIELDS.filter((field) => field.path.startsWith(`${path}.`));
  if (children.length > 0) return children;
  const owner = fieldForPath(path);
  return owner ? [owner] : [];
}

export function isVisible(field: FieldDef, answers: Readonly<Record<string, string>>): boolean {
  return field.visible ? field.visible(answers) : true;
}

export function stepFields(step: StepNumber): readonly FieldDef[] {
  return WIZARD_FIELDS.filter((field) => field.step === step);
}

/**
 * The groups the needs step asks about: the coordinator, and every member type the cluster has
 * or may have (a count above 0, or not given yet). A type answered 0 is not asked about.
 */
export function needGroups(answers: Readonly<Record<string, string>>): ActorType[] {
  return ActorTypes.codes.filter((actor) => {
    if (actor === "coordinator") return true;
    const count = (answers[`profile.members.${actor}`] ?? "").trim();
    return count === "" || Number(count.replace(/\s/g, "")) !== 0;
  });
}

/** Which step owns an input path (`needs[3]` -> 3). */
export function stepOfPath(path: string): StepNumber {
  if (path.startsWith("cluster") || path.startsWith("clusterId")) return 1;
  if (path.startsWith("profile")) return 2;
  if (path.startsWith("needs")) return 3;
  if (path.startsWith("publicTasks")) return 4;
  return 5;
}
