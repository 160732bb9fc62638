/**
 * @module
 * One wizard question bound to the store: picks the input for the field's kind, shows the
 * validation message beside it once the question was touched.
 */
import { Match, Show, Switch } from "solid-js";
import { label, t } from "../i18n/index.ts";
import type { FieldDef } from "../lib/wizard-fields.ts";
import { useWizard } from "../lib/wizard-store.tsx";
import type { ListQuestion } from "../lib/wizard-state.ts";
import { LinesField, SelectField, TextField, TriStateField } from "./form-field.tsx";
import { NoneOfThese } from "./none-of-these.tsx";

/** DOM id of a question: `cluster.kkk.holds` -> `cluster-kkk-holds`. */
export function fieldId(path: string): string {
  return path.replaceAll(".", "-");
}

export function WizardField(props: {
  field: FieldDef;
  error?: string;
  onTouch: (path: string) => void;
  /** Called after the answer changed (not when the field is only left). */
  onValueChange?: (path: string) => void;
  /** Hides the label visually where the question around the field already asks it. */
  labelHidden?: boolean;
  idPrefix?: string;
}) {
  const wizard = useWizard();
  const id = () => `${props.idPrefix ?? ""}${fieldId(props.field.path)}`;
  const common = () => ({
    id: id(),
    label: props.field.labelText ? label(props.field.labelText) : t(props.field.labelKey),
    hint: props.field.hintKey ? t(props.field.hintKey) : undefined,
    error: props.error,
    required: props.field.required,
    labelHidden: props.labelHidden,
    value: wizard.draft.answers[props.field.path] ?? "",
    onValue: (value: string) => {
      wizard.setAnswer(props.field.path, value);
      props.onTouch(props.field.path);
      props.onValueChange?.(props.field.path);
    },
    onLeave: () => props.onTouch(props.field.path),
  });
  return (
    <Switch fallback={<TextField {...common()} />}>
      <Match when={props.field.kind === "tri"}>
        <TriStateField {...common()} />
      </Match>
      <Match when={props.field.kind === "choice" || props.field.kind === "month"}>
        <SelectField
          {...common()}
          choices={(props.field.options ?? []).map((option) => ({
            value: option.code,
            label: label(option.label),
          }))}
        />
      </Match>
      <Match when={props.field.kind === "lines"}>
        <div class="list-question">
          <LinesField
            {...common()}
            disabled={Boolean(wizard.draft.none[props.field.path as ListQuestion])}
          />
          <Show when={props.field.noneKey}>
            {(noneKey) => (
              <NoneOfThese
                list={props.field.path as ListQuestion}
                label={noneKey()}
                idPrefix={props.idPrefix}
              />
            )}
          </Show>
        </div>
      </Match>
      <Match when={props.field.kind === "integer"}>
        <TextField {...common()} inputMode="numeric" />
      </Match>
      <Match when={props.field.kind === "decimal"}>
        <TextField {...common()} inputMode="decimal" />
      </Match>
      <Match when={props.field.kind === "date"}>
        <TextField {...common()} type="date" />
      </Match>
      <Match when={props.field.kind === "url"}>
        <TextField {...common()} type="url" />
      </Match>
    </Switch>
  );
}
