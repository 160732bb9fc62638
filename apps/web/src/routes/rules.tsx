/**
 * @module
 * For policy designers (admin key): the rulebook's files and rules with their reasons and
 * validation state; any rule opens in the editor, where it is changed, its impact previewed
 * before anything ships, and the changed file downloaded for its real place in rules/.
 */
import { createSignal, ErrorBoundary, Show, Suspense } from "solid-js";
import { createStore } from "solid-js/store";
import { action, createAsync, revalidate, useAction, useSubmission } from "@solidjs/router";
import { ErrorMessage, FailureMessage } from "../components/error-message.tsx";
import { ImpactPreview, type Candidate } from "../components/impact-preview.tsx";
import { KeyForm } from "../components/key-form.tsx";
import { usePageTitle } from "../components/page-title.ts";
import { RuleFiles } from "../components/rule-files.tsx";
import { formatDate, t } from "../i18n/index.ts";
import { getRuleFile, reloadRules } from "../lib/api.ts";
import type { Rulebook as RulebookData } from "../lib/api-types.ts";
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
        <ErrorBoundary fallback={(error: unknown) => <ErrorMessage error={error} />}>
          <Suspense fallback={<p role="status">{t("common.loading")}</p>}>
            <Designer apiKey={key()} />
          </Suspense>
        </ErrorBoundary>
      </Show>
    </section>
  );
}

function Designer(props: { apiKey: string }) {
  const book = createAsync(() => rulebookQuery(props.apiKey));
  const [candidate, setCandidate] = createStore<Candidate>({ path: "", text: "" });
  const [openError, setOpenError] = createSignal<unknown>();
  const openRule = async (id: string) => {
    setOpenError(undefined);
    try {
      const file = await getRuleFile(props.apiKey, id);
      setCandidate({ path: file.file, text: file.text, original: file.text });
      requestAnimationFrame(() => document.getElementById("impact-title")?.focus());
    } catch (error) {
      setOpenError(error);
    }
  };
  return (
    <>
      <Show when={book()}>
        {(loaded) => (
          <Rulebook book={loaded()} apiKey={props.apiKey} onOpen={(id) => void openRule(id)} />
        )}
      </Show>
      <Show when={openError()}>{(error) => <ErrorMessage error={error()} />}</Show>
      <ImpactPreview
        apiKey={props.apiKey}
        book={book()}
        candidate={candidate}
        onCandidate={(next) => setCandidate(next)}
      />
    </>
  );
}

function Rulebook(props: { book: RulebookData; apiKey: string; onOpen: (id: string) => void }) {
  const reload = useAction(reloadAction);
  const reloading = useSubmission(reloadAction);
  return (
    <section class="panel" aria-labelledby="rulebook-title" data-testid="rulebook">
      <h2 id="rulebook-title">{t("rules.rulebook")}</h2>
      <p data-testid="rulebook-version">
        {t("rules.version", { version: props.book.version ?? "—" })}
        <Show when={props.book.loadedAt}>
          {" "}
          · {t("rules.loadedAt", { date: formatDate(props.book.loadedAt ?? undefined) })}
        </Show>{" "}
        ·{" "}
        <span class={props.book.lastReloadFailed ? "status status-closed" : "status status-open"}>
          {props.book.lastReloadFailed ? t("rules.reloadFailed") : t("rules.valid")}
        </span>
      </p>
      <p>{t("rules.counts", { files: props.book.files.length, rules: props.book.rules.length })}</p>
      <button
        type="button"
        class="secondary no-print"
        disabled={reloading.pending}
        onClick={() => void reload(props.apiKey).catch(() => undefined)}
      >
        {reloading.pending ? t("common.loading") : t("rules.reload")}
      </button>
      <FailureMessage of={reloading} />
      <Show when={reloading.result}>
        {(result) => (
          <p role="status">
            {result().changed
              ? t("rules.reloaded", { version: result().version })
              : t("rules.unchanged", { version: result().version })}
          </p>
        )}
      </Show>
      <RuleFiles book={props.book} onOpen={props.onOpen} />
    </section>
  );
}
