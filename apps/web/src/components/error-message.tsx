/**
 * @module
 * An API failure in the user's language, with the problem's issues listed by place. The API's
 * own title and detail are English; the page names the problem by its code in its own words
 * ("Zbiór reguł jest nieprawidłowy"), never mixing the two languages. Issue messages come in the
 * page's language (requests carry `lang`).
 */
import { For, Show, type JSX } from "solid-js";
import { t, type MessageKey } from "../i18n/index.ts";
import { ApiError } from "../lib/api-error.ts";

/** Problem codes with words of their own; any other by its HTTP status. */
const BY_CODE: Record<string, MessageKey> = {
  VALIDATION_FAILED: "error.code.VALIDATION_FAILED",
  RULEBOOK_INVALID: "error.code.RULEBOOK_INVALID",
  RATE_LIMITED: "error.code.RATE_LIMITED",
  PAYLOAD_TOO_LARGE: "error.code.PAYLOAD_TOO_LARGE",
  RULEBOOK_UNAVAILABLE: "error.code.UNAVAILABLE",
  DATABASE_UNAVAILABLE: "error.code.UNAVAILABLE",
  WEB_APP_UNAVAILABLE: "error.code.UNAVAILABLE",
  INTERNAL: "error.code.INTERNAL",
};

export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return t("error.generic");
  if (error.status === 0) return t("error.network");
  if (error.status === 401) return t("error.unauthorised");
  if (error.status === 403) return t("error.forbidden");
  if (error.status === 404) return t("error.notFound");
  const key = error.problem.code ? BY_CODE[error.problem.code] : undefined;
  return key ? t(key) : t("error.status", { status: error.status });
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
                {props.place ? (
                  props.place(issue.path)
                ) : (
                  <code>{[issue.file, issue.path || issue.pointer].filter(Boolean).join(" ")}</code>
                )}
                : {issue.message}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}

/**
 * The failure of an action or resource while it has one. Solid types those errors `any`; here
 * they are `unknown`, as ErrorMessage takes them.
 */
export function FailureMessage(props: {
  of: { readonly error?: unknown };
  place?: (path: string) => JSX.Element;
}) {
  return (
    <Show when={props.of.error}>
      {(error) => <ErrorMessage error={error()} place={props.place} />}
    </Show>
  );
}
