/**
 * @module
 * Survey rounds at `/rounds`: the rounds the key may see, and a form to open one (an admin key: a
 * national round or any region's; a region key: its own region's). Opening a round leads to its
 * page, where invitations are imported.
 */
import { createAsync, A, action, useAction, useNavigate, useSubmission } from "@solidjs/router";
import { For, Show } from "solid-js";
import { REGIONS } from "@klastry/domain";
import { FailureMessage } from "../components/error-message.tsx";
import { usePageTitle } from "../components/page-title.ts";
import { RoundForm, type RoundDraft } from "../components/round-form.tsx";
import { SurveyKey, type KeyInfo } from "../components/survey-key.tsx";
import { formatDate, labelOf, t } from "../i18n/index.ts";
import { openRound } from "../lib/api.ts";
import { roundsQuery } from "../lib/queries.ts";

const openRoundAction = action(
  async (draft: RoundDraft, key: string) =>
    openRound(
      {
        title: draft.title,
        periodStart: draft.opensOn,
        periodEnd: draft.closesOn,
        scope: draft.region ? "regional" : "national",
        ...(draft.region ? { region: draft.region } : {}),
      },
      key,
    ),
  "open-round",
);

export default function SurveyRounds() {
  usePageTitle(() => t("rounds.title"));
  return (
    <section aria-labelledby="rounds-title">
      <h1 id="rounds-title">{t("rounds.title")}</h1>
      <p class="lead">{t("rounds.lead")}</p>
      <SurveyKey>{(key, info) => <Rounds apiKey={key} info={info} />}</SurveyKey>
    </section>
  );
}

function Rounds(props: { apiKey: string; info: KeyInfo }) {
  const rounds = createAsync(() => roundsQuery(props.apiKey));
  const open = useAction(openRoundAction);
  const submission = useSubmission(openRoundAction);
  const navigate = useNavigate();
  const ownRegion = () => (props.info.role === "region" ? props.info.region : undefined);
  const mayOpen = () => props.info.role === "admin" || props.info.role === "region";

  return (
    <>
      <Show when={mayOpen()}>
        <RoundForm
          ownRegion={ownRegion()}
          pending={submission.pending === true}
          onOpen={(draft) =>
            void open(draft, props.apiKey).then(
              (round) => navigate(`/rounds/${round.id}`),
              () => undefined,
            )
          }
        />
        <FailureMessage of={submission} />
      </Show>
      <Show when={props.info.role !== "region"}>
        <p>
          <A href="/national" data-testid="rounds-national">
            {t("rounds.nationalLink")}
          </A>
        </p>
      </Show>
      <section class="panel" aria-labelledby="round-list-title" data-testid="round-list">
        <h2 id="round-list-title">{t("rounds.list")}</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="round-list-title">
          <table class="data">
            <caption class="visually-hidden">{t("rounds.list")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("rounds.titleField")}</th>
                <th scope="col">{t("rounds.scope")}</th>
                <th scope="col">{t("rounds.period")}</th>
                <th scope="col">{t("rounds.status")}</th>
              </tr>
            </thead>
            <tbody>
              <For
                each={rounds() ?? []}
                fallback={
                  <tr>
                    <td colSpan={4}>{t("rounds.none")}</td>
                  </tr>
                }
              >
                {(round) => (
                  <tr>
                    <th scope="row">
                      <A href={`/rounds/${round.id}`} data-user-text>
                        {round.title}
                      </A>
                    </th>
                    <td>
                      {round.region
                        ? t("rounds.scope.region", { region: labelOf(REGIONS, round.region) })
                        : t("rounds.scope.national")}
                    </td>
                    <td>
                      {formatDate(round.periodStart)} – {formatDate(round.periodEnd)}
                    </td>
                    <td>{t(`rounds.status.${round.status}`)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
