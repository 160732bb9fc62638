/**
 * @module
 * The impact preview of a candidate rule file (typed or uploaded): which clusters would gain or
 * lose which instruments, before anything ships (POST /rules/impact).
 */
import { createSignal, For, Show } from "solid-js";
import { action, useAction, useSubmission } from "@solidjs/router";
import { Verdicts } from "@klastry/domain";
import { formatNumber, label, labelOf, language, t } from "../i18n/index.ts";
import { previewRuleImpact, type CandidateRuleFile } from "../lib/api.ts";
import { causeLine } from "../lib/impact-cause.ts";
import { ErrorMessage } from "./error-message.tsx";
import { FieldError, TextField } from "./form-field.tsx";

const impactAction = action(
  async (key: string, candidate: CandidateRuleFile) =>
    previewRuleImpact(key, candidate, language()),
  "rule-impact",
);
export function ImpactPreview(props: { apiKey: string }) {
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
    if (
      typeof content !== "object" ||
      content === null ||
      Array.isArray(content) ||
      content instanceof Error
    ) {
      const detail = content instanceof Error ? content.message : t("rules.notObject");
      setParseError(t("rules.notJson", { detail }));
      document.getElementById("candidate-rule")?.focus();
      return;
    }
    setParseError(undefined);
    void preview(props.apiKey, { path: path(), content: content as Record<string, unknown> }).catch(
      () => undefined,
    );
  };

  return (
    <section class="panel" aria-labelledby="impact-title" data-testid="impact">
      <h2 id="impact-title">{t("rules.impact")}</h2>
      <p class="hint">{t("rules.impactIntro")}</p>
      <form onSubmit={onSubmit}>
        <TextField
          id="candidate-path"
          label={t("rules.candidatePath")}
          value={path()}
          onValue={setPath}
        />
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
        <button
          type="submit"
          class="primary"
          disabled={submission.pending}
          data-testid="impact-submit"
        >
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
            <Show when={report().byInstrument.length > 0}>
              <ul data-testid="impact-by-instrument">
                <For each={report().byInstrument}>
                  {(entry) => (
                    <li>
                      <code>{entry.instrumentId}</code> {label(entry.instrumentName)}:{" "}
                      {t("rules.byInstrument", {
                        gained: formatNumber(entry.gained),
                        lost: formatNumber(entry.lost),
                      })}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
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
                <For
                  each={report().items}
                  fallback={
                    <tr>
                      <td colSpan={4}>{t("rules.noChanges")}</td>
                    </tr>
                  }
                >
                  {(change) => (
                    <tr>
                      <th scope="row">{change.clusterName}</th>
                      <td class="gain">{change.gained.join(", ") || "—"}</td>
                      <td class="loss">{change.lost.join(", ") || "—"}</td>
                      <td>
                        {change.verdictChanges
                          .map((v) => {
                            // A near miss gained or lost keeps the verdict: say so beside it.
                            const side = (verdict: string, nearMiss: boolean) =>
                              `${labelOf(Verdicts.entries, verdict)}${nearMiss ? ` (${t("rules.nearMiss")})` : ""}`;
                            const verdicts = `${v.instrumentId}: ${side(v.before, v.nearMissBefore)} → ${side(v.after, v.nearMissAfter)}`;
                            // Older servers send no causes; the preview then shows verdicts only.
                            const causes = (v.causes ?? []).map(causeLine).join("; ");
                            return causes
                              ? `${verdicts} (${t("rules.because")} ${causes})`
                              : verdicts;
                          })
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
