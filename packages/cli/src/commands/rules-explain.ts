/**
 * @module
 * `klastry rules explain <assessment.json> [--date YYYY-MM-DD] [--lang pl|en] [--rule <id>]`:
 * the full trace of one evaluation (derived facts, each rule, each condition with actual vs
 * required and its outcome, the recommendations). The JSON may also be `{ "sample": "<id>", ... }`
 * as in scenario files; `--sample <id>` does the same without a file.
 */
import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { parseArgs } from "node:util";
import {
  AssessmentInputSchema,
  DomainValidationError,
  IsoDateSchema,
  formatIssues,
  parseOrThrow,
  todayInPoland,
} from "@klastry/domain";
import { loadKnowledgeBase } from "@klastry/knowledge";
import { explain, formatTrace, loadRulebook } from "@klastry/rules-engine";
import type { CommandIo } from "../io.ts";
import { formatRuleTrace, resolveScenarioInput, SampleInputSchema } from "../scenarios/index.ts";
import { languageOf, rulesDir } from "./rules-shared.ts";

const USAGE =
  "usage: klastry rules explain <assessment.json> | --sample <id> [--date YYYY-MM-DD] [--lang pl|en] [--rule <id>] [--dir <folder>]";

export function rulesExplain(args: string[], io: CommandIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      date: { type: "string" },
      lang: { type: "string" },
      rule: { type: "string" },
      dir: { type: "string" },
      sample: { type: "string" },
    },
  });
  const language = languageOf(values.lang, "pl");
  if (!language) {
    io.err(`--lang ${JSON.stringify(values.lang)} is not a language; allowed: pl, en`);
    return 2;
  }
  const date = values.date ?? todayInPoland();
  if (!IsoDateSchema.safeParse(date).success) {
    io.err(`--date ${JSON.stringify(date)} is not a day; allowed: YYYY-MM-DD, e.g. 2025-03-01`);
    return 2;
  }
  const file = positionals[0];
  if (!file && !values.sample) {
    io.err(USAGE);
    return 2;
  }
  const knowledge = loadKnowledgeBase();
  const raw: unknown = values.sample
    ? { sample: values.sample }
    : JSON.parse(readFileSync(isAbsolute(file!) ? file! : join(io.cwd, file!), "utf8"));
  const sample = SampleInputSchema.safeParse(raw);
  const assessment = sample.success ? resolveScenarioInput(sample.data, knowledge) : raw;
  const rulebook = loadRulebook({ dir: rulesDir(io, values.dir), knowledge });
  let trace;
  try {
    const parsed = parseOrThrow(AssessmentInputSchema, assessment, "assessment", language);
    trace = explain(rulebook, parsed, { date, language });
  } catch (error) {
    if (!(error instanceof DomainValidationError)) throw error;
    io.err(`${file ?? values.sample}: the assessment is invalid, nothing was evaluated:`);
    io.err(formatIssues(error.issues));
    return 1;
  }
  if (values.rule !== undefined) {
    const rule = trace.rules.find((r) => r.ruleId === values.rule);
    if (!rule) {
      io.err(
        `no rule "${values.rule}" in the rulebook; see klastry rules validate for the rule files`,
      );
      return 2;
    }
    io.out(formatRuleTrace(trace, rule));
    return 0;
  }
  io.out(formatTrace(trace));
  return 0;
}
