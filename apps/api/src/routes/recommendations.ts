/**
 * @module
 * `POST /recommendations`: an assessment in, ranked recommendations out; nothing is stored.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { AssessmentInputSchema, RecommendationSetSchema } from "@klastry/domain";
import type { AppDeps } from "../deps.ts";
import { evaluateWith, pinRulebook } from "../evaluation.ts";
import { problemResponses } from "../problems/problem.ts";
import {
  createRouter,
  EvaluationQuerySchema,
  rulebookVersionHeader,
  withOpenApi,
} from "./router.ts";

export const AssessmentInputBodySchema = withOpenApi(AssessmentInputSchema, "AssessmentInput");
export const RecommendationSetBodySchema = withOpenApi(
  RecommendationSetSchema,
  "RecommendationSet",
);

const route = createRoute({
  method: "post",
  path: "/recommendations",
  operationId: "evaluateRecommendations",
  security: [],
  tags: ["recommendations"],
  summary: "Evaluate a self-assessment (not stored)",
  request: {
    query: EvaluationQuerySchema.extend({
      engine: z.enum(["compiled", "reference"]).default("compiled").openapi({
        description: "`reference` evaluates with json-rules-engine itself, for cross-checking",
      }),
    }),
    body: {
      required: true,
      content: { "application/json": { schema: AssessmentInputBodySchema } },
    },
  },
  responses: {
    200: {
      description: "Ranked recommendations with near misses",
      headers: rulebookVersionHeader,
      content: { "application/json": { schema: RecommendationSetBodySchema } },
    },
    ...problemResponses(400, 413, 415, 429, 503),
  },
});

export function recommendationRoutes(deps: Pick<AppDeps, "rulebookStore">) {
  return createRouter().openapi(route, async (c) => {
    const { date, lang, engine } = c.req.valid("query");
    const rulebook = pinRulebook(deps, c);
    const set = await evaluateWith(rulebook, c.req.valid("json"), { date, language: lang, engine });
    return c.json(set, 200);
  });
}
