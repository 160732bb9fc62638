/**
 * @module
 * Finds scenario files (`*.scenarios.yaml`) under a folder, sorted, skipping node_modules.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Every `*.scenarios.yaml` under `dir`, as paths joined to `dir`, sorted. */
export function findScenarioFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith("."))
        walk(full);
      else if (entry.isFile() && /\.scenarios\.ya?ml$/.test(entry.name)) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}
