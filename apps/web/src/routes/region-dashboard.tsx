/**
 * @module
 * The regional authority's dashboard at `/region/<TERYT code>`. The API key is entered once per
 * browser session; the API says which region it is for (`GET /keys/me`), so `/region` opens the
 * key's own region and a key of another region gets one clear sentence naming its region, with a
 * link there, instead of refusals. With the right key: the region at one glance (clusters
 * assessed, top unmet needs, calls this quarter), the needs heat map with its table, the gaps,
 * the clusters seen by name, public-task readiness, support by level and the CSV exports.
 */
import { createSignal, ErrorBoundary, For, Show, Suspense } from "solid-js";
import { A, createAsync, Navigate, useParams } from "@solidjs/router";
import { REGIONS, type RegionCode } from "@klastry/domain";
import { CoverageGaps } from "../components/coverage-gaps.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { PagePanel } from "../components/page-panel.tsx";
import { KeyForm } from "../components/key-form.tsx";
import { LevelChart } from "../components/level-chart.tsx";
import { NeedsHeatMap } from "../components/needs-heat-map.tsx";
import { usePageTitle } from "../components/page-title.ts";
import { PublicTaskTable } from "../components/public-task-table.tsx";
import { RegionHeadline } from "../components/region-headline.tsx";
import { WrongKey } from "../components/wrong-key.tsx";
import { formatDate, label, labelOf, language, t } from "../i18n/index.ts";
import { getRegionCsv, type RegionReport } from "../lib/api.ts";
import { downloadText } from "../lib/download.ts";
import {
  keyInfoQuery,
  levelSplitQuery,
  regionClustersQuery,
  regionCoverageQuery,
  regionInstrumentsQuery,
  regionNeedsQuery,
  regionRecommendationsQuery,
  regionTasksQuery,
} from "../lib/queries.ts";
import { createSessionValue } from "../lib/session-keys.ts";

const REPORTS: readonly RegionReport[] = [
  "clusters",
  "recommendations",
  "needs",
  "coverage",
  "public-tasks",
];

/** The region of a `/region/<code>` path, when it is a real TERYT code. */
function regionOf(code: string | undefined): RegionCode | undefined {
  return REGIONS.find((entry) => entry.code === code)?.code;
}

export default function RegionDashboard() {
  const params = useParams<{ code?: string }>();
  const [key, setKey] = createSessionValue("regionKey");
  const asked = () => regionOf(params.code);
  usePageTitle(() =>
    asked()
      ? `${t("region.title")}: ${labelOf(REGIONS, asked() as RegionCode)}`
      : t("region.title"),
  );
  return (
    <section aria-labelledby="region-title">
      <h1 id="region-title">
        {t("region.title")}
        <Show when={asked()}>{(code) => <>: {labelOf(REGIONS, code())}</>}</Show>
      </h1>
      <Show when={params.code !== undefined && !asked()}>
        <p class="error-box" role="alert">
          {t("region.unknownRegion", { code: params.code ?? "" })}
        </p>
      </Show>
      <KeyForm
        id="region-key"
        label={t("region.key")}
        hint={t("region.keyHint")}
        value={key()}
        onSave={setKey}
      />
      <Show when={key()}>
        <ErrorBoundary fallback={(error: unknown) => <ErrorMessage error={error} />}>
          <Suspense fallback={<p role="status">{t("common.loading")}</p>}>
            <ForKey apiKey={key()} asked={asked()} onForget={() => setKey("")} />
          </Suspense>
        </ErrorBoundary>
      </Show>
    </section>
  );
}

/** What the key opens: its own region, another region's refusal, or (admin) any region. */
function ForKey(props: { apiKey: string; asked: RegionCode | undefined; onForget: () => void }) {
  const info = createAsync(() => keyInfoQuery(props.apiKey));
  return (
    <Show when={info()}>
      {(key) => {
        const own = () => (key().role === "region" ? key().region : undefined);
        return (
          <Show
            when={props.asked}
            fallback={
              <Show when={own()} fallback={<RegionPicker />}>
                {(code) => <Navigate href={`/region/${code()}`} />}
              </Show>
            }
          >
            {(asked) => (
              <Show
                when={own() === undefined || own() === asked()}
                fallback={
                  <WrongKey
                    asked={asked()}
                    keyRegion={own() as RegionCode}
                    onForget={props.onForget}
                  />
                }
              >
                <Dashboard region={asked()} apiKey={props.apiKey} />
              </Show>
            )}
          </Show>
        );
      }}
    </Show>
  );
}

/** An admin key opens every region: one link each. */
function RegionPicker() {
  return (
    <nav class="panel" aria-label={t("region.pick")}>
      <h2>{t("region.pick")}</h2>
      <ul class="region-links">
        <For each={REGIONS}>
          {(entry) => (
            <li>
              <A href={`/region/${entry.code}`}>{label(entry.label)}</A>
            </li>
          )}
        </For>
      </ul>
    </nav>
  );
}

