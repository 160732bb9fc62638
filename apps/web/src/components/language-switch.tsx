/**
 * @module
 * Switches the page between Polish and English; each button names its language in itself.
 */
import { For } from "solid-js";
import { language, setLanguage, t } from "../i18n/index.ts";

const OPTIONS = [
  { code: "pl", name: "Polski" },
  { code: "en", name: "English" },
] as const;

export function LanguageSwitch() {
  return (
    <div class="language-switch no-print" role="group" aria-label={t("nav.language")}>
      <For each={OPTIONS}>
        {(option) => (
          <button
            type="button"
            lang={option.code}
            aria-pressed={language() === option.code}
            data-testid={`language-${option.code}`}
            onClick={() => setLanguage(option.code)}
          >
            {option.name}
          </button>
        )}
      </For>
    </div>
  );
}
