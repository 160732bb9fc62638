/**
 * @module
 * One survey round at `/rounds/<id>` for its owner: what it asks and when, the invitation import
 * with the one-time links, the response rate by region and every invitation's status, the
 * self-registered answers waiting for a decision, closing the round, and links to its report
 * and to the national picture of its answers.
 */
import { A, action, createAsync, useAction, useParams, useSubmission } from "@solidjs/router";
import { createEffect, createSignal, Show, Suspense } from "solid-js";
import { REGIONS, type ModerationDecision, type Round } from "@klastry/domain";
import { FailureMessage } from "../components/error-message.tsx";
import { PagePanel } from "../components/page-panel.tsx";
import { InvitationImport } from "../components/invitation-import.tsx";
import { IssuedLinks } from "../components/issued-links.tsx";
import { ModerationList } from "../components/moderation-list.tsx";
import { usePageTitle } from "../components/page-title.ts";
import { InvitationTable, ResponseRates } from "../components/round-invitations.tsx";
import { SurveyKey } from "../components/survey-key.tsx";
import { formatDate, labelOf, language, t } from "../i18n/index.ts";
import { closeRound, decideModeration, importInvitations } from "../lib/api.ts";
import type { IssuedLink } from "../lib/invitation-link.ts";
import { invitationsQuery, moderationQuery, roundQuery } from "../lib/queries.ts";

const importAction = action(
  async (roundId: string, key: string, csv: string) =>
    importInvitations(roundId, key, csv, language()),
  "import-invitations",
);
const decideAction = action(
  async (roundId: string, assessmentId: string, decision: ModerationDecision, key: string) =>
    decideModeration(roundId, assessmentId, decision, key),
  "decide-moderation",
);
const closeAction = action(
  async (roundId: string, key: string) => closeRound(roundId, key),
  "close-round",
);

/** A link the API gave as a path gets this page's origin, so it works from a mail. */
function absolute(link: string): string {
  return link.startsWith("/") ? `${location.origin}${link}` : link;
}

export function scopeText(round: Pick<Round, "region">): string {
  return round.region
    ? t("rounds.scope.region", { region: labelOf(REGIONS, round.region) })
    : t("rounds.scope.national");
}

export default function SurveyRound() {
  const params = useParams<{ id: string }>();
  const [title, setTitle] = createSignal<string>();
  usePageTitle(() => title() ?? t("rounds.roundTitle"));
  return (
    <section aria-labelledby="round-title">
      <h1 id="round-title" data-user-text>
        {title() ?? t("rounds.roundTitle")}
      </h1>
      <SurveyKey>
        {(key) => (
          <Suspense fallback={<p role="status">{t("common.loading")}</p>}>
            <RoundPage id={params.id} apiKey={key} onTitle={setTitle} />
          </Suspense>
        )}
      </SurveyKey>
    </section>
  );
}

