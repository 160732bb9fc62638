/**
 * @module
 * Step 3: a checkbox per support function ("needs support in ..."); a checked one asks who in the
 * cluster needs it, among the groups the cluster has (step 2's member counts), and how urgently
 * (optional: medium when not set). "None of these" is an answer of its own.
 */
import { For, Show } from "solid-js";
import { SupportFunctions, type ActorType, type SupportFunction } from "@klastry/domain";
import { formatNumber, label, t } from "../i18n/index.ts";
import { parseNumber } from "../lib/wizard-draft.ts";
import { needGroups } from "../lib/wizard-fields.ts";
import { DEFAULT_PRIORITY, type PriorityAnswer } from "../lib/wizard-state.ts";
import { useWizard } from "../lib/wizard-store.tsx";
import { FieldError } from "./form-field.tsx";
import { NoneOfThese } from "./none-of-these.tsx";

const PRIORITIES: readonly PriorityAnswer[] = ["1", "2", "3"];

/** DOM id of a checked function's "who needs it" group (its errors are placed there). */
export function needActorsId(fn: SupportFunction): string {
  return `needs-${fn}-actors`;
}

export function NeedsStep(props: { errorOf: (path: string) => string | undefined }) {
  const wizard = useWizard();
  const groups = () => needGroups(wizard.draft.answers);
  const none = () => Boolean(wizard.draft.none.needs);
  /** "MŚP (23)": the group's short name and, when known, how many members it has. */
  const groupLabel = (actor: ActorType) => {
    const count = parseNumber(wizard.draft.answers[`profile.members.${actor}`] ?? "");
    const name = t(`actorShort.${actor}`);
    return count === undefined ? name : `${name} (${formatNumber(count)})`;
  };
  return (
    <div class="needs">
      <p class="hint" id="needs-intro">
        {groups().length === 1 ? t("wizard.step3.introCoordinator") : t("wizard.step3.intro")}
      </p>
      <NoneOfThese list="needs" label="none.needs" />
      <fieldset class="group need-list" disabled={none()} data-testid="needs-functions">
        <legend>{t("needs.legend")}</legend>
        <ul class="need-rows">
          <For each={SupportFunctions.entries}>
            {(fn) => {
              const answer = () => wizard.draft.needs[fn.code];
              const error = () => props.errorOf(`needs.${fn.code}.actors`);
              return (
                <li class="need-row" classList={{ checked: Boolean(answer()) }}>
                  <label class="choice need-function">
                    <input
                      type="checkbox"
                      id={`need-${fn.code}`}
                      data-testid={`need-${fn.code}`}
                      checked={Boolean(answer())}
                      onChange={(event) =>
                        wizard.setNeedChecked(fn.code, event.currentTarget.checked)
                      }
                    />
                    {label(fn.label)}
                  </label>
                  <Show when={answer()}>
                    {(checked) => (
                      <div class="need-detail">
                        <Show when={groups().length > 1}>
                          <fieldset
                            class="who"
                            id={needActorsId(fn.code)}
                            classList={{ invalid: Boolean(error()) }}
                            aria-describedby={
                              error() ? `${needActorsId(fn.code)}-error` : undefined
                            }
                          >
                            <legend>
                              {t("needs.who")}
                              <span class="visually-hidden"> {label(fn.label)}</span>
                            </legend>
                            <For each={groups()}>
                              {(actor) => (
                                <label class="choice">
                                  <input
                                    type="checkbox"
                                    id={`need-${fn.code}-${actor}`}
                                    data-testid={`need-${fn.code}-${actor}`}
                                    checked={checked().actors.includes(actor)}
                                    onChange={(event) =>
                                      wizard.setNeedActor(
                                        fn.code,
                                        actor,
                                        event.currentTarget.checked,
                                      )
                                    }
                                  />
                                  {groupLabel(actor)}
                                </label>
                              )}
                            </For>
                            <FieldError id={needActorsId(fn.code)} error={error()} />
                          </fieldset>
                        </Show>
                        <div class="field priority">
                          <label for={`need-${fn.code}-priority`}>
                            {t("needs.priority")}
                            <span class="visually-hidden"> {label(fn.label)}</span>
                          </label>
                          <select
                            id={`need-${fn.code}-priority`}
                            data-testid={`need-${fn.code}-priority`}
                            onChange={(event) =>
                              wizard.setNeedPriority(
                                fn.code,
                                event.currentTarget.value as PriorityAnswer,
                              )
                            }
                          >
                            <For each={PRIORITIES}>
                              {(priority) => (
                                <option
                                  value={priority}
                                  selected={(checked().priority ?? DEFAULT_PRIORITY) === priority}
                                >
                                  {t(`needs.priority${priority}`)}
                                </option>
                              )}
                            </For>
                          </select>
                        </div>
                      </div>
                    )}
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </fieldset>
    </div>
  );
}
