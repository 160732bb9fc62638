/**
 * @module
 * The condition that made the difference, in a line for the impact preview, from the API's
 * `causes` (the engine's `rulebookImpact`): `enough-members: memberCount >= 51 → >= 40`, or a
 * whole rule added, removed, starting or ending.
 */
import { t } from "../i18n/index.ts";
import type { ImpactReport } from "./api-types.ts";

export type ImpactCause = ImpactReport["items"][number]["verdictChanges"][number]["causes"][number];

/** `before → after`, the shared fact name said once: `memberCount >= 51 → >= 40`. */
function change(before: string | undefined, after: string | undefined): string {
  if (before === undefined) return `+ ${after ?? ""}`;
  if (after === undefined) return `− ${before}`;
  if (before === after) return after;
  const subject = before.split(" ")[0];
  return subject && after.startsWith(`${subject} `)
    ? `${before} → ${after.slice(subject.length + 1)}`
    : `${before} → ${after}`;
}

export function causeLine(cause: ImpactCause): string {
  if (cause.kind === "rule") return t(`rules.cause.${cause.change}`, { rule: cause.ruleId });
  return `${cause.condition}: ${change(cause.before, cause.after)}`;
}
