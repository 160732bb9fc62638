/**
 * @module
 * The page an invitation link opens (`/invite#token=...`). The token leaves the address bar at
 * once (into this tab's sessionStorage) and goes to the API only in the `X-Invitation-Token`
 * header; the page says which round and cluster the invitation is for, then starts the wizard
 * with the cluster's name and region filled in. The answer saved from the results page belongs to
 * the round.
 */
import { createAsync, useNavigate } from "@solidjs/router";
import { createEffect, ErrorBoundary, Show, Suspense } from "solid-js";
import { REGIONS } from "@klastry/domain";
import { ErrorMessage } from "../components/error-message.tsx";
import { usePageTitle } from "../components/page-title.ts";
import { formatDate, labelOf, t } from "../i18n/index.ts";
import { ApiError } from "../lib/api-error.ts";
import { storedInvitation, storeInvitation, tokenFromFragment } from "../lib/invitation-link.ts";
import { invitationQuery } from "../lib/queries.ts";
import { useWizard } from "../lib/wizard-store.tsx";

/** The token of this visit: from the link's fragment (then cleared), else this tab's own. */
function takeToken(): string | undefined {
  const fromLink = tokenFromFragment(location.hash);
  if (fromLink) {
    history.replaceState(history.state, "", location.pathname);
    return fromLink;
  }
  return storedInvitation()?.token;
}

export default function SurveyInvite() {
  usePageTitle(() => t("invite.title"));
  const token = takeToken();
  return (
    <section aria-labelledby="invite-title">
      <h1 id="invite-title">{t("invite.title")}</h1>
      <Show
        when={token}
        fallback={
          <p class="error-box" role="alert" data-testid="invite-missing">
            {t("invite.missing")}
          </p>
        }
      >
        {(secret) => (
          <ErrorBoundary fallback={(error: unknown) => <InvitationProblem error={error} />}>
            <Suspense fallback={<p role="status">{t("common.loading")}</p>}>
              <Invitation token={secret()} />
            </Suspense>
          </ErrorBoundary>
        )}
      </Show>
    </section>
  );
}

/** A closed round or an unknown link in plain words; anything else as the API said it. */
function InvitationProblem(props: { error: unknown }) {
  const status = () => (props.error instanceof ApiError ? props.error.status : 0);
  return (
    <Show
      when={status() === 409 || status() === 401}
      fallback={<ErrorMessage error={props.error} />}
    >
      <p class="error-box" role="alert" data-testid="invite-problem">
        {status() === 409 ? t("invite.closed") : t("invite.unknown")}
      </p>
    </Show>
  );
}

function Invitation(props: { token: string }) {
  const view = createAsync(() => invitationQuery(props.token));
  const wizard = useWizard();
  const navigate = useNavigate();
  // The wizard and the results page say which round this tab answers.
  createEffect(() => {
    const loaded = view();
    if (loaded)
      storeInvitation({
        token: props.token,
        roundTitle: loaded.round.title,
        clusterName: loaded.clusterName,
      });
  });
  return (
    <Show when={view()}>
      {(loaded) => {
        const start = () => {
          // A fresh questionnaire for the invited cluster, its name and region as imported.
          wizard.reset();
          wizard.setAnswer("cluster.name", loaded().clusterName);
          wizard.setAnswer("cluster.region", loaded().region);
          navigate("/assessment/1");
        };
        return (
          <div class="panel" data-testid="invitation">
            <p class="lead">{t("invite.round", { round: loaded().round.title })}</p>
            <dl class="facts">
              <dt>{t("region.cluster")}</dt>
              <dd data-user-text>{loaded().clusterName}</dd>
              <dt>{t("region.region")}</dt>
              <dd>{labelOf(REGIONS, loaded().region)}</dd>
              <dt>{t("rounds.period")}</dt>
              <dd>
                {formatDate(loaded().round.periodStart)} – {formatDate(loaded().round.periodEnd)}
              </dd>
            </dl>
            <p>{t("invite.explain")}</p>
            <Show when={loaded().status === "submitted"}>
              <p class="hint" data-testid="invite-submitted">
                {t("invite.alreadySubmitted")}
              </p>
            </Show>
            <Show
              when={loaded().round.status === "open"}
              fallback={<p role="alert">{t("invite.closed")}</p>}
            >
              <button type="button" class="primary" data-testid="invite-start" onClick={start}>
                {t("invite.start")}
              </button>
            </Show>
          </div>
        );
      }}
    </Show>
  );
}
