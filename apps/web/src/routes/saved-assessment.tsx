/**
 * @module
 * A saved assessment opened through its private link (`/assessments/<id>#token=<token>`): the
 * answers as saved, their results, and a way to continue from them in the wizard.
 */
import { ErrorBoundary, Show, Suspense } from "solid-js";
import { A, createAsync, useLocation, useNavigate, useParams } from "@solidjs/router";
import { AssessmentInputSchema, REGIONS } from "@klastry/domain";
import { ErrorMessage } from "../components/error-message.tsx";
import { usePageTitle } from "../components/page-title.ts";
import { ResultsToolbar } from "../components/results-toolbar.tsx";
import { ResultsView } from "../components/results-view.tsx";
import { VisibilityPanel } from "../components/visibility-panel.tsx";
import { formatDate, label, language, labelOf, t } from "../i18n/index.ts";
import { assessmentQuery, fundingSourcesQuery, recommendationsQuery } from "../lib/queries.ts";
import { draftFromInput } from "../lib/wizard-draft.ts";
import { useWizard } from "../lib/wizard-store.tsx";

/** The token from `#token=` (preferred: never sent to servers) or `?token=`. */
export function tokenFromLocation(hash: string, search: string): string {
  const fromHash = new URLSearchParams(hash.replace(/^#/, "")).get("token");
  return fromHash ?? new URLSearchParams(search).get("token") ?? "";
}

export default function SavedAssessment() {
  const params = useParams<{ id: string }>();
  const location = useLocation();
  const navigate = useNavigate();
  const wizard = useWizard();
  usePageTitle(() => t("saved.title"));
  const token = () => tokenFromLocation(location.hash, location.search);
  const record = createAsync(() =>
    token() ? assessmentQuery(params.id, token()) : Promise.resolve(undefined),
  );
  const input = () => {
    const saved = record()?.assessment;
    if (!saved) return undefined;
    return AssessmentInputSchema.parse({
      clusterId: saved.clusterId,
      cluster: saved.cluster,
      profile: saved.profile,
      needs: saved.needs,
      publicTasks: saved.publicTasks,
      ownContribution: saved.ownContribution,
    });
  };
  const results = createAsync(async () => {
    const saved = record();
    const parsed = input();
    if (!saved || !parsed) return undefined;
    if (saved.recommendations?.language === language()) return saved.recommendations;
    return recommendationsQuery(parsed, language());
  });
  // Funding sources by name, as on the results page (the recommendations carry only their ids).
  const sources = createAsync(() => fundingSourcesQuery().catch(() => []));
  const sourceName = (id: string) => {
    const source = sources()?.find((candidate) => candidate.id === id);
    return source ? (source.abbreviation ? label(source.abbreviation) : label(source.name)) : id;
  };

  const continueInWizard = () => {
    const saved = record()?.assessment;
    const parsed = input();
    if (!saved || !parsed) return;
    const hasAnswers = Object.values(wizard.draft.answers).some((value) => value !== "");
    if (hasAnswers && !window.confirm(t("saved.replaceConfirm"))) return;
    const draft = draftFromInput(parsed);
    draft.saved = [
      ...wizard.draft.saved.filter((entry) => entry.assessmentId !== saved.id),
      {
        assessmentId: saved.id,
        clusterId: saved.clusterId,
        token: token(),
        savedAt: saved.createdAt,
      },
    ];
    wizard.replace(draft);
    navigate("/assessment/results");
  };

  return (
    <section aria-labelledby="saved-title">
      <h1 id="saved-title">{t("saved.title")}</h1>
      <Show
        when={token()}
        fallback={
          <p class="error-box" role="alert">
            {t("saved.noToken")}
          </p>
        }
      >
        <ErrorBoundary fallback={(error: unknown) => <ErrorMessage error={error} />}>
          <Suspense fallback={<p role="status">{t("common.loading")}</p>}>
            <Show when={record()?.assessment}>
              {(saved) => (
                <>
                  <p data-testid="saved-summary">
                    <strong data-user-text>{saved().cluster.name}</strong> ·{" "}
                    {labelOf(REGIONS, saved().cluster.region)} ·{" "}
                    {t("saved.savedOn", { date: formatDate(saved().createdAt) })}
                  </p>
                  <ResultsToolbar
                    input={input()}
                    set={results()}
                    fileDate={results()?.evaluatedOn ?? saved().createdAt.slice(0, 10)}
                  >
                    <button
                      type="button"
                      class="primary"
                      data-testid="continue-in-wizard"
                      onClick={continueInWizard}
                    >
                      {t("saved.continue")}
                    </button>
                    <A href="/assessment/1" class="button secondary">
                      {t("saved.newAssessment")}
                    </A>
                  </ResultsToolbar>
                  <VisibilityPanel
                    clusterId={saved().clusterId}
                    token={token()}
                    region={saved().cluster.region}
                  />
                  <Show when={results()}>
                    {(set) => <ResultsView set={set()} fundingSourceName={sourceName} />}
                  </Show>
                </>
              )}
            </Show>
          </Suspense>
        </ErrorBoundary>
      </Show>
    </section>
  );
}
