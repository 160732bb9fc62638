/**
 * @module
 * The first page: what Klastry does and where to start. Kept free of heavy imports (no zod, no
 * domain schemas) so the first load stays small.
 */
import { A } from "@solidjs/router";
import { usePageTitle } from "../components/page-title.ts";
import { t } from "../i18n/index.ts";

export default function Home() {
  usePageTitle(() => t("home.title"));
  return (
    <section class="home" aria-labelledby="home-title">
      <h1 id="home-title">{t("home.title")}</h1>
      <p class="lead">{t("home.lead")}</p>
      <p>
        <A href="/assessment/1" class="button primary" data-testid="start-assessment">
          {t("home.start")}
        </A>
      </p>
      <div class="cards">
        <article class="card">
          <h2>{t("home.catalogue.title")}</h2>
          <p>{t("home.catalogue.text")}</p>
          <A href="/instruments">{t("home.catalogue.link")}</A>
        </article>
        <article class="card">
          <h2>{t("home.region.title")}</h2>
          <p>{t("home.region.text")}</p>
          <A href="/region">{t("home.region.link")}</A>
        </article>
        <article class="card">
          <h2>{t("home.survey.title")}</h2>
          <p>{t("home.survey.text")}</p>
          <A href="/rounds">{t("home.survey.link")}</A>
        </article>
        <article class="card">
          <h2>{t("home.rules.title")}</h2>
          <p>{t("home.rules.text")}</p>
          <A href="/rules">{t("home.rules.link")}</A>
        </article>
      </div>
    </section>
  );
}