function Dashboard(props: { region: RegionCode; apiKey: string }) {
  const clusters = createAsync(() => regionClustersQuery(props.region, props.apiKey));
  const recommendations = createAsync(() =>
    regionRecommendationsQuery(props.region, props.apiKey, language()),
  );
  const needs = createAsync(() => regionNeedsQuery(props.region, props.apiKey));
  const coverage = createAsync(() => regionCoverageQuery(props.region, props.apiKey, language()));
  const tasks = createAsync(() => regionTasksQuery(props.region, props.apiKey));
  const instruments = createAsync(() => regionInstrumentsQuery(props.region));
  const split = createAsync(() => levelSplitQuery(props.region));
  const [csvError, setCsvError] = createSignal<unknown>();
  const download = async (report: RegionReport) => {
    setCsvError(undefined);
    try {
      const text = await getRegionCsv(props.region, report, props.apiKey, language());
      downloadText(`klastry-${props.region}-${report}.csv`, text, "text/csv;charset=utf-8");
    } catch (error) {
      setCsvError(error);
    }
  };
  const eligibleCount = (clusterId: string) =>
    recommendations()
      ?.find((entry) => entry.clusterId === clusterId)
      ?.recommendations.filter((r) => r.verdict === "eligible").length;
  const assessedOn = (clusterId: string) =>
    recommendations()?.find((entry) => entry.clusterId === clusterId)?.assessedOn;

  return (
    <>
      <p class="lead">{t("region.showing", { region: labelOf(REGIONS, props.region) })}</p>
      <ErrorBoundary fallback={(error: unknown) => <ErrorMessage error={error} />}>
        <Suspense fallback={<p role="status">{t("common.loading")}</p>}>
          <Show when={needs() && coverage() && instruments() && clusters()}>
            <RegionHeadline
              clusters={needs()?.clusters ?? 0}
              named={clusters()?.length ?? 0}
              coverage={coverage()?.items ?? []}
              instruments={instruments()?.items ?? []}
              today={instruments()?.statusOn ?? coverage()?.statusOn ?? ""}
            />
          </Show>
        </Suspense>
      </ErrorBoundary>
      <div class="toolbar no-print" role="group" aria-label={t("region.csv")}>
        <For each={REPORTS}>
          {(report) => (
            <button
              type="button"
              class="secondary"
              data-testid={`csv-${report}`}
              onClick={() => void download(report)}
            >
              {t("region.csvReport", { report: t(`region.report.${report}`) })}
            </button>
          )}
        </For>
      </div>
      <Show when={csvError()}>{(error) => <ErrorMessage error={error()} />}</Show>

      <PagePanel id="region-needs" title={t("region.needs")}>
        <NeedsHeatMap cells={needs()?.items ?? []} clusters={needs()?.clusters} />
      </PagePanel>

      <PagePanel id="region-coverage" title={t("region.coverage")}>
        <CoverageGaps rows={coverage()?.items ?? []} />
      </PagePanel>

      <PagePanel id="region-clusters" title={t("region.clusters")}>
        <p class="hint">
          {t("region.clustersNamed", {
            named: clusters()?.length ?? 0,
            anonymous: Math.max(0, (needs()?.clusters ?? 0) - (clusters()?.length ?? 0)),
          })}
        </p>
        <div
          class="table-scroll"
          tabindex="0"
          role="region"
          aria-labelledby="region-clusters-title"
        >
          <table class="data">
            <caption class="visually-hidden">{t("region.clusters")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("region.cluster")}</th>
                <th scope="col">{t("region.assessedOn")}</th>
                <th scope="col">{t("region.eligibleCount")}</th>
              </tr>
            </thead>
            <tbody>
              <For
                each={clusters() ?? []}
                fallback={
                  <tr>
                    <td colSpan={3}>{t("region.noClusters")}</td>
                  </tr>
                }
              >
                {(cluster) => (
                  <tr>
                    <th scope="row">
                      <span data-user-text>{cluster.name}</span>
                      <Show when={cluster.fictional}>
                        {" "}
                        <span class="badge">{t("region.fictional")}</span>
                      </Show>
                    </th>
                    <td>{formatDate(assessedOn(cluster.id)) || "—"}</td>
                    <td>{eligibleCount(cluster.id) ?? "—"}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </PagePanel>

      <PagePanel id="region-public-tasks" title={t("region.publicTasks")}>
        <PublicTaskTable rows={tasks()?.items ?? []} />
      </PagePanel>

      <PagePanel id="region-levels" title={t("region.levels")}>
        <Show when={split()}>{(loaded) => <LevelChart split={loaded()} />}</Show>
      </PagePanel>
    </>
  );
}
