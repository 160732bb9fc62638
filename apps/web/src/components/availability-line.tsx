/**
 * @module
 * An instrument's status on the evaluation date as a badge, with its dates beside it (the
 * deadline and days left of an open call, the opening day of an announced one, the expected
 * window, the last closing day) and, in words, what the status rests on.
 */
import { Show } from "solid-js";
import { CallStatuses, type AvailabilityOn, type CallStatus } from "@klastry/domain";
import { formatDate, label, labelOf, plural, t } from "../i18n/index.ts";
import { MONTHS } from "../lib/months.ts";

/** The availability fields the line reads, from a recommendation or a catalogue record. */
export interface AvailabilityView {
  status: CallStatus;
  basis: string;
  deadline?: string | undefined;
  daysLeft?: number | undefined;
  opensOn?: string | undefined;
  lastClosed?: string | undefined;
  window?:
    { opens: string; closes: string; precision: string; label?: string | undefined } | undefined;
}

/** A catalogue record's availability (texts in both languages) in the page's language. */
export function viewOf(a: AvailabilityOn): AvailabilityView {
  return {
    status: a.status,
    basis: label(a.basis),
    deadline: a.deadline,
    daysLeft: a.daysLeft,
    opensOn: a.opensOn,
    lastClosed: a.lastClosed,
    window: a.window && {
      opens: a.window.opens,
      closes: a.window.closes,
      precision: a.window.precision,
      label: a.window.label ? label(a.window.label) : undefined,
    },
  };
}

/** The dates that matter for the status, in words ("do 15 grudnia 2026, zostało 13 dni"). */
export function whenText(a: AvailabilityView): string {
  switch (a.status) {
    case "open":
      return a.deadline
        ? t("when.open", {
            deadline: formatDate(a.deadline),
            left: plural("plural.days", a.daysLeft ?? 0),
          })
        : "";
    case "planned":
      return a.opensOn ? t("when.planned", { date: formatDate(a.opensOn) }) : "";
    case "expected":
      return a.window
        ? t("when.expected", {
            window:
              a.window.precision === "day"
                ? `${formatDate(a.window.opens)} – ${formatDate(a.window.closes)}`
                : (a.window.label ??
                  `${formatMonth(a.window.opens)} – ${formatMonth(a.window.closes)}`),
          })
        : "";
    default:
      return a.lastClosed ? t("when.lastClosed", { date: formatDate(a.lastClosed) }) : "";
  }
}

/** "marzec 2027" / "March 2027". */
function formatMonth(iso: string): string {
  const [year, month] = iso.split("-");
  return `${label(MONTHS[Number(month) - 1]?.label)} ${year ?? ""}`;
}

export function AvailabilityLine(props: { availability: AvailabilityView; compact?: boolean }) {
  const when = () => whenText(props.availability);
  return (
    <span class="availability" data-testid="availability">
      <span class={`status status-${props.availability.status}`} data-testid="status">
        {labelOf(CallStatuses.entries, props.availability.status)}
      </span>
      <Show when={when()}>
        <span class="when" data-testid="when">
          {when()}
        </span>
      </Show>
      <Show when={!props.compact && props.availability.basis}>
        <span class="basis" data-testid="basis">
          {props.availability.basis}
        </span>
      </Show>
    </span>
  );
}
