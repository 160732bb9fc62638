/**
 * @module
 * For policy designers (admin key): the rulebook's files and rules with their reasons and
 * validation state, and an impact preview of a candidate rule file before it ships.
 */
import { createSignal, ErrorBoundary, For, Show, Suspense } from "solid-js";
import { A, action, createAsync, revalidate, useAction, useSubmission } from "@solidjs/router";
import { Verdicts } from "@klastry/domain";
import { ErrorMessage } from "../components/error-message.tsx";
import { FieldError, TextField } from "../components/form-field.tsx";
import { KeyForm } from "../components/key-form.tsx";
import { usePageTitle } from "../components/page-title.ts";
import { formatDate, formatNumber, label, labelOf, language, t } from "../i18n/index.ts";
import { previewRuleImpact, reloadRules, type CandidateRuleFile } from "../lib/api.ts";
import type { Rulebook as RulebookData } from "../lib/api-types.ts";
import { rulebookQuery } from "../lib/queries.ts";
import { createSessionValue } from "../lib/session-keys.ts";

const impactAction = action(
  async (key: string, candidate: CandidateRuleFile) => previewRuleImpact(key, candidate, language()),
  "rule-impact",
);
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
      <KeyForm id="admin-key" label={t("rules.key")} hint={t("rules.keyHint")} value={key()} onSave={setKey} />
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
            <Show when={book().loadedAt}> · {t("rules.loadedAt", { date: formatDate(book().loadedAt ?? undefined) })}</Show>{" "}
            ·{" "}
            <span class={book().lastReloadFailed ? "status status-closed" : "status status-open"}>
              {book().lastReloadFailed ? t("rules.reloadFailed") : t("rules.valid")}
            </span>
          </p>
          <p>{t("rules.counts", { files: book().files.length, rules: book().rules.length })}</p>
          <button type="button" class="secondary no-print" disabled={reloading.pending} onClick={() => void reload(props.apiKey).catch(() => undefined)}>
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

function RuleFiles(props: { book: RulebookData }) {
  const rulesOf = (file: string) => props.book.rules.filter((rule) => rule.file === file);
  return (
    <For each={props.book.files}>
      {(file) => (
        <details class="rule-file">
          <summary>
            <code>{file}</code> ({rulesOf(file).length})
          </summary>
          <table class="data">
            <caption class="visually-hidden">{file}</caption>
            <thead>
              <tr>
                <th scope="col">{t("rules.rule")}</th>
                <th scope="col">{t("rules.instrument")}</th>
                <th scope="col">{t("rules.weight")}</th>
                <th scope="col">{t("rules.validity")}</th>
                <th scope="col">{t("rules.reasons")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rulesOf(file)}>
                {(rule) => (
                  <tr>
                    <th scope="row">
                      <code>{rule.id}</code>
                    </th>
                    <td>
                      <A href={`/instruments/${rule.instrument}`}>{rule.instrument}</A>
                    </td>
                    <td>{formatNumber(rule.weight)}</td>
                    <td>
                      {formatDate(rule.validFrom) || "…"} – {formatDate(rule.validTo) || "…"}
                    </td>
                    <td>
                      <ul class="rule-reasons">
                        <For each={Object.entries(rule.reasons ?? {})}>
                          {([condition, reason]) => (
                            <li>
                              <code>{condition}</code>: {label(reason.pass)}
                              <span class="muted"> / {label(reason.fail)}</span>
                            </li>
                          )}
                        </For>
                      </ul>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </details>
      )}
    </For>
  );
}

function ImpactPreview(props: { apiKey: string }) {
  const [path, setPath] = createSignal("candidate/candidate.rule.json");
  const [text, setText] = createSignal("");
  const [parseError, setParseError] = createSignal<string>();
  const preview = useAction(impactAction);
  const submission = useSubmission(impactAction);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    let content: unknown;
    try {
      content = JSON.parse(text());
    } catch (error) {
      content = error;
    }
    if (typeof content !== "object" || content === null || Array.isArray(content) || content instanceof Error) {
      const detail = content instanceof Error ? content.message : t("rules.notObject");
      setParseError(t("rules.notJson", { detail }));
      document.getElementById("candidate-rule")?.focus();
      return;
    }
    setParseError(undefined);
    void preview(props.apiKey, { path: path(), content: content as Record<string, unknown> }).catch(() => undefined);
  };

  return (
    <section class="panel" aria-labelledby="impact-title" data-testid="impact">
      <h2 id="impact-title">{t("rules.impact")}</h2>
      <p class="hint">{t("rules.impactIntro")}</p>
      <form onSubmit={onSubmit}>
        <TextField id="candidate-path" label={t("rules.candidatePath")} value={path()} onValue={setPath} />
        <div class="field">
          <label for="candidate-upload">{t("rules.upload")}</label>
          <input
            id="candidate-upload"
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (!file) return;
              setPath(`candidate/${file.name}`);
              void file.text().then(setText);
            }}
          />
        </div>
        <div class="field" classList={{ invalid: Boolean(parseError()) }}>
          <label for="candidate-rule">{t("rules.candidate")}</label>
          <textarea
            id="candidate-rule"
            rows={14}
            class="code"
            spellcheck={false}
            value={text()}
            aria-invalid={parseError() ? "true" : undefined}
            aria-describedby={parseError() ? "candidate-rule-error" : undefined}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <FieldError id="candidate-rule" error={parseError()} />
        </div>
        <button type="submit" class="primary" disabled={submission.pending} data-testid="impact-submit">
          {submission.pending ? t("common.loading") : t("rules.preview")}
        </button>
      </form>
      <Show when={submission.error}>{(error) => <ErrorMessage error={error()} />}</Show>
      <Show when={submission.result}>
        {(report) => (
          <div data-testid="impact-report">
            <p role="status">
              {t("rules.assessed", {
                count: formatNumber(report().clustersEvaluated),
                changed: formatNumber(report().total),
                current: report().currentVersion,
                candidate: report().candidateVersion,
              })}
            </p>
            <table class="data">
              <caption class="visually-hidden">{t("rules.impact")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("region.cluster")}</th>
                  <th scope="col">{t("rules.gains")}</th>
                  <th scope="col">{t("rules.loses")}</th>
                  <th scope="col">{t("rules.verdictChanges")}</th>
                </tr>
              </thead>
              <tbody>
                <For each={report().items} fallback={<tr><td colSpan={4}>{t("rules.noChanges")}</td></tr>}>
                  {(change) => (
                    <tr>
                      <th scope="row">{change.clusterName}</th>
                      <td class="gain">{change.gained.join(", ") || "—"}</td>
                      <td class="loss">{change.lost.join(", ") || "—"}</td>
                      <td>
                        {change.verdictChanges
                          .map((v) => `${v.instrumentId}: ${labelOf(Verdicts.entries, v.before)} → ${labelOf(Verdicts.entries, v.after)}`)
                          .join("; ") || "—"}
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </Show>
    </section>
  );
}
