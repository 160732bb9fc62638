/**
 * @module
 * Readiness of a region's clusters for public tasks (seed question 10): clusters per task and level.
 */
import { For, Show } from "solid-js";
import { PublicTasks, ReadinessLevels } from "@klastry/domain";
import { formatNumber, label, t } from "../i18n/index.ts";
import type { PublicTaskRow } from "../lib/api-types.ts";

export function PublicTaskTable(props: { rows: readonly PublicTaskRow[] }) {
  return (
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
        <For each={PublicTasks.entries}>
          {(task) => (
            <tr>
              <th scope="row">{label(task.label)}</th>
              <For each={ReadinessLevels.entries}>
                {(level) => {
                  const row = () =>
                    props.rows.find(
                      (item) => item.task === task.code && item.readiness === level.code,
                    );
                  return (
                    <td>
                      {formatNumber(row()?.count ?? 0)}
                      <Show when={(row()?.clusters.length ?? 0) > 0}>
                        <span class="muted">
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
  );
}
