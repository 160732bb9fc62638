/**
 * @module
 * On a saved assessment opened with its private link: whom the cluster is shown to now, and the
 * coordinator's way to change it (GET and PUT /clusters/{id}/visibility with the link's token).
 */
import { createResource, createSignal, Show } from "solid-js";
import { labelOf, t } from "../i18n/index.ts";
import { REGIONS, Visibilities, type RegionCode, type Visibility } from "@klastry/domain";
import { getClusterVisibility, setClusterVisibility } from "../lib/api.ts";
import { ErrorMessage, FailureMessage } from "./error-message.tsx";
import { VisibilityChoice } from "./visibility-choice.tsx";

export function VisibilityPanel(props: { clusterId: string; token: string; region: RegionCode }) {
  const [current, { mutate }] = createResource(
    () => [props.clusterId, props.token] as const,
    ([clusterId, token]) => getClusterVisibility(clusterId, token),
  );
  const [chosen, setChosen] = createSignal<Visibility>();
  const [error, setError] = createSignal<unknown>();
  const [changed, setChanged] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const regionName = () => labelOf(REGIONS, props.region);
  const change = async () => {
    const next = chosen();
    if (!next) return;
    setBusy(true);
    setError(undefined);
    try {
      mutate(await setClusterVisibility(props.clusterId, props.token, next));
      setChanged(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section
      class="panel no-print"
      aria-labelledby="visibility-title"
      data-testid="visibility-panel"
    >
      <h2 id="visibility-title">{t("visibility.title")}</h2>
      <FailureMessage of={current} />
      <Show when={current()}>
        {(now) => (
          <>
            <p data-testid="visibility-now" role={changed() ? "status" : undefined}>
              {t("visibility.now", {
                choice: labelOf(Visibilities.entries, now().visibility),
              })}{" "}
              {t(`visibility.saved.${now().visibility}`, { region: regionName() })}
            </p>
            <VisibilityChoice
              id="change-visibility"
              value={chosen() ?? now().visibility}
              regionName={regionName()}
              onChoose={setChosen}
            />
            <button
              type="button"
              class="secondary"
              data-testid="change-visibility"
              disabled={busy() || !chosen() || chosen() === now().visibility}
              onClick={() => void change()}
            >
              {t("visibility.change")}
            </button>
          </>
        )}
      </Show>
      <Show when={error()}>{(failure) => <ErrorMessage error={failure()} />}</Show>
    </section>
  );
}
