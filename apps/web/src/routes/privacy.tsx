/**
 * @module
 * Who sees what of a saved self-assessment, in plain words: the coordinator (private link), the
 * region's authority (by the coordinator's choice: by name, only in totals, not at all), the
 * people who run Klastry, and nobody else.
 */
import { For } from "solid-js";
import { Visibilities } from "@klastry/domain";
import { usePageTitle } from "../components/page-title.ts";
import { label, t } from "../i18n/index.ts";

export default function Privacy() {
  usePageTitle(() => t("privacy.title"));
  return (
    <article class="privacy" aria-labelledby="privacy-title" data-testid="privacy">
      <h1 id="privacy-title">{t("privacy.title")}</h1>
      <p class="lead">{t("privacy.lead")}</p>
      <h2>{t("privacy.notSaved.title")}</h2>
      <p>{t("privacy.notSaved.text")}</p>
      <h2>{t("privacy.saved.title")}</h2>
      <p>{t("privacy.saved.text")}</p>
      <h2>{t("privacy.region.title")}</h2>
      <dl class="privacy-choices">
        <For each={Visibilities.entries}>
          {(option) => (
            <>
              <dt>{label(option.label)}</dt>
              <dd>
                {t(`visibility.detail.${option.code}`, { region: t("visibility.yourRegion") })}
              </dd>
            </>
          )}
        </For>
      </dl>
      <p>{t("privacy.region.earlier")}</p>
      <h2>{t("privacy.change.title")}</h2>
      <p>{t("privacy.change.text")}</p>
      <h2>{t("privacy.operators.title")}</h2>
      <p>{t("privacy.operators.text")}</p>
    </article>
  );
}
