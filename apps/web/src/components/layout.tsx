/**
 * @module
 * The frame of every page: skip link, header with navigation and language switch, main content.
 */
import { createEffect, on, Suspense, type ParentProps } from "solid-js";
import { A, useLocation } from "@solidjs/router";
import { t } from "../i18n/index.ts";
import { WizardProvider } from "../lib/wizard-store.tsx";
import { LanguageSwitch } from "./language-switch.tsx";

const WIZARD_STEP = /^\/assessment\/[1-5]$/;

export function Layout(props: ParentProps) {
  const location = useLocation();
  // After a client-side navigation, start keyboard and screen-reader users at the new content
  // (the wizard moves focus to its step heading itself).
  createEffect(
    on(
      () => location.pathname,
      (path, previous) => {
        // No `defer`: with it, `on` would not remember the first path as `previous`.
        if (previous === undefined || (WIZARD_STEP.test(path) && WIZARD_STEP.test(previous)))
          return;
        document.getElementById("main")?.focus({ preventScroll: true });
      },
    ),
  );
  return (
    <WizardProvider>
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          // The router would treat "#main" as a navigation; move focus to the content ourselves.
          event.preventDefault();
          const main = document.getElementById("main");
          main?.focus();
          main?.scrollIntoView();
        }}
      >
        {t("nav.skip")}
      </a>
      <header class="site-header">
        <A href="/" class="brand" end>
          {t("app.name")}
        </A>
        <nav aria-label={t("nav.label")} class="no-print">
          <ul>
            <li>
              <A href="/assessment" data-testid="nav-assessment">
                {t("nav.assessment")}
              </A>
            </li>
            <li>
              <A href="/instruments" data-testid="nav-catalogue">
                {t("nav.catalogue")}
              </A>
            </li>
            <li>
              <A href="/region" data-testid="nav-region">
                {t("nav.region")}
              </A>
            </li>
            <li>
              <A href="/rounds" data-testid="nav-survey">
                {t("nav.survey")}
              </A>
            </li>
            <li>
              <A href="/rules" data-testid="nav-rules">
                {t("nav.rules")}
              </A>
            </li>
          </ul>
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" tabindex="-1">
        <Suspense fallback={<p role="status">{t("common.loading")}</p>}>{props.children}</Suspense>
      </main>
      <footer class="site-footer">
        <p>{t("footer.text")}</p>
        <p class="no-print">
          <A href="/privacy" data-testid="footer-privacy">
            {t("privacy.title")}
          </A>
        </p>
      </footer>
    </WizardProvider>
  );
}
