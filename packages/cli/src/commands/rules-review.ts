/**
 * @module
 * `klastry rules review [--dir <folder>] [--lang pl|en] [--format text|markdown] [--date YYYY-MM-DD]
 * [--rule <id>]`: every rule in words beside the record it rests on (who applies, regions, sources,
 * confidence, last check, availability on the date), so a policy designer can audit the whole
 * rulebook in one read.
 */
import { parseArgs } from "node:util";
import { IsoDateSchema, todayInPoland } from "@klastry/domain";
import { loadKnowledgeBase } from "@klastry/knowledge";
import { loadRulebook } from "@klastry/rules-engine";
import type { CommandIo } from "../io.ts";
import { reviewInstruments } from "../review/instrument-review.ts";
import { renderReview, type ReviewFormat } from "../review/render-review.ts";
import { languageOf, rulesDir } from "./rules-shared.ts";

const FORMATS: readonly ReviewFormat[] = ["text", "markdown"];

export function rulesReview(args: string[], io: CommandIo): Promise<number> {
  return Promise.resolve(review(args, io));
}

function review(args: string[], io: CommandIo): number {
  const { values } = parseArgs({
    args,
    options: {
      dir: { type: "string" },
      lang: { type: "string" },
      format: { type: "string" },
      date: { type: "string" },
      rule: { type: "string" },
    },
  });
  const language = languageOf(values.lang, "en");
  if (!language) {
    io.err(`--lang ${JSON.stringify(values.lang)} is not a language; allowed: pl, en`);
    return 2;
  }
  const format = (values.format ?? "text") as ReviewFormat;
  if (!FORMATS.includes(format)) {
    io.err(`--format ${JSON.stringify(values.format)} is not a format; allowed: text, markdown`);
    return 2;
  }
  const date = values.date ?? todayInPoland();
  if (!IsoDateSchema.safeParse(date).success) {
    io.err(`--date ${JSON.stringify(values.date)} is not a date; allowed: YYYY-MM-DD`);
    return 2;
  }
  const rulebook = loadRulebook({ dir: rulesDir(io, values.dir), knowledge: loadKnowledgeBase() });
  let reviews = reviewInstruments(rulebook, language, date);
  if (values.rule !== undefined) {
    reviews = reviews.filter((review) => review.rule.ruleId === values.rule);
    if (reviews.length === 0) {
      const known = rulebook.rules.map((rule) => rule.id).join(", ");
      io.err(`--rule ${JSON.stringify(values.rule)} is not in the rulebook; known: ${known}`);
      return 2;
    }
  }
  io.out(renderReview(reviews, language, format));
  return 0;
}
