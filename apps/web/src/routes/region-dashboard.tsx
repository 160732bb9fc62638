/**
 * @module
 * The regional authority's dashboard: with a key for one voivodeship (entered once per browser
 * session), its clusters and their recommendations, the needs heat map, coverage gaps, readiness
 * for public tasks, the split of support by level, and CSV downloads of each report.
 */
import { createSignal, ErrorBoundary, For, Show, Suspense, type JSX } from "solid-js";
import { createAsync } from "@solidjs/router";
import { REGIONS, type RegionCode } from "@klastry/domain";
import { ErrorMessage } from "../components/error-message.tsx";
import { SelectField } from "../components/form-field.tsx";
import { CoverageTable } from "../components/coverage-table.tsx";
import { KeyForm } from "../components/key-form.tsx";
import { LevelChart } from "../components/level-chart.tsx";
import { NeedsHeatMap } from "../components/needs-heat-map.tsx";
import { usePageTitle } from "../components/page-title.ts";
import { PublicTaskTable } from "../components/public-task-table.tsx";
import { formatDate, label, labelOf, language, t } from "../i18n/index.ts";
import { getRegionCsv, type RegionReport } from "../lib/api.ts";
import { downloadText } from "../lib/download.ts";
import {
  levelSplitQuery,
  regionClustersQuery,
  regionCoverageQuery,
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

export default function RegionDashboard() {
  usePageTitle(() => t("region.title"));
  const [key, setKey] = createSessionValue("regionKey");
  const [region, setRegion] = createSessionValue("region");
  const [pendingRegion, setPendingRegion] = createSignal(region() || "");
  // Only a real TERYT code from the list reaches the API (sessionStorage can hold anything).
  const regionCode = () => REGIONS.find((entry) => entry.code === region())?.code;
  return (
    <section aria-labelledby="region-title">
      <h1 id="region-title">{t("region.title")}</h1>
      <KeyForm
        id="region-key"
        label={t("region.key")}
        hint={t("region.keyHint")}
        value={key() && regionCode() ? key() : ""}
        onSave={(value) => {
          if (value && pendingRegion()) setRegion(pendingRegion());
          setKey(value);
        }}
      >
        <SelectField
          id="region-code"
          label={t("region.region")}
          value={pendingRegion()}
          required
          choices={REGIONS.map((entry) => ({ value: entry.code, label: label(entry.label) }))}
          onValue={setPendingRegion}
        />
      </KeyForm>
      <Show when={key() ? regionCode() : undefined}>
        {(code) => <Dashboard region={code()} apiKey={key()} />}
      </Show>
    </section>
  );
}

function Section(props: { id: string; title: string; children: JSX.Element }) {
  return (
    // A narrow screen scrolls a wide table inside its section, not the page (WCAG 1.4.10); the
    // section takes focus so keyboard users can scroll it too.
    <section
      class="panel table-scroll"
      tabindex="0"
      aria-labelledby={`${props.id}-title`}
      data-testid={props.id}
    >
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <ErrorBoundary fallback={(error) => <ErrorMessage error={error} />}>
        <Suspense fallback={<p role="status">{t("common.loading")}</p>}>{props.children}</Suspense>
      </ErrorBoundary>
    </section>
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

      <Section id="region-clusters" title={t("region.clusters")}>
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
                    {cluster.name}
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
      </Section>

      <Section id="region-needs" title={t("region.needs")}>
        <NeedsHeatMap cells={needs()?.items ?? []} clusters={needs()?.clusters} />
      </Section>

      <Section id="region-coverage" title={t("region.coverage")}>
        <CoverageTable rows={coverage()?.items ?? []} />
      </Section>

      <Section id="region-public-tasks" title={t("region.publicTasks")}>
        <PublicTaskTable rows={tasks()?.items ?? []} />
      </Section>

      <Section id="region-levels" title={t("region.levels")}>
        <Show when={split()}>{(loaded) => <LevelChart split={loaded()} />}</Show>
      </Section>
    </>
  );
}
