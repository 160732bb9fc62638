/**
 * @module
 * The impact of a candidate rule file in words: one summary sentence (instruments changed, clusters
 * gaining and losing, of how many evaluated, on which day), the rules that changed with their
 * conditions before and after, each instrument by name, each cluster that changes with the
 * condition that made the difference, and, when nothing changed, why.
 */
import { createResource, For, Show } from "solid-js";
import { A } from "@solidjs/router";
import { CallStatuses, Verdicts } from "@klastry/domain";
import { formatDate, formatNumber, label, labelOf, plural, t } from "../i18n/index.ts";
import { getInstrument } from "../lib/api.ts";
import type { ImpactReport } from "../lib/api-types.ts";
import { causeLine } from "../lib/impact-cause.ts";

/** Instrument names by id, from the report's own lists. */
function namesOf(report: ImpactReport): Map<string, string> {
  const names = new Map<string, string>();
  for (const entry of report.byInstrument)
    names.set(entry.instrumentId, label(entry.instrumentName));
  for (const item of report.items)
    for (const change of item.verdictChanges)
      names.set(change.instrumentId, label(change.instrumentName));
  return names;
}

/** Why an instrument whose rule changed can change no verdict on the day (ended, closed). */
function NotAvailable(props: { instrumentId: string; date: string }) {
  const [instrument] = createResource(
    () => props.instrumentId,
    (id) => getInstrument(id).catch(() => undefined),
  );
  return (
    <Show
      when={
        instrument() && ["ended", "closed"].includes(instrument()?.availabilityOn.status ?? "")
          ? instrument()
          : undefined
      }
    >
      {(found) => (
        <li>
          {t("rules.why.notAvailable", {
            name: label(found().name),
            status: labelOf(CallStatuses.entries, found().availabilityOn.status),
          })}
        </li>
      )}
    </Show>
  );
}

export function ImpactReportView(props: { report: ImpactReport }) {
  const r = () => props.report;
  const names = () => namesOf(r());
  const name = (id: string) => names().get(id) ?? id;
  const changedInstruments = () => [...new Set(r().rules.map((rule) => rule.instrumentId))];
  return (
    <div data-testid="impact-report">
      <p role="status" data-testid="impact-summary">
        {r().summary.changed && r().summary.clustersChanged > 0
          ? t("rules.summary", {
              instruments: plural("plural.instrument", r().summary.instrumentsChanged),
              gaining: plural("plural.cluster", r().summary.clustersGaining),
              losing: plural("plural.cluster", r().summary.clustersLosing),
            })
          : t("rules.summaryNone")}{" "}
        {t("rules.evaluated", {
          clusters: plural("plural.cluster", r().clustersEvaluated),
          date: formatDate(r().evaluatedOn),
          current: r().currentVersion,
          candidate: r().candidateVersion,
        })}
      </p>
      <Show when={r().summary.clustersChanged === 0}>
        <div class="why-nothing" data-testid="impact-why">
          <h3 class="h4">{t("rules.why.title")}</h3>
          <ul>
            <Show when={!r().summary.changed}>
              <li>{t("rules.why.identical")}</li>
            </Show>
            <Show when={r().clustersEvaluated === 0}>
              <li>{t("rules.why.noClusters")}</li>
            </Show>
            <Show when={r().summary.changed && r().clustersEvaluated > 0}>
              <li>
                {t("rules.why.notDeciding", {
                  clusters: plural("plural.cluster", r().clustersEvaluated),
                })}
              </li>
              <For each={changedInstruments()}>
                {(id) => <NotAvailable instrumentId={id} date={r().evaluatedOn} />}
              </For>
            </Show>
          </ul>
        </div>
      </Show>
      <Show when={r().rules.length > 0}>
        <h3 class="h4">{t("rules.changedRules")}</h3>
        <ul data-testid="impact-rules">
          <For each={r().rules}>
            {(rule) => (
              <li>
                <code>{rule.ruleId}</code> ({t(`rules.change.${rule.change}`)}) –{" "}
                <A href={`/instruments/${rule.instrumentId}`}>{name(rule.instrumentId)}</A>
                <Show when={rule.conditions.length > 0 || rule.fields.length > 0}>
                  <ul>
                    <For each={rule.conditions}>
                      {(condition) => (
                        <li>
                          <code>{condition.condition}</code>:{" "}
                          {[condition.before, condition.after]
                            .filter((side) => side !== undefined)
                            .join(" → ")}
                        </li>
                      )}
                    </For>
                    <For each={rule.fields}>
                      {(field) => (
                        <li>
                          <code>{field.field}</code>: {field.before} → {field.after}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={r().byInstrument.length > 0}>
        <ul data-testid="impact-by-instrument">
          <For each={r().byInstrument}>
            {(entry) => (
              <li>
                <strong>{label(entry.instrumentName)}</strong>:{" "}
                {t("rules.byInstrument", {
                  gained: formatNumber(entry.gained),
                  lost: formatNumber(entry.lost),
                })}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={r().items.length > 0}>
        <div class="table-scroll" tabindex="0" role="region" aria-label={t("rules.impact")}>
          <table class="data">
            <caption class="visually-hidden">{t("rules.impact")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("region.cluster")}</th>
                <th scope="col">{t("rules.gains")}</th>
                <th scope="col">{t("rules.loses")}</th>
                <th scope="col">{t("rules.verdictChanges")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={r().items}>
                {(change) => (
                  <tr>
                    <th scope="row">
                      <span data-user-text>{change.clusterName}</span>
                    </th>
                    <td class="gain">{change.gained.map(name).join(", ") || "—"}</td>
                    <td class="loss">{change.lost.map(name).join(", ") || "—"}</td>
                    <td>
                      {change.verdictChanges
                        .map((v) => {
                          // A near miss gained or lost keeps the verdict: say so beside it.
                          const side = (verdict: string, nearMiss: boolean) =>
                            `${labelOf(Verdicts.entries, verdict)}${nearMiss ? ` (${t("rules.nearMiss")})` : ""}`;
                          const verdicts = `${label(v.instrumentName)}: ${side(v.before, v.nearMissBefore)} → ${side(v.after, v.nearMissAfter)}`;
                          const causes = v.causes.map(causeLine).join("; ");
                          return causes
                            ? `${verdicts} (${t("rules.because")} ${causes})`
                            : verdicts;
                        })
                        .join("; ") || "—"}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </div>
  );
}
