/**
 * @module
 * `klastry knowledge check [--dir <dir>] [--today YYYY-MM-DD]`: loads the knowledge tree and checks
 * the catalogue's hygiene on a day (`checkCatalogue`). Errors (stderr) and warnings (stdout) as
 * `severity file: path: message`; exit 1 on any error or a tree that does not load, 0 otherwise.
 */
import { isAbsolute, join } from "node:path";
import { parseArgs } from "node:util";
import { IsoDateSchema, todayInPoland } from "@klastry/domain";
import {
  checkCatalogue,
  defaultKnowledgeDir,
  formatCatalogueIssues,
  formatKnowledgeIssues,
  KnowledgeBaseError,
  loadKnowledgeBase,
  type KnowledgeBase,
} from "@klastry/knowledge";
import type { CommandIo } from "../io.ts";

export function knowledgeCheck(args: string[], io: CommandIo): number {
  const { values } = parseArgs({
    args,
    options: { dir: { type: "string" }, today: { type: "string" } },
  });
  const today = values.today ?? todayInPoland();
  if (!IsoDateSchema.safeParse(today).success) {
    io.err(`--today ${JSON.stringify(today)} is not a date; write it YYYY-MM-DD, e.g. 2026-12-02`);
    return 2;
  }
  const dir =
    values.dir === undefined
      ? defaultKnowledgeDir()
      : isAbsolute(values.dir)
        ? values.dir
        : join(io.cwd, values.dir);
  let kb: KnowledgeBase;
  try {
    kb = loadKnowledgeBase({ dir });
  } catch (error) {
    if (!(error instanceof KnowledgeBaseError)) throw error;
    io.err(formatKnowledgeIssues(error.issues));
    io.err(`the knowledge tree in ${dir} does not load (${error.issues.length} issue(s))`);
    return 1;
  }
  const issues = checkCatalogue(kb, today);
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  if (errors.length > 0) io.err(formatCatalogueIssues(errors));
  if (warnings.length > 0) io.out(formatCatalogueIssues(warnings));
  const summary =
    `${kb.instruments.length} instruments, ${kb.fundingSources.length} funding sources, ` +
    `${kb.publicTasks.length} public tasks checked on ${today}: ` +
    `${errors.length} error(s), ${warnings.length} warning(s)`;
  if (errors.length > 0) {
    io.err(summary);
    return 1;
  }
  io.out(summary);
  return 0;
}
