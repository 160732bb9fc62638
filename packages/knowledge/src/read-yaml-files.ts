/**
 * @module
 * Reads YAML files of a knowledge tree. A syntax error becomes an issue with the file and the
 * line, so one broken file does not hide the problems of the others.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parseDocument } from "yaml";
import type { KnowledgeIssue } from "./errors.ts";

export interface YamlFile {
  /** Path relative to the knowledge directory, with forward slashes. */
  file: string;
  /** Base name without `.yaml`: the id the record must carry. */
  baseName: string;
  /** Folder names between the collection folder and the file (e.g. the level of an instrument). */
  folders: string[];
  data: unknown;
}

/** Lists `*.yaml` files under `folder`, recursively, in a stable (sorted) order. */
export function listYamlFiles(root: string, folder: string): string[] {
  const start = join(root, folder);
  if (!existsSync(start)) return [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".yaml") || name.endsWith(".yml")) out.push(full);
    }
  };
  walk(start);
  return out;
}

/** Parses one file; returns the data or pushes issues (YAML errors with line and column). */
export function readYamlFile(
  root: string,
  fullPath: string,
  folder: string,
  issues: KnowledgeIssue[],
): YamlFile | undefined {
  const file = toRelative(root, fullPath);
  const document = parseDocument(readFileSync(fullPath, "utf8"), {
    prettyErrors: true,
    uniqueKeys: true,
  });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const where = error.linePos?.[0];
      const at = where ? `line ${where.line}, column ${where.col}` : "unknown position";
      issues.push({
        file,
        code: "INVALID_FORMAT",
        path: "",
        pointer: "",
        expected: "yaml",
        message: `YAML syntax error at ${at}: ${firstLine(error.message)}`,
      });
    }
    return undefined;
  }
  const inside = relative(join(root, folder), fullPath).split(sep);
  const name = inside.pop() ?? "";
  return { file, baseName: name.replace(/\.ya?ml$/, ""), folders: inside, data: document.toJS() };
}

export function toRelative(root: string, fullPath: string): string {
  return relative(root, fullPath).split(sep).join("/");
}

/** yaml's pretty message repeats the position and quotes the line; keep only the reason. */
function firstLine(message: string): string {
  const line = message.split("\n")[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, "");
}
