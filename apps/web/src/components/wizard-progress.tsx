/**
 * @module
 * "Step n of 5" with a list of the steps; each is a link, so any step is reachable at any time.
 */
import { For } from "solid-js";
import { t, type MessageKey } from "../i18n/index.ts";

export const STEP_TITLES: readonly MessageKey[] = [
  "wizard.step1.title",
  "wizard.step2.title",
  "wizard.step3.title",
  "wizard.step4.title",
  "wizard.step5.title",
];

export function WizardProgress(props: { current: number }) {
  return (
    <nav class="progress no-print" aria-label={t("wizard.progressLabel")}>
      <p class="progress-text" data-testid="wizard-progress">
        {t("wizard.progress", { step: props.current, total: STEP_TITLES.length })}
      </p>
      <progress max={STEP_TITLES.length} value={props.current} aria-hidden="true" />
      <ol>
        <For each={STEP_TITLES}>
          {(key, index) => (
            <li
              classList={{
                current: index() + 1 === props.current,
                done: index() + 1 < props.current,
              }}
            >
              {/* A plain link (the router still handles it) so aria-current says "step", not "page". */}
              <a
                href={`/assessment/${index() + 1}`}
                aria-current={index() + 1 === props.current ? "step" : undefined}
                data-testid={`wizard-step-link-${index() + 1}`}
              >
                <span class="step-number">{index() + 1}</span> {t(key)}
              </a>
            </li>
          )}
        </For>
      </ol>
    </nav>
  );
}
