/**
 * @module
 * Saves the assessment (POST /assessments) once the coordinator has chosen whom the region's
 * authority is shown it to, and shows its private link once; the token stays in this browser's
 * store so later comparisons can open the cluster's history and the choice can be changed.
 */
import { createSignal, Show } from "solid-js";
import { action, useAction, useSubmission } from "@solidjs/router";
import { REGIONS, type AssessmentInput, type Visibility } from "@klastry/domain";
import { labelOf, language, t } from "../i18n/index.ts";
import { saveAssessment } from "../lib/api.ts";
import { storedInvitation, storeInvitation } from "../lib/invitation-link.ts";
import { useWizard } from "../lib/wizard-store.tsx";
import { FailureMessage } from "./error-message.tsx";
import { InvitationBanner } from "./invitation-banner.tsx";
import { VisibilityChoice } from "./visibility-choice.tsx";

const saveAssessmentAction = action(
  async (
    input: AssessmentInput,
    token: string | undefined,
    visibility: Visibility,
    invitation: string | undefined,
  ) => saveAssessment(input, { lang: language(), token, visibility, invitation }),
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
  const [saved, setSaved] = createSignal<Visibility>();
  const [missingChoice, setMissingChoice] = createSignal(false);
  const [copied, setCopied] = createSignal(false);
  const regionName = () => labelOf(REGIONS, props.input.cluster.region);
  // An answer through a survey invitation goes to its round; the invitation ends with the save.
  const [invitation, setInvitation] = createSignal(storedInvitation());
  const [submittedTo, setSubmittedTo] = createSignal<string>();

  const onSave = async () => {
    const visibility = wizard.draft.visibility;
    if (!visibility) {
      setMissingChoice(true);
      document.querySelector<HTMLInputElement>("#save-visibility input")?.focus();
      return;
    }
    setLink(undefined);
    // A cluster already saved from this browser adds to its history with one of its tokens.
    const known = wizard.draft.saved.filter((entry) => entry.clusterId === props.input.clusterId);
    const stored = await save(
      props.input,
      known[known.length - 1]?.token,
      visibility,
      invitation()?.token,
    );
    const answered = invitation();
    if (answered) {
      setSubmittedTo(answered.roundTitle);
      storeInvitation(undefined);
      setInvitation(undefined);
    }
    wizard.recordSave({
      assessmentId: stored.id,
      clusterId: stored.clusterId,
      token: stored.accessToken,
      savedAt: stored.createdAt ?? new Date().toISOString(),
    });
    setSaved(stored.visibility);
    setLink(privateLink(stored.id, stored.accessToken));
  };

  return (
    <section class="panel save-panel no-print" id="save" aria-labelledby="save-title">
      <h2 id="save-title" tabindex="-1">
        {t("save.title")}
      </h2>
      <p class="hint">{t("save.intro")}</p>
      <InvitationBanner invitation={invitation()} />
      <VisibilityChoice
        id="save-visibility"
        value={wizard.draft.visibility}
        regionName={regionName()}
        onChoose={(visibility) => {
          wizard.setVisibility(visibility);
          setMissingChoice(false);
        }}
        error={missingChoice() ? t("visibility.required") : undefined}
      />
      <button
        type="button"
        class="primary"
        data-testid="save-assessment"
        disabled={submission.pending}
        onClick={() => void onSave().catch(() => undefined)}
      >
        {submission.pending ? t("save.saving") : t("save.button")}
      </button>
      <FailureMessage of={submission} />
      <Show when={link()}>
        {(href) => (
          <div class="private-link" role="status">
            <Show when={submittedTo()}>
              {(round) => (
                <p data-testid="invitation-submitted">
                  <strong>{t("invite.submitted", { round: round() })}</strong>
                </p>
              )}
            </Show>
            <p>
              <strong>{t("save.linkOnce")}</strong>
            </p>
            <p>
              <a href={href()} data-testid="private-link">
                {href()}
              </a>
            </p>
            <p data-testid="saved-visibility">
              {t(`visibility.saved.${saved() ?? "private"}`, { region: regionName() })}{" "}
              {t("visibility.changeLater")}
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
