/**
 * @module
 * The rulebook's files, each with its rules: instrument, weight, validity and reasons in words,
 * and a button that opens the rule in the editor.
 */
import { For } from "solid-js";
import { A } from "@solidjs/router";
import { formatDate, formatNumber, label, t } from "../i18n/index.ts";
import type { Rulebook } from "../lib/api-types.ts";

export function RuleFiles(props: { book: Rulebook; onOpen: (id: string) => void }) {
  const rulesOf = (file: string) => props.book.rules.filter((rule) => rule.file === file);
  return (
    <For each={props.book.files}>
      {(file) => (
        <details class="rule-file">
          <summary>
            <code>{file}</code> ({rulesOf(file).length})
          </summary>
          <table class="data">
            <caption class="visually-hidden">{file}</caption>
            <thead>
              <tr>
                <th scope="col">{t("rules.rule")}</th>
                <th scope="col">{t("rules.instrument")}</th>
                <th scope="col">{t("rules.weight")}</th>
                <th scope="col">{t("rules.validity")}</th>
                <th scope="col">{t("rules.reasons")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rulesOf(file)}>
                {(rule) => (
                  <tr>
                    <th scope="row">
                      <code>{rule.id}</code>{" "}
                      <button
                        type="button"
                        class="link no-print"
                        data-testid={`edit-rule-${rule.id}`}
                        onClick={() => props.onOpen(rule.id)}
                      >
                        {t("rules.edit")}
                        <span class="visually-hidden"> {rule.id}</span>
                      </button>
                    </th>
                    <td>
                      <A href={`/instruments/${rule.instrument}`}>{rule.instrument}</A>
                    </td>
                    <td>{formatNumber(rule.weight)}</td>
                    <td>
                      {formatDate(rule.validFrom) || "…"} – {formatDate(rule.validTo) || "…"}
                    </td>
                    <td>
                      <ul class="rule-reasons">
                        <For each={Object.entries(rule.reasons ?? {})}>
                          {([condition, reason]) => (
                            <li>
                              <code>{condition}</code>: {label(reason.pass)}
                              <span class="muted"> / {label(reason.fail)}</span>
                            </li>
                          )}
                        </For>
                      </ul>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </details>
      )}
    </For>
  );
}
