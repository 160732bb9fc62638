/**
 * @module
 * Labelled inputs with their hint and error tied by aria-describedby, and aria-invalid when the
 * error shows. Values are strings as typed; the caller decides what they mean.
 */
import { For, Show, type JSX } from "solid-js";
import { t } from "../i18n/index.ts";

interface BaseProps {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string;
  error?: string;
  required?: boolean;
  /** Called when the person leaves the field (marks it touched). */
  onLeave?: () => void;
  /** The label only for assistive technology, where the surrounding question already says it. */
  labelHidden?: boolean | undefined;
}

function describedBy(props: { id: string; hint?: string; error?: string }): string | undefined {
  const ids = [props.hint ? `${props.id}-hint` : "", props.error ? `${props.id}-error` : ""].filter(
    Boolean,
  );
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Hint(props: { id: string; hint?: string }) {
  return (
    <Show when={props.hint}>
      <p class="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
    </Show>
  );
}

/** The error beside its field; `role=alert` is not used, so typing is not interrupted. */
export function FieldError(props: { id: string; error?: string }) {
  return (
    <Show when={props.error}>
      <p class="field-error" id={`${props.id}-error`} data-testid={`error-${props.id}`}>
        <span aria-hidden="true">⚠ </span>
        {props.error}
      </p>
    </Show>
  );
}

function LabelText(props: { label: string; required?: boolean; hidden?: boolean | undefined }) {
  return (
    <span class={props.hidden ? "visually-hidden" : undefined}>
      {props.label}
      <Show when={props.required}>
        <span class="required"> ({t("form.required")})</span>
      </Show>
    </span>
  );
}

export function TextField(
  props: BaseProps & {
    type?: "text" | "url" | "date" | "password";
    inputMode?: "decimal" | "numeric";
    autocomplete?: string;
  },
) {
  return (
    <div class="field" classList={{ invalid: Boolean(props.error) }}>
      <label for={props.id}>
        <LabelText label={props.label} required={props.required} hidden={props.labelHidden} />
      </label>
      <Hint id={props.id} hint={props.hint} />
      <input
        id={props.id}
        name={props.id}
        type={props.type ?? "text"}
        inputMode={props.inputMode}
        autocomplete={props.autocomplete ?? "off"}
        value={props.value}
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props)}
        onInput={(event) => props.onValue(event.currentTarget.value)}
        onBlur={() => props.onLeave?.()}
      />
      <FieldError id={props.id} error={props.error} />
    </div>
  );
}

export function LinesField(props: BaseProps & { disabled?: boolean }) {
  return (
    <div class="field" classList={{ invalid: Boolean(props.error) }}>
      <label for={props.id}>
        <LabelText label={props.label} required={props.required} hidden={props.labelHidden} />
      </label>
      <Hint id={props.id} hint={props.hint} />
      <textarea
        id={props.id}
        name={props.id}
        rows={3}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props)}
        onInput={(event) => props.onValue(event.currentTarget.value)}
        onBlur={() => props.onLeave?.()}
      />
      <FieldError id={props.id} error={props.error} />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function SelectField(
  props: BaseProps & { choices: readonly Choice[]; emptyLabel?: string },
) {
  return (
    <div class="field" classList={{ invalid: Boolean(props.error) }}>
      <label for={props.id}>
        <LabelText label={props.label} required={props.required} hidden={props.labelHidden} />
      </label>
      <Hint id={props.id} hint={props.hint} />
      <select
        id={props.id}
        name={props.id}
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props)}
        onChange={(event) => props.onValue(event.currentTarget.value)}
        onBlur={() => props.onLeave?.()}
      >
        <option value="" selected={props.value === ""}>
          {props.emptyLabel ?? t("form.choose")}
        </option>
        <For each={props.choices}>
          {(choice) => (
            <option value={choice.value} selected={props.value === choice.value}>
              {choice.label}
            </option>
          )}
        </For>
      </select>
      <FieldError id={props.id} error={props.error} />
    </div>
  );
}

/** Yes / no / don't know: "don't know" leaves the answer out of the assessment. */
export function TriStateField(props: BaseProps) {
  const choices = (): Choice[] => [
    { value: "yes", label: t("form.yes") },
    { value: "no", label: t("form.no") },
    { value: "", label: t("form.unknown") },
  ];
  return (
    <fieldset
      class="field tri"
      classList={{ invalid: Boolean(props.error) }}
      id={props.id}
      aria-describedby={describedBy(props)}
      aria-invalid={props.error ? "true" : undefined}
    >
      <legend>
        <LabelText label={props.label} required={props.required} hidden={props.labelHidden} />
      </legend>
      <Hint id={props.id} hint={props.hint} />
      <div class="choices">
        <For each={choices()}>
          {(choice) => (
            <label class="choice">
              <input
                type="radio"
                name={props.id}
                value={choice.value}
                checked={props.value === choice.value}
                onChange={() => {
                  props.onValue(choice.value);
                  props.onLeave?.();
                }}
              />
              {choice.label}
            </label>
          )}
        </For>
      </div>
      <FieldError id={props.id} error={props.error} />
    </fieldset>
  );
}

/** Groups questions under a legend, with an optional line saying how to answer them. */
export function FieldGroup(props: {
  legend: string;
  intro?: string | undefined;
  children: JSX.Element;
  testid?: string;
}) {
  return (
    <fieldset class="group" data-testid={props.testid}>
      <legend>{props.legend}</legend>
      <Show when={props.intro}>
        <p class="hint">{props.intro}</p>
      </Show>
      {props.children}
    </fieldset>
  );
}
