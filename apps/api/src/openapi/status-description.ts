/**
 * @module
 * What each availability status means, for the OpenAPI document: one sentence per status, so an
 * integrator knows that "open" is said only for a dated window and "programme_running" is no call.
 */
import { CallStatuses, type CallStatus } from "@klastry/domain";

const MEANING: Record<CallStatus, string> = {
  open: "a dated application window (to the day, from a source that is not weak) contains the date; `deadline` and `daysLeft` say until when",
  planned: "a dated window opens later; `opensOn` gives its first day",
  expected:
    "a recurring call or round is expected: `window` (to the month) when its pattern dates it, with `seenYears`, the years of the past calls it rests on; or a published schedule gives a month or quarter",
  available:
    "a continuous offer (a guarantee line, a platform) that a dated source confirms for the date",
  programme_running:
    "the programme runs but no call a cluster could use is confirmed: never open, never counted as covering a need",
  closed: "the last known call is over and no further one is announced",
  ended:
    "the instrument has ended: the end a source gives, or the end of eligibility an EU regulation sets for its money",
  unknown:
    "the sources date nothing usable (or the last evidence is too old): the catalogue does not guess",
};

/** Markdown list of every status with its meaning. */
export function statusDescription(): string {
  return CallStatuses.entries
    .map((entry) => `- \`${entry.code}\` (${entry.label.en}): ${MEANING[entry.code]}`)
    .join("\n");
}
