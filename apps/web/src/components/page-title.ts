/**
 * @module
 * Sets `document.title` for a page in the page's language (WCAG 2.4.2).
 */
import { createEffect } from "solid-js";
import { t } from "../i18n/index.ts";

export function usePageTitle(title: () => string): void {
  createEffect(() => {
    document.title = `${title()} · ${t("app.name")}`;
  });
}
