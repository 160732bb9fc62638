/**
 * @module
 * Saves the assessment (POST /assessments) and shows its private link once; the token stays in
 * this browser's store so later comparisons can open the cluster's history.
 */
import { createSignal, Show } from "solid-js";
import { action, useAction, useSubmission } from "@solidjs/router";
import type { AssessmentInput } from "@klastry/domain";
import { language, t } from "../i18n/index.ts";
import { saveAssessment } from "../lib/api.ts";
import { useWizard } from "../lib/wizard-store.tsx";
import { ErrorMessage } from "./error-message.tsx";

const saveAssessmentAction = action(
  async (input: AssessmentInput, token: string | undefined) =>
    saveAssessment(input, { lang: language(), token }),
  "save-assessment",
);

export function privateLink(id: string, token: string): string {
  // The token travels in the fragment, which browsers never send to the server or in Referer.
  return `${location.origin}/assessments/${encodeURIComponent(id)}#token=${encodeURIComponent(token)}`;
}

export function SavePanel(props: { input: AssessmentInput }) {
  const wizard = useWizard();
  const save = useAction(saveAssessmentAction);
  const submission = useSubmission(saveAssessmentAction);
  const [link, setLink] = createSignal<string>();
  const [copied, setCopied] = createSignal(false);

  const onSave = async () => {
    setLink(undefined);
    // A cluster already saved from this browser adds to its history with one of its tokens.
    const known = wizard.draft.saved.filter((entry) => entry.clusterId === props.input.clusterId);
    const saved = await save(props.input, known[known.length - 1]?.token);
    wizard.recordSave({
      assessmentId: saved.id,
      clusterId: saved.clusterId,
      token: saved.accessToken,
      savedAt: saved.createdAt ?? new Date().toISOString(),
    });
    setLink(privateLink(saved.id, saved.accessToken));
  };

  return (
    <section class="panel no-print" aria-labelledby="save-title">
      <h2 id="save-title">{t("save.title")}</h2>
      <p class="hint">{t("save.intro")}</p>
      <button
        type="button"
        class="primary"
        data-testid="save-assessment"
        disabled={submission.pending}
        onClick={() => void onSave().catch(() => undefined)}
      >
        {submission.pending ? t("save.saving") : t("save.button")}
      </button>
      <Show when={submission.error}>
        <ErrorMessage error={submission.error} />
      </Show>
      <Show when={link()}>
        {(href) => (
          <div class="private-link" role="status">
            <p>
              <strong>{t("save.linkOnce")}</strong>
            </p>
            <p>
              <a href={href()} data-testid="private-link">
                {href()}
              </a>
            </p>
            <button
              type="button"
              class="secondary"
              onClick={() =>
                void navigator.clipboard?.writeText(href()).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied() ? t("save.copied") : t("save.copy")}
            </button>
          </div>
        )}
      </Show>
    </section>
  );
}
