/**
 * @module
 * `klastry rules validate [--dir <folder>] [--lang pl|en]`: every problem of every rule file as
 * `file: /json/pointer: message (allowed: ...)`; exit 1 on any problem.
 */
import { parseArgs } from "node:util";
import { loadKnowledgeBase } from "@klastry/knowledge";
import { readRuleSources, validateRuleSources, type RuleIssue } from "@klastry/rules-engine";
import type { CommandIo } from "../io.ts";
import { languageOf, rulesDir, shown } from "./rules-shared.ts";

export function rulesValidate(args: string[], io: CommandIo): number {
  const { values } = parseArgs({
    args,
    options: { dir: { type: "string" }, lang: { type: "string" } },
  });
  const language = languageOf(values.lang, "en");
  if (!language) {
    io.err(`--lang ${JSON.stringify(values.lang)} is not a language; allowed: pl, en`);
    return 2;
  }
  const dir = rulesDir(io, values.dir);
  const sources = readRuleSources(dir);
  if (sources.length === 0) {
    io.err(
      language === "pl"
        ? `${shown(io, dir)}: brak plików *.rule.json`
        : `${shown(io, dir)}: no *.rule.json files`,
    );
    return 1;
  }
  const { rules, issues } = validateRuleSources(sources, {
    knowledge: loadKnowledgeBase(),
    language,
  });
  for (const issue of issues) io.err(formatIssue(shown(io, dir), issue, language));
  if (issues.length > 0) {
    const files = new Set(issues.map((issue) => issue.file)).size;
    io.err(
      language === "pl"
        ? `Błędy: ${issues.length}, w plikach reguł: ${files} z ${sources.length}`
        : `${issues.length} issue(s) in ${files} of ${sources.length} rule files`,
    );
    return 1;
  }
  const count = rules.length;
  io.out(
    language === "pl"
      ? `Poprawne pliki reguł: ${count} (${shown(io, dir)})`
      : `${count} rule file${count === 1 ? "" : "s"} valid (${shown(io, dir)})`,
  );
  return 0;
}

/** `rules/finance/x.rule.json: /conditions/all/0/fact: unknown fact "memberCnt"; ... (allowed: a, b)`. */
export function formatIssue(dir: string, issue: RuleIssue, language: "pl" | "en"): string {
  const where = `${dir === "." ? "" : `${dir}/`}${issue.file}: ${issue.pointer || "/"}`;
  const allowed =
    issue.allowed &&
    issue.allowed.length > 0 &&
    issue.allowed.length <= 40 &&
    !issue.message.includes(issue.allowed[0] as string)
      ? ` (${language === "pl" ? "dozwolone" : "allowed"}: ${issue.allowed.join(", ")})`
      : "";
  return `${where}: ${issue.message}${allowed}`;
}
