/**
 * @module
 * Lists the repository's own TypeScript sources, for the convention checks.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

const SKIP = new Set(["node_modules", "dist", ".cache", ".turbo", "data", ".git", "bench-results"]);

export function sourceFiles(dir = repoRoot): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

export function readSource(file: string): { file: string; text: string } {
  return { file: relative(repoRoot, file), text: readFileSync(file, "utf8") };
}

export interface WorkspacePackage {
  dir: string;
  manifest: {
    name: string;
    exports?: Record<string, string>;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
}

export function workspacePackages(): WorkspacePackage[] {
  const dirs = ["packages", "apps"].flatMap((top) =>
    readdirSync(join(repoRoot, top)).map((name) => join(repoRoot, top, name)),
  );
  return dirs
    .filter((dir) => statSync(join(dir, "package.json"), { throwIfNoEntry: false })?.isFile())
    .map((dir) => ({
      dir,
      manifest: JSON.parse(
        readFileSync(join(dir, "package.json"), "utf8"),
      ) as WorkspacePackage["manifest"],
    }));
}
