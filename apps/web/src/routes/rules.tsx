/**
 * @module
 * For policy designers (admin key): the rulebook's files and rules with their reasons and
 * validation state, and an impact preview of a candidate rule file before it ships.
 */
import { ErrorBoundary, Show, Suspense } from "solid-js";
import { action, createAsync, revalidate, useAction, useSubmission } from "@solidjs/router";
import { ErrorMessage } from "../components/error-message.tsx";
import { ImpactPreview } from "../components/impact-preview.tsx";
import { KeyForm } from "../components/key-form.tsx";
import { usePageTitle } from "../components/page-title.ts";
import { RuleFiles } from "../components/rule-files.tsx";
import { formatDate, t } from "../i18n/index.ts";
import { reloadRules } from "../lib/api.ts";
import { rulebookQuery } from "../lib/queries.ts";
import { createSessionValue } from "../lib/session-keys.ts";

const reloadAction = action(async (key: string) => {
  const result = await reloadRules(key);
  await revalidate(rulebookQuery.key);
  return result;
}, "rule-reload");

export default function Rules() {
  usePageTitle(() => t("rules.title"));
  const [key, setKey] = createSessionValue("adminKey");
  return (
    <section aria-labelledby="rules-title">
      <h1 id="rules-title">{t("rules.title")}</h1>
      <KeyForm
        id="admin-key"
        label={t("rules.key")}
        hint={t("rules.keyHint")}
        value={key()}
        onSave={setKey}
      />
      <Show when={key()}>
        <ErrorBoundary fallback={(error) => <ErrorMessage error={error} />}>
          <Suspense fallback={<p role="status">{t("common.loading")}</p>}>
            <Rulebook apiKey={key()} />
          </Suspense>
        </ErrorBoundary>
        <ImpactPreview apiKey={key()} />
      </Show>
    </section>
  );
}

function Rulebook(props: { apiKey: string }) {
  const rulebook = createAsync(() => rulebookQuery(props.apiKey));
  const reload = useAction(reloadAction);
  const reloading = useSubmission(reloadAction);
  return (
    <Show when={rulebook()}>
      {(book) => (
        <section class="panel" aria-labelledby="rulebook-title" data-testid="rulebook">
          <h2 id="rulebook-title">{t("rules.rulebook")}</h2>
          <p data-testid="rulebook-version">
            {t("rules.version", { version: book().version ?? "—" })}
            <Show when={book().loadedAt}>
              {" "}
              · {t("rules.loadedAt", { date: formatDate(book().loadedAt ?? undefined) })}
            </Show>{" "}
            ·{" "}
            <span class={book().lastReloadFailed ? "status status-closed" : "status status-open"}>
              {book().lastReloadFailed ? t("rules.reloadFailed") : t("rules.valid")}
            </span>
          </p>
          <p>{t("rules.counts", { files: book().files.length, rules: book().rules.length })}</p>
          <button
            type="button"
            class="secondary no-print"
            disabled={reloading.pending}
            onClick={() => void reload(props.apiKey).catch(() => undefined)}
          >
            {reloading.pending ? t("common.loading") : t("rules.reload")}
          </button>
          <Show when={reloading.error}>{(error) => <ErrorMessage error={error()} />}</Show>
          <Show when={reloading.result}>
            {(result) => (
              <p role="status">
                {result().changed
                  ? t("rules.reloaded", { version: result().version })
                  : t("rules.unchanged", { version: result().version })}
              </p>
            )}
          </Show>
          <RuleFiles book={book()} />
        </section>
      )}
    </Show>
  );
}
