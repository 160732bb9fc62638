/**
 * @module
 * What fits the cluster except that it funds needs the cluster did not mark, and the calls that
 * closed in the last twelve months for instruments that would fit: both collapsed, apart from
 * the recommendations.
 */
import { For, Show } from "solid-js";
import { A } from "@solidjs/router";
import { Verdicts, type AlsoFunds as AlsoFundsItem, type RecentlyClosed } from "@klastry/domain";
import { formatDate, labelOf, t } from "../i18n/index.ts";
import { Collapsible } from "./collapsible.tsx";

export function AlsoFunds(props: { items: readonly AlsoFundsItem[] }) {
  return (
    <Show when={props.items.length > 0}>
      <section
        class="also-funds"
        aria-label={t("results.alsoFunds", { count: props.items.length })}
      >
        <Collapsible
          id="also-funds-list"
          label={t("results.alsoFunds", { count: props.items.length })}
          testid="also-funds"
        >
          <p class="hint">{t("results.alsoFundsIntro")}</p>
          <ul>
            <For each={props.items}>
              {(item) => (
                <li>
                  <A href={`/instruments/${item.instrumentId}`}>{item.shortName ?? item.name}</A>:{" "}
                  {item.text}
                </li>
              )}
            </For>
          </ul>
        </Collapsible>
      </section>
    </Show>
  );
}

export function RecentlyClosedCalls(props: { items: readonly RecentlyClosed[] }) {
  return (
    <Show when={props.items.length > 0}>
      <section
        class="recently-closed"
        aria-label={t("results.recentlyClosed", { count: props.items.length })}
      >
        <Collapsible
          id="recently-closed-list"
          label={t("results.recentlyClosed", { count: props.items.length })}
          testid="recently-closed"
        >
          <ul>
            <For each={props.items}>
              {(item) => (
                <li>
                  <A href={`/instruments/${item.instrumentId}`}>{item.shortName ?? item.name}</A> –{" "}
                  {t("results.closedOn", { date: formatDate(item.closedOn) })} (
                  {labelOf(Verdicts.entries, item.verdict)})
                </li>
              )}
            </For>
          </ul>
        </Collapsible>
      </section>
    </Show>
  );
}
