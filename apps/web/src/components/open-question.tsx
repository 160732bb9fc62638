/**
 * @module
 * A question that would settle an undecided recommendation, with inline controls bound to the
 * wizard's store: answering re-evaluates the results in place.
 */
import { For, Show } from "solid-js";
import { A } from "@solidjs/router";
import type { OpenQuestion as Question } from "@klastry/domain";
import { t } from "../i18n/index.ts";
import { validateDraft } from "../lib/validate-draft.ts";
import { fieldsForQuestion, isVisible, stepOfPath } from "../lib/wizard-fields.ts";
import { useWizard } from "../lib/wizard-store.tsx";
import { fieldId, WizardField } from "./wizard-field.tsx";

export function OpenQuestion(props: {
  question: Question;
  instrumentId: string;
  /** Told before the results change, so the page can keep focus on this card wherever it moves. */
  onAnswer?: ((instrumentId: string, controlId: string) => void) | undefined;
}) {
  const wizard = useWizard();
  const fields = () =>
    fieldsForQuestion(props.question.fact).filter((field) =>
      isVisible(field, wizard.draft.answers),
    );
  const errors = () => validateDraft(wizard.draft).fields;
  const prefix = () => `q-${props.instrumentId}-`;
  return (
    <li class="question" data-testid={`question-${props.question.fact}`}>
      <Show
        when={fields().length > 0}
        fallback={
          <>
            <span>{props.question.label}</span>{" "}
            <A href={`/assessment/${stepOfPath(props.question.fact)}`}>
              {t("results.answerInWizard")}
            </A>
          </>
        }
      >
        <fieldset
          class="inline-answer"
          aria-describedby={`${prefix()}${fieldId(props.question.fact)}-note`}
        >
          <legend>{props.question.label}</legend>
          <p class="hint" id={`${prefix()}${fieldId(props.question.fact)}-note`}>
            {t("results.answerHere")}
          </p>
          <For each={fields()}>
            {(field) => (
              <WizardField
                field={field}
                idPrefix={prefix()}
                labelHidden={fields().length === 1}
                error={errors()[field.path]}
                onTouch={() => undefined}
                onValueChange={() =>
                  props.onAnswer?.(
                    props.instrumentId,
                    document.activeElement?.id || `${prefix()}${fieldId(field.path)}`,
                  )
                }
              />
            )}
          </For>
        </fieldset>
      </Show>
    </li>
  );
}
