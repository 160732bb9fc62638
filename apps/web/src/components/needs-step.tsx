/**
 * @module
 * Step 3: for each actor type, which support functions it needs and how urgently (1 = most).
 */
import { For } from "solid-js";
import { ActorTypes, SupportFunctions } from "@klastry/domain";
import { label, t } from "../i18n/index.ts";
import type { PriorityAnswer } from "../lib/wizard-state.ts";
import { useWizard } from "../lib/wizard-store.tsx";

export function NeedsStep() {
  const wizard = useWizard();
  const count = (actor: string) =>
    Object.values(wizard.draft.needs[actor as keyof typeof wizard.draft.needs] ?? {}).filter(
      Boolean,
    ).length;
  return (
    <div class="needs">
      <p class="hint">{t("wizard.step3.intro")}</p>
      <For each={ActorTypes.entries}>
        {(actor) => (
          <fieldset class="group" data-testid={`needs-${actor.code}`}>
            <legend>
              {label(actor.label)}
              <span class="badge">{t("needs.selected", { count: count(actor.code) })}</span>
            </legend>
            <div class="grid">
              <For each={SupportFunctions.entries}>
                {(fn) => {
                  const id = `need-${actor.code}-${fn.code}`;
                  return (
                    <div class="field">
                      <label for={id}>
                        <span class="visually-hidden">{label(actor.label)}: </span>
                        {label(fn.label)}
                      </label>
                      <select
                        id={id}
                        data-testid={id}
                        onChange={(event) =>
                          wizard.setNeed(
                            actor.code,
                            fn.code,
                            event.currentTarget.value as PriorityAnswer | "",
                          )
                        }
                      >
                        <option value="" selected={!wizard.draft.needs[actor.code]?.[fn.code]}>
                          {t("needs.none")}
                        </option>
                        <For each={["1", "2", "3"] as const}>
                          {(priority) => (
                            <option
                              value={priority}
                              selected={wizard.draft.needs[actor.code]?.[fn.code] === priority}
                            >
                              {t(`needs.priority${priority}`)}
                            </option>
                          )}
                        </For>
                      </select>
                    </div>
                  );
                }}
              </For>
            </div>
          </fieldset>
        )}
      </For>
    </div>
  );
}
