/**
 * @module
 * Asks once for an API key (kept in sessionStorage by the caller) and offers to forget it.
 */
import { createSignal, Show, type JSX } from "solid-js";
import { t } from "../i18n/index.ts";

export function KeyForm(props: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onSave: (value: string) => void;
  children?: JSX.Element;
}) {
  const [draft, setDraft] = createSignal("");
  return (
    <Show
      when={props.value}
      fallback={
        <form
          class="panel key-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (draft().trim() !== "") props.onSave(draft().trim());
          }}
        >
          {props.children}
          <div class="field">
            <label for={props.id}>{props.label}</label>
            <p class="hint" id={`${props.id}-hint`}>
              {props.hint}
            </p>
            <input
              id={props.id}
              type="password"
              autocomplete="off"
              aria-describedby={`${props.id}-hint`}
              value={draft()}
              onInput={(event) => setDraft(event.currentTarget.value)}
            />
          </div>
          <button type="submit" class="primary" data-testid={`${props.id}-submit`}>
            {t("keys.use")}
          </button>
        </form>
      }
    >
      <p class="key-status">
        {t("keys.inUse")}{" "}
        <button
          type="button"
          class="link"
          data-testid={`${props.id}-forget`}
          onClick={() => props.onSave("")}
        >
          {t("keys.forget")}
        </button>
      </p>
    </Show>
  );
}
