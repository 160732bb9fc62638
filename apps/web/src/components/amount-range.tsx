/**
 * @module
 * An amount range in the page's locale and the instrument's currency.
 */
import { Show } from "solid-js";
import type { AmountRange as Amount } from "@klastry/domain";
import { formatMoney, label, t } from "../i18n/index.ts";

export function formatAmount(amount: Amount): string {
  const { min, max, currency } = amount;
  if (min !== undefined && max !== undefined) {
    return t("amount.range", { min: formatMoney(min, currency), max: formatMoney(max, currency) });
  }
  if (max !== undefined) return t("amount.upTo", { max: formatMoney(max, currency) });
  return t("amount.from", { min: formatMoney(min ?? 0, currency) });
}

export function AmountRange(props: { amount: Amount }) {
  return (
    <>
      {formatAmount(props.amount)} <span class="muted">({t(`amount.of.${props.amount.of}`)})</span>
      <Show when={props.amount.note}>
        <span class="muted"> · {label(props.amount.note)}</span>
      </Show>
    </>
  );
}
