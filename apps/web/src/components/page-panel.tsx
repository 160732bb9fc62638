/**
 * @module
 * One titled panel of a page (dashboard, round, national picture): its own heading for the
 * landmark's name, and its own loading and error states, so one failed part leaves the rest.
 */
import { ErrorBoundary, Suspense, type JSX } from "solid-js";
import { t } from "../i18n/index.ts";
import { ErrorMessage } from "./error-message.tsx";

export function PagePanel(props: { id: string; title: string; children: JSX.Element }) {
  return (
    <section class="panel" aria-labelledby={`${props.id}-title`} data-testid={props.id}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <ErrorBoundary fallback={(error: unknown) => <ErrorMessage error={error} />}>
        <Suspense fallback={<p role="status">{t("common.loading")}</p>}>{props.children}</Suspense>
      </ErrorBoundary>
    </section>
  );
}
