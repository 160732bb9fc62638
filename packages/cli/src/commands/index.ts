/**
 * @module
 * The table of commands by group. Each command lives in its own file.
 */
import type { Command } from "../io.ts";
import { dbSeed } from "./db.ts";
import { keysCreate, keysList, keysRevoke } from "./keys.ts";
import { knowledgeCheck } from "./knowledge-check.ts";
import { rulesCoverage } from "./rules-coverage.ts";
import { rulesExplain } from "./rules-explain.ts";
import { rulesFacts } from "./rules-facts.ts";
import { rulesImpact } from "./rules-impact.ts";
import { rulesReview } from "./rules-review.ts";
import { rulesTest } from "./rules-test.ts";
import { rulesValidate } from "./rules-validate.ts";

export interface CommandEntry {
  synopsis: string;
  summary: string;
  run: Command;
}

export const commands: Record<string, Record<string, CommandEntry>> = {
  keys: {
    create: {
      synopsis: "--role <admin|region:TERYT> --label <text>",
      summary: "create an API key; its secret is shown once",
      run: keysCreate,
    },
    revoke: {
      synopsis: "<id>",
      summary: "revoke an API key in every API process",
      run: keysRevoke,
    },
    list: { synopsis: "", summary: "list keys (ids, roles, labels; never secrets)", run: keysList },
  },
  rules: {
    validate: {
      synopsis: "[--dir <folder>] [--lang pl|en]",
      summary: "check every rule file; each problem as file: /pointer: message (allowed: ...)",
      run: rulesValidate,
    },
    test: {
      synopsis: "[<file.scenarios.yaml>...] [--dir <folder>]",
      summary: "run scenario files; failures as expected vs actual with the trace",
      run: rulesTest,
    },
    explain: {
      synopsis:
        "<assessment.json> | --sample <id> [--date YYYY-MM-DD] [--lang pl|en] [--rule <id>]",
      summary: "the full trace of one evaluation",
      run: rulesExplain,
    },
    coverage: {
      synopsis: "[--dir <folder>] [--lang pl|en]",
      summary: "instruments without a rule, rules that never fire, needs no instrument serves",
      run: rulesCoverage,
    },
    facts: {
      synopsis: "[--lang pl|en]",
      summary: "the facts a rule may use, with types, labels and paths",
      run: rulesFacts,
    },
    review: {
      synopsis:
        "[--dir <folder>] [--lang pl|en] [--format text|markdown] [--date YYYY-MM-DD] [--rule <id>]",
      summary: "every rule in words beside the record it rests on, for an audit in one read",
      run: rulesReview,
    },
    impact: {
      synopsis:
        "[--against <revision|folder>] [--assessments <file|db|none>] [--generated N] [--date YYYY-MM-DD] [--format text|markdown|json] [--lang en|pl] [--limit N] [--fail-on-loss]",
      summary:
        "what the working tree's rules change against another revision (default HEAD) for stored, sample and generated clusters; exit 0 unchanged, 1 changed, 2 error, 3 a loss with --fail-on-loss",
      run: rulesImpact,
    },
  },
  facts: {
    list: { synopsis: "[--lang pl|en]", summary: "same as klastry rules facts", run: rulesFacts },
  },
  knowledge: {
    check: {
      synopsis: "[--dir <folder>] [--today YYYY-MM-DD]",
      summary:
        "check the catalogue on a day: dated open/available, official sources behind H, past planned windows, real ends, no internal words; warn on lastVerified over 180 days",
      run: knowledgeCheck,
    },
  },
  db: {
    seed: {
      synopsis: "",
      summary: "migrate the database and seed it from the knowledge base",
      run: dbSeed,
    },
  },
};
