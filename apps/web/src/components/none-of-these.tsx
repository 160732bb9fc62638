/**
 * @module
 * The explicit "none of these" answer of a list question. Checked, the list is answered with
 * nothing (sent as []); unchecked and empty, the list is not answered (left out, "can't tell").
 */
import { t, type MessageKey } from "../i18n/index.ts";
import type { ListQuestion } from "../lib/wizard-state.ts";
import { useWizard } from "../lib/wizard-store.tsx";

/** DOM id of a list's "none" checkbox: `needs` -> `none-needs`. */
export function noneId(list: ListQuestion): string {
  return `none-${list.replaceAll(".", "-")}`;
}

export function NoneOfThese(props: {
  list: ListQuestion;
  label: MessageKey;
  describedBy?: string;
  /** Prefix for the id where the same question shows more than once (inline answers). */
  idPrefix?: string;
}) {
  const wizard = useWizard();
  const id = () => `${props.idPrefix ?? ""}${noneId(props.list)}`;
  return (
    <div class="field none-of-these">
      <label class="choice">
        <input
          type="checkbox"
          id={id()}
          data-testid={id()}
          checked={Boolean(wizard.draft.none[props.list])}
          aria-describedby={props.describedBy}
          onChange={(event) => wizard.setNone(props.list, event.currentTarget.checked)}
        />
        {t(props.label)}
      </label>
    </div>
  );
}
