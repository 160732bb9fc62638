/**
 * @module
 * Readiness of a region's clusters for public tasks (seed question 10): only the tasks some
 * cluster is interested in, ready for or already doing, with the counts per level and the names
 * of the clusters the region sees by name; one line when no cluster reported any.
 */
import { For, Show } from "solid-js";
import { PublicTasks, ReadinessLevels } from "@klastry/domain";
import { formatNumber, label, t } from "../i18n/index.ts";
import type { PublicTaskRow } from "../lib/api-types.ts";

export function PublicTaskTable(props: { rows: readonly PublicTaskRow[] }) {
  const reported = () =>
    PublicTasks.entries.filter((task) =>
      props.rows.some((row) => row.task === task.code && row.count > 0),
    );
  const rowOf = (task: string, level: string) =>
    props.rows.find((item) => item.task === task && item.readiness === level);
  return (
    <Show when={reported().length > 0} fallback={<p>{t("region.noPublicTasks")}</p>}>
      <div class="table-scroll" tabindex="0" role="region" aria-label={t("region.publicTasks")}>
        <table class="data">
          <caption class="visually-hidden">{t("region.publicTasks")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("region.task")}</th>
              <For each={ReadinessLevels.entries}>
                {(level) => <th scope="col">{label(level.label)}</th>}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={reported()}>
              {(task) => (
                <tr>
                  <th scope="row">{label(task.label)}</th>
                  <For each={ReadinessLevels.entries}>
                    {(level) => {
                      const row = () => rowOf(task.code, level.code);
                      return (
                        <td>
                          {formatNumber(row()?.count ?? 0)}
                          <Show when={(row()?.clusters.length ?? 0) > 0}>
                            <span class="muted" data-user-text>
                              {" "}
                              (
                              {row()
                                ?.clusters.map((cluster) => cluster.name)
                                .join(", ")}
                              )
                            </span>
                          </Show>
                        </td>
                      );
                    }}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
