/**
 * @module
 * The policy designer's candidate rule file: open a rule of the rulebook (or upload a file, which
 * keeps the real path of the rule it replaces), edit it, preview the impact (POST /rules/impact:
 * which clusters gain or lose which instruments and the conditions that made the difference, and
 * why nothing changed when nothing did), and download the changed file.
 */
import { createSignal, Show } from "solid-js";
import { action, useAction, useSubmission } from "@solidjs/router";
import { language, t } from "../i18n/index.ts";
import { previewRuleImpact, type CandidateRuleFile } from "../lib/api.ts";
import type { Rulebook } from "../lib/api-types.ts";
import { downloadText } from "../lib/download.ts";
import { candidatePathFor } from "../lib/candidate-path.ts";
import { FailureMessage } from "./error-message.tsx";
import { TextField } from "./form-field.tsx";
import { ImpactReportView } from "./impact-report.tsx";
import { RuleEditorField } from "./rule-editor-field.tsx";

const impactAction = action(
  async (key: string, candidate: CandidateRuleFile, date: string | undefined) =>
    previewRuleImpact(key, candidate, language(), date),
  "rule-impact",
);

/** A file's text (FileReader: every browser, and the test DOM, has it). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => reject(reader.error ?? new Error(`${file.name} could not be read`));
    reader.readAsText(file);
  });
}

/** The candidate being edited: its path under rules/, its text, and the text it started from. */
export interface Candidate {
  path: string;
  text: string;
  original?: string;
}

export function ImpactPreview(props: {
  apiKey: string;
  book: Rulebook | undefined;
  candidate: Candidate;
  onCandidate: (next: Partial<Candidate>) => void;
}) {
  const [date, setDate] = createSignal("");
  const [parseError, setParseError] = createSignal<string>();
  const preview = useAction(impactAction);
  const submission = useSubmission(impactAction);

  const parsed = (): Record<string, unknown> | string => {
    try {
      const content: unknown = JSON.parse(props.candidate.text);
      if (typeof content !== "object" || content === null || Array.isArray(content))
        return t("rules.notObject");
      return content as Record<string, unknown>;
    } catch {
      return t("rules.notJsonDetail");
    }
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const content = parsed();
    if (typeof content === "string") {
      setParseError(t("rules.notJson", { detail: content }));
      document.querySelector<HTMLElement>("#candidate-rule, .code-editor .cm-content")?.focus();
      return;
    }
    setParseError(undefined);
    void preview(
      props.apiKey,
      { path: props.candidate.path, content },
      /^\d{4}-\d{2}-\d{2}$/.test(date()) ? date() : undefined,
    ).catch(() => undefined);
  };

  const fileName = () => props.candidate.path.split("/").pop() || "rule.rule.json";
  const changed = () =>
    props.candidate.original !== undefined && props.candidate.text !== props.candidate.original;

  return (
    <section class="panel" aria-labelledby="impact-title" data-testid="impact">
      <h2 id="impact-title" tabindex="-1">
        {t("rules.impact")}
      </h2>
      <p class="hint">{t("rules.impactIntro")}</p>
      <form onSubmit={onSubmit}>
        <div class="field">
          <label for="candidate-upload">{t("rules.upload")}</label>
          <input
            id="candidate-upload"
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (!file) return;
              void readText(file).then((text) =>
                props.onCandidate({
                  text,
                  path: candidatePathFor(text, file.name, props.book),
                  original: undefined,
                }),
              );
            }}
          />
        </div>
        <TextField
          id="candidate-path"
          label={t("rules.candidatePath")}
          hint={t("rules.candidatePathHint")}
          value={props.candidate.path}
          onValue={(path) => props.onCandidate({ path })}
        />
        <RuleEditorField
          id="candidate-rule"
          label={t("rules.candidate")}
          hint={t("rules.editorHint")}
          text={props.candidate.text}
          onText={(text) => props.onCandidate({ text })}
          error={parseError()}
        />
        <TextField
          id="impact-date"
          type="date"
          label={t("rules.date")}
          hint={t("rules.dateHint")}
          value={date()}
          onValue={setDate}
        />
        <div class="toolbar">
          <button
            type="submit"
            class="primary"
            disabled={submission.pending}
            data-testid="impact-submit"
          >
            {submission.pending ? t("common.loading") : t("rules.preview")}
          </button>
          <button
            type="button"
            class="secondary"
            data-testid="download-rule"
            disabled={props.candidate.text.trim() === ""}
            onClick={() => downloadText(fileName(), props.candidate.text, "application/json")}
          >
            {t("rules.download", { file: fileName() })}
          </button>
        </div>
        <Show when={props.candidate.path}>
          <p class="hint" data-testid="download-path">
            {changed()
              ? t("rules.savePathChanged", { path: `rules/${props.candidate.path}` })
              : t("rules.savePath", { path: `rules/${props.candidate.path}` })}
          </p>
        </Show>
      </form>
      <FailureMessage of={submission} />
      <Show when={submission.result}>{(report) => <ImpactReportView report={report()} />}</Show>
    </section>
  );
}
