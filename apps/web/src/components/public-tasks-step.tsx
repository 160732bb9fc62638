/**
 * @module
 * Step 4: readiness to carry out public tasks (seed question 10), or "none of these".
 */
import { For } from "solid-js";
import { PublicTasks, ReadinessLevels, type ReadinessLevel } from "@klastry/domain";
import { label, t } from "../i18n/index.ts";
import { useWizard } from "../lib/wizard-store.tsx";
import { NoneOfThese } from "./none-of-these.tsx";

export function PublicTasksStep() {
  const wizard = useWizard();
  return (
    <>
      <p class="hint">{t("wizard.step4.intro")}</p>
      <NoneOfThese list="publicTasks" label="none.publicTasks" />
      <fieldset class="group" disabled={Boolean(wizard.draft.none.publicTasks)}>
        <legend>{t("wizard.step4.legend")}</legend>
        <div class="grid">
          <For each={PublicTasks.entries}>
            {(task) => {
              const id = `task-${task.code}`;
              return (
                <div class="field">
                  <label for={id}>{label(task.label)}</label>
                  <select
                    id={id}
                    data-testid={id}
                    onChange={(event) =>
                      wizard.setPublicTask(
                        task.code,
                        event.currentTarget.value as ReadinessLevel | "",
                      )
                    }
                  >
                    <option value="" selected={!wizard.draft.publicTasks[task.code]}>
                      {t("tasks.none")}
                    </option>
                    <For each={ReadinessLevels.entries}>
                      {(level) => (
                        <option
                          value={level.code}
                          selected={wizard.draft.publicTasks[task.code] === level.code}
                        >
                          {label(level.label)}
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
    </>
  );
}
