/**
 * @module
 * The coordinator's choice of whom the region's authority is shown the cluster's assessments to,
 * each option with exactly who sees what; no option is preselected (a consent is given, not
 * assumed). Used before saving and, with the private link, to change the choice later.
 */
import { For, Show } from "solid-js";
import { A } from "@solidjs/router";
import { Visibilities, type Visibility } from "@klastry/domain";
import { label, t } from "../i18n/index.ts";
import { FieldError } from "./form-field.tsx";

export function VisibilityChoice(props: {
  id: string;
  value: Visibility | undefined;
  onChoose: (visibility: Visibility) => void;
  error?: string | undefined;
  regionName?: string | undefined;
}) {
  return (
    <fieldset
      class="field visibility-choice"
      id={props.id}
      classList={{ invalid: Boolean(props.error) }}
      aria-describedby={props.error ? `${props.id}-error` : undefined}
      data-testid="visibility-choice"
    >
      <legend>{t("visibility.question")}</legend>
      <For each={Visibilities.entries}>
        {(option) => (
          <label class="choice visibility-option">
            <input
              type="radio"
              name={props.id}
              value={option.code}
              data-testid={`visibility-${option.code}`}
              checked={props.value === option.code}
              onChange={() => props.onChoose(option.code)}
            />
            <span>
              <strong>{label(option.label)}</strong>
              <span class="hint visibility-detail">
                {t(`visibility.detail.${option.code}`, {
                  region: props.regionName ?? t("visibility.yourRegion"),
                })}
              </span>
            </span>
          </label>
        )}
      </For>
      <Show when={props.error}>
        <FieldError id={props.id} error={props.error} />
      </Show>
      <p class="hint">
        <A href="/privacy" data-testid="privacy-link">
          {t("visibility.privacyLink")}
        </A>
      </p>
    </fieldset>
  );
}
