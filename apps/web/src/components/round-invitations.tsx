/**
 * @module
 * A round's invitations for its owner: the response rate (submitted of invited) overall and by
 * region, then every invitation with its status (invited, started, submitted). The names are the
 * owner's own import list, so the owner sees them; nobody else does.
 */
import { For, Show } from "solid-js";
import { REGIONS, type InvitationList } from "@klastry/domain";
import { formatDateTime, formatPercent, labelOf, t } from "../i18n/index.ts";

export function rateText(rate: number | null): string {
  return rate === null ? "—" : formatPercent(rate);
}

export function ResponseRates(props: { list: InvitationList }) {
  return (
    <>
      <p class="figure-line" data-testid="response-rate">
        {t("invitations.rate", {
          rate: rateText(props.list.responseRate.rate),
          submitted: props.list.responseRate.submitted,
          invited: props.list.responseRate.invited,
        })}
      </p>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="rates-caption">
        <table class="data" data-testid="rates-by-region">
          <caption id="rates-caption">{t("invitations.byRegion")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("region.region")}</th>
              <th scope="col">{t("invitations.rateColumn")}</th>
              <th scope="col">{t("invitations.status.invited")}</th>
              <th scope="col">{t("invitations.status.started")}</th>
              <th scope="col">{t("invitations.status.submitted")}</th>
            </tr>
          </thead>
          <tbody>
            <For
              each={props.list.byRegion}
              fallback={
                <tr>
                  <td colSpan={5}>{t("invitations.none")}</td>
                </tr>
              }
            >
              {(row) => (
                <tr>
                  <th scope="row">{labelOf(REGIONS, row.region)}</th>
                  <td>{rateText(row.rate)}</td>
                  <td>{row.invited}</td>
                  <td>{row.started}</td>
                  <td>{row.submitted}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </>
  );
}

export function InvitationTable(props: { list: InvitationList }) {
  return (
    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="invitations-caption">
      <table class="data" data-testid="invitation-list">
        <caption id="invitations-caption">
          {t("invitations.listCaption", { total: props.list.total })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("region.cluster")}</th>
            <th scope="col">{t("invitations.statusColumn")}</th>
            <th scope="col">{t("region.region")}</th>
            <th scope="col">{t("invitations.lastChange")}</th>
          </tr>
        </thead>
        <tbody>
          <For
            each={props.list.items}
            fallback={
              <tr>
                <td colSpan={4}>{t("invitations.none")}</td>
              </tr>
            }
          >
            {(item) => (
              <tr data-status={item.status}>
                <th scope="row">
                  <span data-user-text>{item.clusterName}</span>
                  <Show when={item.contact}>
                    <span class="muted" data-user-text>
                      {" "}
                      ({item.contact})
                    </span>
                  </Show>
                </th>
                <td>
                  <span class={`badge invitation-${item.status}`}>
                    {t(`invitations.status.${item.status}`)}
                  </span>
                </td>
                <td>{labelOf(REGIONS, item.region)}</td>
                <td>{formatDateTime(item.submittedAt ?? item.startedAt ?? item.invitedAt)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
