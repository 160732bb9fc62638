/**
 * @module
 * Evaluates assessments with the rulebook this process serves, by the compiled engine or, on
 * request, by json-rules-engine itself (`engine=reference`), and sets the version header.
 */
import type { Context } from "hono";
import {
  todayInPoland,
  type AssessmentInput,
  type IsoDate,
  type Language,
  type RecommendationSet,
  type StoredAssessment,
} from "@klastry/domain";
import { evaluate, evaluateReference, type Rulebook } from "@klastry/rules-engine";
import type { AppDeps } from "./deps.ts";
import { RULEBOOK_VERSION_HEADER } from "./routes/router.ts";

export interface EvaluationOptions {
  date?: IsoDate | undefined;
  language: Language;
  engine?: "compiled" | "reference" | undefined;
}

/** One rulebook for a whole request, so every result of it names the same version. */
export function pinRulebook(deps: Pick<AppDeps, "rulebookStore">, c: Context): Rulebook {
  const rulebook = deps.rulebookStore.current();
  c.header(RULEBOOK_VERSION_HEADER, rulebook.version);
  return rulebook;
}

/** The answers of a stored assessment, without its stored-record fields (id, dates, version). */
export function answersOf(stored: StoredAssessment): AssessmentInput {
  return {
    clusterId: stored.clusterId,
    cluster: stored.cluster,
    profile: stored.profile,
    needs: stored.needs,
    publicTasks: stored.publicTasks,
    ownContribution: stored.ownContribution,
  };
}

export async function evaluateWith(
  rulebook: Rulebook,
  assessment: AssessmentInput,
  options: EvaluationOptions,
): Promise<RecommendationSet> {
  const settings = { date: options.date ?? todayInPoland(), language: options.language };
  return options.engine === "reference"
    ? await evaluateReference(rulebook, assessment, settings)
    : evaluate(rulebook, assessment, settings);
}
