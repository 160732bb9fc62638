/**
 * @module
 * The national picture at `/national` (a national or admin key): the 16 regions side by side,
 * needs by actor x function x region, coverage by level (regions versus the centre), gaps,
 * public-task readiness by region, and the change between two rounds. `?round=<id>` shows one
 * round's official answers (else each cluster's latest official answer), `&compare=<id>` adds the
 * change from an earlier round. No cluster is named; cells of fewer than 3 clusters read "<3".
 */
import { createAsync, useSearchParams } from "@solidjs/router";
import { ErrorBoundary, For, Show, Suspense } from "solid-js";
import type { NationalPicture as Picture } from "@klastry/domain";
import { ErrorMessage } from "../components/error-message.tsx";
import { PagePanel } from "../components/page-panel.tsx";
import { NationalGaps, ReadinessByRegion } from "../components/national-gaps.tsx";
import { NationalNeeds } from "../components/national-needs.tsx";
import { LevelsByRegion, RegionsSideBySide } from "../components/national-regions.tsx";
import { usePageTitle } from "../components/page-title.ts";
import { RoundChange } from "../components/round-change.tsx";
import { SurveyKey } from "../components/survey-key.tsx";
import { countText } from "../lib/suppressed.ts";
import { formatDate, language, t } from "../i18n/index.ts";
import { nationalQuery, roundsQuery } from "../lib/queries.ts";

export default function National() {
  usePageTitle(() => t("national.title"));
  return (
    <section aria-labelledby="national-title">
      <h1 id="national-title">{t("national.title")}</h1>
      <p class="lead">{t("national.lead")}</p>
      <SurveyKey>
        {(key, info) => (
          <Show
            when={info.role !== "region"}
            fallback={
              <p class="error-box" role="alert" data-testid="national-region-key">
                {t("national.regionKey")}
              </p>
            }
          >
            <NationalPage apiKey={key} />
          </Show>
        )}
      </SurveyKey>
    </section>
  );
}

function NationalPage(props: { apiKey: string }) {
  const [search, setSearch] = useSearchParams<{ round?: string; compare?: string }>();
  const rounds = createAsync(() => roundsQuery(props.apiKey));
  const picture = createAsync(() =>
    nationalQuery(props.apiKey, search.round || undefined, search.compare || undefined, language()),
  );
  return (
    <>
      <form
        class="panel filters round-filters"
        aria-label={t("national.choose")}
        onSubmit={(e) => e.preventDefault()}
      >
        <div class="field">
          <label for="national-round">{t("national.round")}</label>
          <select
            id="national-round"
            onChange={(event) => setSearch({ round: event.currentTarget.value || undefined })}
          >
            <option value="" selected={!search.round}>
              {t("national.latest")}
            </option>
            <For each={rounds() ?? []}>
              {(round) => (
                <option value={round.id} selected={search.round === round.id} data-user-text>
                  {round.title}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="national-compare">{t("national.compare")}</label>
          <select
            id="national-compare"
            onChange={(event) => setSearch({ compare: event.currentTarget.value || undefined })}
          >
            <option value="" selected={!search.compare}>
              {t("national.noCompare")}
            </option>
            <For each={(rounds() ?? []).filter((round) => round.id !== search.round)}>
              {(round) => (
                <option value={round.id} selected={search.compare === round.id} data-user-text>
                  {round.title}
                </option>
              )}
            </For>
          </select>
        </div>
      </form>
      <ErrorBoundary fallback={(error: unknown) => <ErrorMessage error={error} />}>
        <Suspense fallback={<p role="status">{t("common.loading")}</p>}>
          <Show when={picture()}>{(loaded) => <Sections picture={loaded()} />}</Show>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}

function Sections(props: { picture: Picture }) {
  return (
    <>
      <p class="lead" data-testid="national-summary">
        {t("national.summary", {
          clusters: countText(props.picture.clusters),
          source: props.picture.round ? props.picture.round.title : t("national.latest"),
          date: formatDate(props.picture.statusOn),
        })}{" "}
        {t("national.suppressed", { min: props.picture.minCellSize })}
      </p>
      <PagePanel id="national-side-by-side" title={t("national.regions")}>
        <RegionsSideBySide picture={props.picture} />
      </PagePanel>
      <PagePanel id="national-needs-part" title={t("national.needsTitle")}>
        <NationalNeeds picture={props.picture} />
      </PagePanel>
      <PagePanel id="national-levels-part" title={t("national.levels")}>
        <p class="hint">{t("national.levelsIntro")}</p>
        <LevelsByRegion picture={props.picture} />
      </PagePanel>
      <PagePanel id="national-gaps-part" title={t("national.gapsTitle")}>
        <NationalGaps picture={props.picture} />
      </PagePanel>
      <PagePanel id="national-readiness-part" title={t("national.readiness")}>
        <ReadinessByRegion picture={props.picture} />
      </PagePanel>
      <PagePanel id="national-change-part" title={t("national.change")}>
        <Show when={props.picture.change} fallback={<p>{t("national.changeHint")}</p>}>
          {(change) => <RoundChange change={change()} id="national-change" />}
        </Show>
      </PagePanel>
    </>
  );
}
