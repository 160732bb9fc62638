/**
 * @module
 * The region at one glance, before any table: clusters assessed, the needs most left uncovered,
 * and the calls open this quarter (or, when none is open today, that in one line with the next
 * expected call).
 */
import { For, Show } from "solid-js";
import { A } from "@solidjs/router";
import { formatDate, formatNumber, label, plural, t } from "../i18n/index.ts";
import type { CoverageRow } from "../lib/api-types.ts";
import { quarterCalls, topUnmetNeeds } from "../lib/region-headline.ts";
import type { ListedInstrument } from "../lib/api-types.ts";
import { viewOf, whenText } from "./availability-line.tsx";
import { needName } from "./coverage-gaps.tsx";

function nameOf(instrument: ListedInstrument): string {
  return instrument.shortName ? label(instrument.shortName) : label(instrument.name);
}

export function RegionHeadline(props: {
  clusters: number;
  named: number;
  coverage: readonly CoverageRow[];
  instruments: readonly ListedInstrument[];
  today: string;
}) {
  const calls = () => quarterCalls(props.instruments, props.today);
  const unmet = () => topUnmetNeeds(props.coverage);
  return (
    <section class="headline" aria-labelledby="headline-title" data-testid="region-headline">
      <h2 id="headline-title" class="visually-hidden">
        {t("region.headline")}
      </h2>
      <div class="figures">
        <div class="figure" data-testid="figure-clusters">
          <p class="figure-number">{formatNumber(props.clusters)}</p>
          <p class="figure-label">{t("region.figure.clusters")}</p>
          <p class="muted">{t("region.figure.named", { named: props.named })}</p>
        </div>
        <div class="figure" data-testid="figure-unmet">
          <p class="figure-label">{t("region.figure.unmet")}</p>
          <Show when={unmet().length > 0} fallback={<p>{t("region.figure.noUnmet")}</p>}>
            <ol class="unmet">
              <For each={unmet()}>
                {(row) => (
                  <li>
                    {needName(row)}{" "}
                    <span class="muted">({plural("plural.cluster", row.uncoveredClusters)})</span>
                  </li>
                )}
              </For>
            </ol>
          </Show>
        </div>
        <div class="figure" data-testid="figure-calls">
          <p class="figure-number">{formatNumber(calls().thisQuarter.length)}</p>
          <p class="figure-label">
            {t("region.figure.calls", {
              from: formatDate(calls().from),
              to: formatDate(calls().to),
            })}
          </p>
          <p class="muted">{t("region.figure.openToday", { count: calls().openToday.length })}</p>
        </div>
      </div>
      <Show when={calls().openToday.length === 0}>
        <p class="nothing-open" data-testid="region-nothing-open">
          {t("region.nothingOpen")}
          <Show when={calls().next}>
            {(next) => (
              <>
                {" "}
                {t("region.nextCall", {
                  name: nameOf(next()),
                  when: whenText(viewOf(next().availabilityOn)),
                })}{" "}
                <A href={`/instruments/${next().id}`}>{t("region.nextCallLink")}</A>
              </>
            )}
          </Show>
        </p>
      </Show>
    </section>
  );
}