function RoundPage(props: { id: string; apiKey: string; onTitle: (title: string) => void }) {
  const round = createAsync(() => roundQuery(props.id, props.apiKey));
  createEffect(() => {
    const loaded = round();
    if (loaded) props.onTitle(loaded.title);
  });
  const invitations = createAsync(() => invitationsQuery(props.id, props.apiKey));
  const moderation = createAsync(() => moderationQuery(props.id, props.apiKey));
  const runImport = useAction(importAction);
  const importing = useSubmission(importAction);
  const decide = useAction(decideAction);
  const deciding = useSubmission(decideAction);
  const close = useAction(closeAction);
  const closing = useSubmission(closeAction);
  const [links, setLinks] = createSignal<IssuedLink[]>([]);
  const [confirmClose, setConfirmClose] = createSignal(false);
  const closed = () => round()?.status === "closed";
  // Submissions type their errors as `any`; the pages read them as what they are, unknown.
  const importError = (): unknown => importing.error;

  /** Imports the list; answers whether it was taken (the form then empties, against a double import). */
  const onImport = (csv: string): Promise<boolean> =>
    runImport(props.id, props.apiKey, csv).then(
      (result) => {
        setLinks(
          result.invitations.map((entry) => ({
            name: entry.clusterName,
            region: entry.region,
            contact: entry.contact,
            link: absolute(entry.link),
          })),
        );
        return true;
      },
      () => {
        setLinks([]);
        return false;
      },
    );

  return (
    <Show when={round()}>
      {(loaded) => (
        <>
          <dl class="facts round-facts" data-testid="round-facts">
            <dt>{t("rounds.scope")}</dt>
            <dd>{scopeText(loaded())}</dd>
            <dt>{t("rounds.period")}</dt>
            <dd>
              {formatDate(loaded().periodStart)} – {formatDate(loaded().periodEnd)}
            </dd>
            <dt>{t("rounds.status")}</dt>
            <dd data-testid="round-status">{t(`rounds.status.${loaded().status}`)}</dd>
            <dt>{t("rounds.questionnaire")}</dt>
            <dd>{loaded().questionnaireVersion}</dd>
          </dl>
          <p class="toolbar">
            <A
              href={`/rounds/${props.id}/report`}
              class="button primary"
              data-testid="round-report"
            >
              {t("rounds.report")}
            </A>
            <A
              href={`/national?round=${props.id}`}
              class="button secondary"
              data-testid="round-national"
            >
              {t("rounds.national")}
            </A>
          </p>

          <PagePanel id="round-invitations" title={t("invitations.title")}>
            <Show when={!closed()}>
              <InvitationImport
                pending={importing.pending === true}
                error={importError()}
                onImport={onImport}
              />
            </Show>
            <Show when={links().length > 0}>
              <IssuedLinks links={links()} fileName={`klastry-round-${props.id}-links.csv`} />
            </Show>
            <Show when={invitations()}>
              {(list) => (
                <>
                  <h3>{t("invitations.rateTitle")}</h3>
                  <ResponseRates list={list()} />
                  <h3>{t("invitations.listTitle")}</h3>
                  <InvitationTable list={list()} />
                </>
              )}
            </Show>
          </PagePanel>

          <PagePanel id="round-moderation" title={t("moderation.title")}>
            <p class="hint">{t("moderation.intro")}</p>
            <Show when={moderation()}>
              {(list) => (
                <ModerationList
                  list={list()}
                  closed={closed()}
                  pending={deciding.pending ? deciding.input?.[1] : undefined}
                  onDecide={(assessmentId, decision) =>
                    void decide(props.id, assessmentId, decision, props.apiKey).catch(
                      () => undefined,
                    )
                  }
                />
              )}
            </Show>
            <FailureMessage of={deciding} />
          </PagePanel>

          <PagePanel id="round-close" title={t("rounds.closeTitle")}>
            <Show
              when={!closed()}
              fallback={
                <p>{t("rounds.closedOn", { date: formatDate(loaded().closedAt ?? "") })}</p>
              }
            >
              <p class="hint">{t("rounds.closeHint")}</p>
              <Show
                when={confirmClose()}
                fallback={
                  <button
                    type="button"
                    class="secondary"
                    data-testid="round-close-start"
                    onClick={() => setConfirmClose(true)}
                  >
                    {t("rounds.close")}
                  </button>
                }
              >
                <p role="alert">{t("rounds.closeConfirm")}</p>
                <div class="toolbar">
                  <button
                    type="button"
                    class="primary"
                    data-testid="round-close-confirm"
                    disabled={closing.pending}
                    onClick={() =>
                      void close(props.id, props.apiKey).then(
                        () => setConfirmClose(false),
                        () => undefined,
                      )
                    }
                  >
                    {t("rounds.closeYes")}
                  </button>
                  <button type="button" class="secondary" onClick={() => setConfirmClose(false)}>
                    {t("rounds.closeNo")}
                  </button>
                </div>
              </Show>
            </Show>
            <FailureMessage of={closing} />
          </PagePanel>
        </>
      )}
    </Show>
  );
}
