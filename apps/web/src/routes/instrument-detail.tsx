/**
 * @module
 * One instrument: who may use it and under which conditions (in words), its call windows and
 * status today, its sources, how sure we are of the record and when it was last verified.
 */
import { ErrorBoundary, For, Show, Suspense } from "solid-js";
import { A, createAsync, useParams } from "@solidjs/router";
import {
  ActorTypes,
  Confidences,
  InstrumentForms,
  Levels,
  Prerequisites,
  REGION_CODES,
  REGIONS,
  RecordKinds,
  SupportFunctions,
} from "@klastry/domain";
import { FundingTerms } from "../components/amount-range.tsx";
import { AvailabilityLine, viewOf } from "../components/availability-line.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { usePageTitle } from "../components/page-title.ts";
import { formatDate, label, labelOf, t } from "../i18n/index.ts";
import type { getInstrument } from "../lib/api.ts";
import { fundingSourcesQuery, instrumentQuery } from "../lib/queries.ts";

/** An instrument as the API serves it, with its availability today. */
type ServedInstrument = Awaited<ReturnType<typeof getInstrument>>;

export default function InstrumentDetail() {
  const params = useParams<{ id: string }>();
  const instrument = createAsync(() => instrumentQuery(params.id));
  usePageTitle(() => (instrument() ? label(instrument()?.name) : t("catalogue.title")));
  return (
    <ErrorBoundary fallback={(error: unknown) => <ErrorMessage error={error} />}>
      <Suspense fallback={<p role="status">{t("common.loading")}</p>}>
        <Show when={instrument()}>{(loaded) => <InstrumentView instrument={loaded()} />}</Show>
      </Suspense>
    </ErrorBoundary>
  );
}

function InstrumentView(props: { instrument: ServedInstrument }) {
  const i = () => props.instrument;
  const sources = createAsync(() => fundingSourcesQuery().catch(() => []));
  const sourceName = (id: string) => {
    const source = sources()?.find((candidate) => candidate.id === id);
    return source ? label(source.name) : id;
  };
  const status = () => i().availabilityOn;
  const regions = () =>
    i().regions.length === REGION_CODES.length
      ? t("instrument.allRegions")
      : i()
          .regions.map((code) => labelOf(REGIONS, code))
          .join(", ");
  return (
    <article aria-labelledby="instrument-title" data-testid="instrument-detail">
      <p class="muted">
        <A href="/instruments">{t("catalogue.back")}</A>
      </p>
      <h1 id="instrument-title">
        {i().shortName ? `${label(i().shortName)}: ` : ""}
        {label(i().name)}
      </h1>
      <p>{label(i().description)}</p>
      <h2>{t("instrument.eligibility")}</h2>
      <ul class="eligibility" data-testid="eligibility">
        <li>
          {t("instrument.eligibleActors", {
            actors: i()
              .eligibleActors.map((a) => labelOf(ActorTypes.entries, a))
              .join(", "),
          })}
        </li>
        <li>{t("instrument.regions", { regions: regions() })}</li>
        <li>
          {i().clusterSpecific
            ? t("instrument.clusterSpecific")
            : t("instrument.notClusterSpecific")}
        </li>
        <Show when={i().prerequisites.length > 0}>
          <li>
            {t("instrument.prerequisites", {
              list: i()
                .prerequisites.map((p) => labelOf(Prerequisites.entries, p))
                .join(", "),
            })}
          </li>
        </Show>
        <li>
          {t("instrument.functions", {
            list: i()
              .functions.map((f) => labelOf(SupportFunctions.entries, f))
              .join(", "),
          })}
        </li>
      </ul>
      <dl class="facts">
        <dt>{t("instrument.kind")}</dt>
        <dd>{labelOf(RecordKinds.entries, i().kind)}</dd>
        <dt>{t("instrument.operator")}</dt>
        <dd>{label(i().operator)}</dd>
        <dt>{t("instrument.level")}</dt>
        <dd>{labelOf(Levels.entries, i().level)}</dd>
        <dt>{t("instrument.forms")}</dt>
        <dd>
          {i()
            .forms.map((f) => labelOf(InstrumentForms.entries, f))
            .join(", ")}
        </dd>
        <Show when={i().fundingSources.length > 0}>
          <dt>{t("instrument.fundingSources")}</dt>
          <dd>{i().fundingSources.map(sourceName).join(", ")}</dd>
        </Show>
        <FundingTerms
          amount={i().amount}
          maxCoFinancingRate={i().maxCoFinancingRate}
          callBudget={i().callBudget}
        />
        <dt>{t("instrument.callStatus")}</dt>
        <dd data-testid="call-status">
          <AvailabilityLine availability={viewOf(status())} />
        </dd>
        <dt>{t("instrument.confidence")}</dt>
        <dd>{labelOf(Confidences.entries, i().confidence)}</dd>
        <dt>{t("instrument.lastVerified")}</dt>
        <dd>{formatDate(i().lastVerified)}</dd>
      </dl>
      <h2>{t("instrument.callWindows")}</h2>
      <Show
        when={i().availability.calls.length > 0}
        fallback={<p>{t("instrument.noCallWindows")}</p>}
      >
        <table class="data">
          <caption class="visually-hidden">{t("instrument.callWindows")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("instrument.window")}</th>
              <th scope="col">{t("instrument.opens")}</th>
              <th scope="col">{t("instrument.closes")}</th>
              <th scope="col">{t("instrument.link")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={i().availability.calls}>
              {(window) => (
                <tr>
                  <td>{window.label ? label(window.label) : "—"}</td>
                  <td>{formatDate(window.opens)}</td>
                  <td>{formatDate(window.closes)}</td>
                  <td>
                    <Show when={window.url} fallback="—">
                      {(url) => (
                        <a href={url()} rel="noopener noreferrer" target="_blank">
                          {t("instrument.callPage")}
                        </a>
                      )}
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <h2>{t("instrument.sources")}</h2>
      <ul data-testid="sources">
        <For each={i().sources}>
          {(source) => (
            <li>
              <a href={source.url} rel="noopener noreferrer" target="_blank">
                {source.title ?? source.url}
              </a>
            </li>
          )}
        </For>
      </ul>
    </article>
  );
}
