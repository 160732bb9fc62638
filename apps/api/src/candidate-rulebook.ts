/**
 * @module
 * A candidate rulebook for impact analysis, loaded exactly as a reload would load it: the rule
 * texts are written to a temp folder and read with the engine's `loadRulebook`, so validation and
 * the version (a hash of paths and texts) are the same as for the rules folder itself.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Language } from "@klastry/domain";
import {
  loadRulebook,
  type RuleKnowledge,
  type RuleSource,
  type Rulebook,
} from "@klastry/rules-engine";
import { ApiError } from "./problems/api-error.ts";
import { issuesOf } from "./rulebook-store.ts";

export function compileCandidate(
  sources: readonly RuleSource[],
  knowledge: RuleKnowledge,
  language: Language,
): Rulebook {
  const dir = mkdtempSync(join(tmpdir(), "klastry-candidate-"));
  try {
    for (const source of sources) {
      const target = join(dir, source.file);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, source.text);
    }
    try {
      return loadRulebook({ dir, knowledge, language });
    } catch (error) {
      const issues = issuesOf(error);
      if (issues.length === 0) throw error;
      throw new ApiError(
        "RULEBOOK_INVALID",
        `the candidate rule set has ${issues.length} issue(s); nothing was evaluated`,
        { issues, cause: error },
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
