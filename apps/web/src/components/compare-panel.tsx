/**
 * @module
 * Compares the current results with an earlier saved assessment of the same cluster: which
 * instruments were gained and which lost. The history is read with this browser's private token.
 */
import { createMemo, createSignal, For, Show, Suspense, ErrorBoundary } from "solid-js";
import { createAsync } from "@solidjs/router";
import {
  AssessmentInputSchema,
  type RecommendationSet,
  type StoredAssessment,
} from "@klastry/domain";
import { formatDateTime, language, t } from "../i18n/index.ts";
import { compareSets } from "../lib/compare.ts";
import { clusterHistoryQuery, recommendationsQuery } from "../lib/queries.ts";
import { useWizard } from "../lib/wizard-store.tsx";
import { ErrorMessage } from "./error-message.tsx";

/** The earlier answers evaluated today, so the comparison shows what the answers changed. */
async function setOf(record: StoredAssessment, lang: "pl" | "en"): Promise<RecommendationSet> {
  const input = AssessmentInputSchema.parse({
    clusterId: record.clusterId,
    cluster: record.cluster,
    profile: record.profile,
    needs: record.needs,
    publicTasks: record.publicTasks,
    ownContribution: record.ownContribution,
  });
  return recommendationsQuery(input, lang);
}

export function ComparePanel(props: { current: RecommendationSet }) {
  const wizard = useWizard();
  const access = createMemo(() => {
    const saved = wizard.draft.saved.filter((entry) => entry.clusterId === wizard.draft.clusterId);
    return saved[saved.length - 1];
  });
  return (
    <section class="panel no-print" aria-labelledby="compare-title" data-testid="compare">
      <h2 id="compare-title">{t("compare.title")}</h2>
      <Show when={access()} fallback={<p class="hint">{t("compare.needsSave")}</p>}>
        {(known) => (
          <ErrorBoundary fallback={(error: unknown) => <ErrorMessage error={error} />}>
            <Suspense fallback={<p role="status">{t("common.loading")}</p>}>
              <History
                clusterId={known().clusterId}
                token={known().token}
                latestId={known().assessmentId}
                current={props.current}
              />
            </Suspense>
          </ErrorBoundary>
        )}
      </Show>
    </section>
  );
}

function History(props: {
  clusterId: string;
  token: string;
  latestId: string;
  current: RecommendationSet;
}) {
  const history = createAsync(() => clusterHistoryQuery(props.clusterId, props.token));
  const [chosen, setChosen] = createSignal("");
  const chosenRecord = () => history()?.find((record) => record.id === chosen());
  const earlier = createAsync(async () => {
    const record = chosenRecord();
    return record ? setOf(record, language()) : undefined;
  });
  const comparison = () => {
    const set = earlier();
    return set ? compareSets(set, props.current) : undefined;
  };
  return (
    <>
      <div class="field">
        <label for="compare-with">{t("compare.choose")}</label>
        <select
          id="compare-with"
          data-testid="compare-select"
          onChange={(event) => setChosen(event.currentTarget.value)}
        >
          <option value="">{t("form.choose")}</option>
          <For each={history() ?? []}>
            {(record) => (
              <option value={record.id}>
                {formatDateTime(record.createdAt)}
                {record.id === props.latestId ? ` (${t("compare.latest")})` : ""}
              </option>
            )}
          </For>
        </select>
      </div>
      <Show when={comparison()}>
        {(result) => (
          <div class="comparison" data-testid="comparison">
            <h3 class="h4">{t("compare.gained", { count: result().gained.length })}</h3>
            <ul data-testid="compare-gained">
              <For each={result().gained} fallback={<li>{t("compare.none")}</li>}>
                {(r) => <li>{r.shortName ?? r.name}</li>}
              </For>
            </ul>
            <h3 class="h4">{t("compare.lost", { count: result().lost.length })}</h3>
            <ul data-testid="compare-lost">
              <For each={result().lost} fallback={<li>{t("compare.none")}</li>}>
                {(r) => <li>{r.shortName ?? r.name}</li>}
              </For>
            </ul>
            <p class="muted">{t("compare.kept", { count: result().kept.length })}</p>
          </div>
        )}
      </Show>
    </>
  );
}
