/**
 * @module
 * Any unknown address.
 */
import { A } from "@solidjs/router";
import { usePageTitle } from "../components/page-title.ts";
import { t } from "../i18n/index.ts";

export default function NotFound() {
  usePageTitle(() => t("notFound.title"));
  return (
    <section>
      <h1>{t("notFound.title")}</h1>
      <p>
        <A href="/">{t("notFound.home")}</A>
      </p>
    </section>
  );
}
