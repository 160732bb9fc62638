/**
 * @module
 * The line that tells a person answering through an invitation which survey round the answer
 * goes to, shown above the wizard and on the results page until the answer is saved.
 */
import { Show } from "solid-js";
import { t } from "../i18n/index.ts";
import type { ActiveInvitation } from "../lib/invitation-link.ts";

export function InvitationBanner(props: { invitation: ActiveInvitation | undefined }) {
  return (
    <Show when={props.invitation}>
      {(active) => (
        <p class="invitation-banner" data-testid="invitation-banner">
          {t("invite.banner", { round: active().roundTitle, cluster: active().clusterName })}
        </p>
      )}
    </Show>
  );
}
