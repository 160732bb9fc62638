/**
 * @module
 * An API failure in the user's language, with the problem's issues listed by place.
 */
import { For, Show, type JSX } from "solid-js";
import { t } from "../i18n/index.ts";
import { ApiError } from "../lib/api-error.ts";

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t("error.network");
    if (error.status === 401) return t("error.unauthorised");
    if (error.status === 403) return t("error.forbidden");
    if (error.status === 404) return t("error.notFound");
    return `${t("error.generic")} (${error.status}${error.problem.title ? `: ${error.problem.title}` : ""})`;
  }
  return t("error.generic");
}

/**
 * Shows a failure; `place` may turn an issue's path into a link to the field it names (the
 * results page links to the wizard step and question).
 */
export function ErrorMessage(props: { error: unknown; place?: (path: string) => JSX.Element }) {
  const issues = () => (props.error instanceof ApiError ? props.error.issues : []);
  return (
    <div class="error-box" role="alert" data-testid="error">
      <p>{errorText(props.error)}</p>
      <Show when={issues().length > 0}>
        <ul>
          <For each={issues()}>
            {(issue) => (
              <li>
                {props.place ? props.place(issue.path) : <code>{issue.path || issue.pointer}</code>}
                : {issue.message}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
