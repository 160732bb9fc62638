/**
 * @module
 * The catalogue of instruments with the API's filters (kept in the URL, so a filtered list can be
 * bookmarked) and pagination.
 */
import { createSignal, ErrorBoundary, For, Show, Suspense } from "solid-js";
import { A, createAsync, useSearchParams } from "@solidjs/router";
import {
  ActorTypes,
  CallStatuses,
  InstrumentForms,
  Levels,
  REGIONS,
  SupportFunctions,
} from "@klastry/domain";
import { AvailabilityLine, viewOf } from "../components/availability-line.tsx";
import { ErrorMessage } from "../components/error-message.tsx";
import { SelectField } from "../components/form-field.tsx";
import { usePageTitle } from "../components/page-title.ts";
import { formatDate, label, labelOf, t, type MessageKey } from "../i18n/index.ts";
import type { InstrumentFilters, ListedInstrument } from "../lib/api-types.ts";
import {
  CATALOGUE_PAGE_SIZE as PAGE_SIZE,
  filtersFrom,
  type CatalogueSearch,
} from "../lib/catalogue-filters.ts";
import { instrumentsQuery } from "../lib/queries.ts";

const FILTERS: {
  name: keyof InstrumentFilters;
  label: MessageKey;
  entries: readonly { code: string; label: { pl: string; en: string } }[];
}[] = [
  { name: "level", label: "catalogue.filter.level", entries: Levels.entries },
  { name: "region", label: "catalogue.filter.region", entries: REGIONS },
  { name: "function", label: "catalogue.filter.function", entries: SupportFunctions.entries },
  { name: "actorType", label: "catalogue.filter.actorType", entries: ActorTypes.entries },
  { name: "form", label: "catalogue.filter.form", entries: InstrumentForms.entries },
  { name: "status", label: "catalogue.filter.status", entries: CallStatuses.entries },
];

export default function Catalogue() {
  const [search, setSearch] = useSearchParams<CatalogueSearch>();
  usePageTitle(() => t("catalogue.title"));
  const page = createAsync(() => instrumentsQuery(filtersFrom(search)));
  const [text, setText] = createSignal(String(search.q ?? ""));
  const totalPages = () => Math.max(1, Math.ceil((page()?.total ?? 0) / PAGE_SIZE));
  const current = () => filtersFrom(search).page ?? 1;

  return (
    <section aria-labelledby="catalogue-title">
      <h1 id="catalogue-title">{t("catalogue.title")}</h1>
      <form
        class="filters no-print"
        role="search"
        aria-label={t("catalogue.filters")}
        onSubmit={(event) => {
          event.preventDefault();
          setSearch({ q: text() || undefined, page: undefined });
        }}
      >
        <For each={FILTERS}>
          {(filter) => (
            <SelectField
              id={`filter-${filter.name}`}
              label={t(filter.label)}
              value={String(search[filter.name as keyof CatalogueSearch] ?? "")}
              emptyLabel={t("catalogue.any")}
              choices={filter.entries.map((entry) => ({
                value: entry.code,
                label: label(entry.label),
              }))}
              onValue={(value) => setSearch({ [filter.name]: value || undefined, page: undefined })}
            />
          )}
        </For>
        <div class="field">
          <label for="filter-q">{t("catalogue.filter.q")}</label>
          <input
            id="filter-q"
            type="search"
            value={text()}
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </div>
        <div class="field actions">
          <button type="submit" class="primary">
            {t("catalogue.search")}
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setText("");
              setSearch({
                level: undefined,
                region: undefined,
                function: undefined,
                actorType: undefined,
                form: undefined,
                status: undefined,
                q: undefined,
                page: undefined,
              });
            }}
          >
            {t("catalogue.clear")}
          </button>
        </div>
      </form>
      <ErrorBoundary fallback={(error: unknown) => <ErrorMessage error={error} />}>
        <Suspense fallback={<p role="status">{t("common.loading")}</p>}>
          <p role="status" data-testid="catalogue-total">
            {t("catalogue.total", { count: page()?.total ?? 0 })}
          </p>
          <ul class="instrument-list" data-testid="instrument-list">
            <For each={page()?.items ?? []}>
              {(instrument) => <InstrumentRow instrument={instrument} />}
            </For>
          </ul>
          <Show when={totalPages() > 1}>
            <nav class="pagination no-print" aria-label={t("catalogue.pagination")}>
              <button
                type="button"
                class="secondary"
                disabled={current() <= 1}
                onClick={() => setSearch({ page: String(current() - 1) })}
              >
                {t("catalogue.previous")}
              </button>
              <span>{t("catalogue.page", { page: current(), pages: totalPages() })}</span>
              <button
                type="button"
                class="secondary"
                disabled={current() >= totalPages()}
                onClick={() => setSearch({ page: String(current() + 1) })}
              >
                {t("catalogue.next")}
              </button>
            </nav>
          </Show>
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}

function InstrumentRow(props: { instrument: ListedInstrument }) {
  const i = () => props.instrument;
  return (
    <li class="card">
      <h2 class="h4">
        <A href={`/instruments/${i().id}`}>
          {i().shortName ? `${label(i().shortName)}: ${label(i().name)}` : label(i().name)}
        </A>
      </h2>
      <p class="muted">
        {label(i().operator)} · {labelOf(Levels.entries, i().level)} ·{" "}
        {i()
          .forms.map((form) => labelOf(InstrumentForms.entries, form))
          .join(", ")}{" "}
        · {t("instrument.lastVerified")}: {formatDate(i().lastVerified)}
      </p>
      <Show when={i().availabilityOn}>
        {(call) => (
          <p>
            <AvailabilityLine availability={viewOf(call())} compact />
          </p>
        )}
      </Show>
    </li>
  );
}
