/**
 * @module
 * A cluster's answer or a rule's required value, written for people: yes/no, numbers in the
 * page's locale, vocabulary codes as labels, lists joined.
 */
import {
  ActorTypes,
  CallStatuses,
  EscaLabels,
  LegalForms,
  MaturityStages,
  PublicTasks,
  REGIONS,
  ReadinessLevels,
  SupportFunctions,
} from "@klastry/domain";
import { formatNumber, label, t } from "../i18n/index.ts";

const LABELLED = [
  ...ActorTypes.entries,
  ...SupportFunctions.entries,
  ...PublicTasks.entries,
  ...ReadinessLevels.entries,
  ...MaturityStages.entries,
  ...EscaLabels.entries,
  ...LegalForms.entries,
  ...REGIONS,
  // Rules state the call status on the assessment date as a value ("open"); last, so its
  // "unknown" code never shadows another vocabulary's.
  ...CallStatuses.entries,
];

/**
 * `undefined` is a question not answered; `null` is an answer that says "none" (the engine's
 * convention, e.g. an actor type that reported no needs), and so is an empty list.
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return t("value.unknown");
  if (value === null || (Array.isArray(value) && value.length === 0)) return t("value.none");
  if (typeof value === "boolean") return value ? t("form.yes") : t("form.no");
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") {
    const entry = LABELLED.find((candidate) => candidate.code === value);
    return entry ? label(entry.label) : value;
  }
  if (Array.isArray(value)) return value.map(formatValue).join(", ");
  return JSON.stringify(value);
}
