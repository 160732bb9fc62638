/**
 * @module
 * `klastry rules impact [--against <revision|folder>] [--assessments <file|db|none>]
 * [--generated N] [--date YYYY-MM-DD] [--format text|markdown|json] [--lang en|pl]
 * [--limit N] [--fail-on-loss] [--dir <folder>]`: what the working tree's rulebook changes
 * against another revision (default HEAD) for a population of clusters, by the engine's
 * `rulebookImpact` (the same comparison as the web's impact preview).
 *
 * Exit status: 0 nothing changed, 1 rules or outcomes changed, 2 an error or misuse,
 * 3 (with --fail-on-loss) a cluster loses an eligible verdict.
 */
import { parseArgs } from "node:util";
import { IsoDateSchema, todayInPoland } from "@klastry/domain";
import { loadKnowledgeBase } from "@klastry/knowledge";
import { rulebookImpact } from "@klastry/rules-engine";
import type { CommandIo } from "../io.ts";
import { ImpactError } from "../impact/impact-error.ts";
import { loadAgainst, loadWorkingTree } from "../impact/load-rulebooks.ts";
import { collectPopulation, type AssessmentsOption } from "../impact/population.ts";
import { progressOn } from "../impact/progress.ts";
import { renderMarkdown } from "../impact/render-markdown.ts";
import { renderText } from "../impact/render-text.ts";
import { languageOf, rulesDir } from "./rules-shared.ts";

/** Exit codes, for scripts and CI. */
export const IMPACT_EXIT = { unchanged: 0, changed: 1, error: 2, loss: 3 } as const;

const FORMATS = ["text", "markdown", "json"] as const;
type Format = (typeof FORMATS)[number];

const DEFAULT_GENERATED = 2000;

export async function rulesImpact(args: string[], io: CommandIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        against: { type: "string", default: "HEAD" },
        assessments: { type: "string" },
        generated: { type: "string" },
        date: { type: "string" },
        format: { type: "string", default: "text" },
        lang: { type: "string" },
        limit: { type: "string" },
        dir: { type: "string" },
        "fail-on-loss": { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    io.err(`klastry rules impact: ${error instanceof Error ? error.message : String(error)}`);
    return IMPACT_EXIT.error;
  }
  const misuse = (message: string) => {
    io.err(message);
    return IMPACT_EXIT.error;
  };
  const format = values.format as Format;
  if (!FORMATS.includes(format))
    return misuse(
      `--format ${JSON.stringify(values.format)} is not a format; allowed: ${FORMATS.join(", ")}`,
    );
  const language = languageOf(values.lang, "en");
  if (!language)
    return misuse(`--lang ${JSON.stringify(values.lang)} is not a language; allowed: pl, en`);
  const date = values.date ?? todayInPoland();
  if (!IsoDateSchema.safeParse(date).success)
    return misuse(
      `--date ${JSON.stringify(date)} is not a day; allowed: YYYY-MM-DD, e.g. 2026-12-01`,
    );
  const generated = wholeNumber(values.generated, DEFAULT_GENERATED);
  if (generated === undefined || generated > 1_000_000)
    return misuse(
      `--generated ${JSON.stringify(values.generated)} is not a size; allowed: a whole number from 0 to 1000000`,
    );
  const limit = wholeNumber(values.limit, 50);
  if (limit === undefined)
    return misuse(`--limit ${JSON.stringify(values.limit)} is not a whole number`);
  const assessments: AssessmentsOption =
    values.assessments === undefined || values.assessments === "db" || values.assessments === "none"
      ? values.assessments
      : { file: values.assessments };

  try {
    const knowledge = loadKnowledgeBase();
    const dir = rulesDir(io, values.dir);
    const after = loadWorkingTree(io, dir, knowledge, language);
    const before = loadAgainst(io, values.against, dir, knowledge, language);
    const subjects = await collectPopulation(io, { assessments, generated, knowledge });
    const progress = progressOn(io.errTerminal, subjects.length);
    let report;
    try {
      report = rulebookImpact(before.rulebook, after.rulebook, subjects, {
        date,
        labels: { before: before.label, after: after.label },
        ...(progress.onProgress && { onProgress: progress.onProgress }),
      });
    } finally {
      progress.stop();
    }
    if (format === "json") io.out(JSON.stringify(report, null, 2));
    else if (format === "markdown") io.out(renderMarkdown(report, language, limit));
    else io.out(renderText(report, language, limit));
    if (values["fail-on-loss"] && report.summary.clustersLosing > 0) return IMPACT_EXIT.loss;
    return report.summary.changed ? IMPACT_EXIT.changed : IMPACT_EXIT.unchanged;
  } catch (error) {
    // Every failure exits 2, so that 1 keeps meaning "something changed" for scripts.
    const message = error instanceof Error ? error.message : String(error);
    io.err(`klastry rules impact: ${message}`);
    if (!(error instanceof ImpactError) && error instanceof Error && error.stack)
      io.err(error.stack);
    return IMPACT_EXIT.error;
  }
}

function wholeNumber(value: string | undefined, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return /^\d+$/.test(value) ? Number(value) : undefined;
}
