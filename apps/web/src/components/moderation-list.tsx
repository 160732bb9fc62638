/**
 * @module
 * Self-registered answers (given through the public wizard, not an invitation) in a round's scope,
 * waiting for the owner's decision: accepted, an answer counts in the round's official figures;
 * rejected, it is kept for its author but never counted. A cluster is named only when its
 * coordinator agreed to it.
 */
import { For, Show } from "solid-js";
import { REGIONS, type ModerationDecision, type ModerationList as List } from "@klastry/domain";
import { formatDate, labelOf, plural, t } from "../i18n/index.ts";

export function ModerationList(props: {
  list: List;
  /** The answer being decided, if any: its buttons wait. */
  pending: string | undefined;
  closed: boolean;
  onDecide: (assessmentId: string, decision: ModerationDecision) => void;
}) {
  return (
    <Show
      when={props.list.items.length > 0}
      fallback={<p data-testid="moderation-empty">{t("moderation.empty")}</p>}
    >
      <ul class="moderation" data-testid="moderation-list">
        <For each={props.list.items}>
          {(item) => {
            const name = () => item.clusterName ?? t("moderation.anonymous");
            return (
              <li class="moderation-item" data-testid="moderation-item">
                <p>
                  <strong data-user-text>{name()}</strong> ({labelOf(REGIONS, item.region)}),{" "}
                  {t("moderation.answered", { date: formatDate(item.assessedOn) })},{" "}
                  {plural("plural.need", item.needs)}
                </p>
                <Show when={!props.closed}>
                  <div
                    class="toolbar"
                    role="group"
                    aria-label={t("moderation.decide", { name: name() })}
                  >
                    <button
                      type="button"
                      class="primary"
                      data-testid="moderation-accept"
                      disabled={props.pending === item.assessmentId}
                      onClick={() => props.onDecide(item.assessmentId, "accepted")}
                    >
                      {t("moderation.accept")}
                    </button>
                    <button
                      type="button"
                      class="secondary"
                      data-testid="moderation-reject"
                      disabled={props.pending === item.assessmentId}
                      onClick={() => props.onDecide(item.assessmentId, "rejected")}
                    >
                      {t("moderation.reject")}
                    </button>
                  </div>
                </Show>
              </li>
            );
          }}
        </For>
      </ul>
    </Show>
  );
}
