/**
 * @module
 * An amount range in the page's locale and the instrument's currency.
 */
import { Show } from "solid-js";
import type { AmountRange as Amount, CallBudget } from "@klastry/domain";
import { formatMoney, formatPercent, label, t } from "../i18n/index.ts";

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

/**
 * The money terms of an instrument as rows of a description list: what one applicant can get, the
 * largest co-financing rate, and, apart, the call's whole budget; each only when the catalogue
 * knows it. Shared by the results card and the instrument page so both say the same thing the
 * same way.
 */
export function FundingTerms(props: {
  amount?: Amount | undefined;
  maxCoFinancingRate?: number | undefined;
  callBudget?: CallBudget | undefined;
}) {
  return (
    <>
      <Show when={props.amount}>
        {(amount) => (
          <>
            <dt>{t("instrument.amount")}</dt>
            <dd>
              <AmountRange amount={amount()} />
            </dd>
          </>
        )}
      </Show>
      <Show when={props.maxCoFinancingRate !== undefined}>
        <dt>{t("instrument.maxCoFinancingRate")}</dt>
        <dd>{t("amount.upToRate", { rate: formatPercent(props.maxCoFinancingRate ?? 0) })}</dd>
      </Show>
      <Show when={props.callBudget}>
        {(budget) => (
          <>
            <dt>{t("instrument.callBudget")}</dt>
            <dd data-testid="call-budget">
              {formatMoney(budget().amount, budget().currency)}
              <Show when={budget().label}>
                <span class="muted"> ({label(budget().label)})</span>
              </Show>
            </dd>
          </>
        )}
      </Show>
    </>
  );
}
