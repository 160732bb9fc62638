/**
 * @module
 * For policy designers (admin key): `GET /rules` (the served rulebook), `GET /rules/{id}/file`
 * (a rule's file as it is in the rules folder, to edit), `POST /rules/impact`
 * (a candidate rule set against every stored cluster's latest assessment) and `POST
 * /rules/reload` (re-read the rules folder; an invalid one is refused with every issue and the
 * last good rulebook stays served).
 */
import { createRoute, z } from "@hono/zod-openapi";
import {
  IsoDateSchema,
  LanguageSchema,
  LocalizedTextSchema,
  SlugSchema,
  VerdictSchema,
  todayInPoland,
} from "@klastry/domain";
import {
  ConditionReasonSchema,
  ImpactCauseSchema,
  RulebookImpactSchema,
  StandingSchema,
  readRuleSources,
  type Rulebook,
} from "@klastry/rules-engine";
import { requireAdmin } from "../auth/access.ts";
import type { RouteDeps } from "../deps.ts";
import { pinRulebook } from "../evaluation.ts";
import { computeImpact, impactSubjects } from "../impact.ts";
import { ApiError } from "../problems/api-error.ts";
import { problemResponses } from "../problems/problem.ts";
import { compileCandidate } from "../candidate-rulebook.ts";
import {
  createRouter,
  PageQuerySchema,
  pageOf,
  rulebookVersionHeader,
  withOpenApi,
} from "./router.ts";

const security: Record<string, string[]>[] = [{ apiKey: [] }];

const RulebookSchema = z
  .object({
    version: z.string().nullable(),
    loadedAt: z.string().nullable(),
    lastReloadFailed: z.boolean(),
    files: z.array(z.string()),
    rules: z.array(
      z.object({
        id: SlugSchema,
        file: z.string(),
        instrument: SlugSchema,
        weight: z.number(),
        priority: z.number(),
        validFrom: IsoDateSchema.optional(),
        validTo: IsoDateSchema.optional(),
        /** The rule's own texts per condition name (others read as the catalogue's defaults). */
        reasons: z.record(z.string(), withOpenApi(ConditionReasonSchema, "ConditionReason")),
      }),
    ),
  })
  .openapi("Rulebook");

const listRoute = createRoute({
  method: "get",
  path: "/rules",
  operationId: "getRulebook",
  tags: ["rules"],
  summary: "The served rulebook: version, files and rules",
  security,
  responses: {
    200: {
      description: "The rulebook",
      headers: rulebookVersionHeader,
      content: { "application/json": { schema: RulebookSchema } },
    },
    ...problemResponses(401, 403, 429, 503),
  },
});

const RuleFileTextSchema = z
  .object({
    id: SlugSchema,
    /** Path relative to the rules folder: the path to send back as a candidate. */
    file: z.string(),
    /** The file's text as it is in the rules folder now. */
    text: z.string(),
  })
  .openapi("RuleFileText");

const fileRoute = createRoute({
  method: "get",
  path: "/rules/{id}/file",
  operationId: "getRuleFile",
  tags: ["rules"],
  summary: "A served rule's file as it is in the rules folder, with its path, to edit",
  security,
  request: { params: z.object({ id: SlugSchema }) },
  responses: {
    200: {
      description: "The rule file",
      headers: rulebookVersionHeader,
      content: { "application/json": { schema: RuleFileTextSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 429),
  },
});

/** A rule file path relative to the rules folder: `<area>/<rule-id>.rule.json`, no `..`. */
const RuleFilePathSchema = z
  .string()
  .max(200)
  .regex(/^(?:[a-z0-9][a-z0-9_-]*\/)*[a-z0-9][a-z0-9-]*\.rule\.json$/, {
    message: "must be a relative path like finance/kpo-cluster-loan.rule.json (lowercase, no ..)",
  });

/**
 * Rule files nest conditions a few levels deep. A deeper candidate is refused before it is
 * serialised: JSON.stringify recurses and overflows the stack near 10,000 levels (issue 7 item 1
 * found a 500 there).
 */
const MAX_RULE_DEPTH = 64;

/** Whether `value` nests at most `max` objects or arrays deep; walks without recursion. */
function nestsAtMost(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    if (node === null || typeof node !== "object") continue;
    if (depth > max) return false;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return true;
}

const ImpactRequestSchema = z
  .object({
    files: z
      .array(
        z
          .object({
            file: RuleFilePathSchema,
            /** The rule file's JSON, as an object. */
            rule: z
              .record(z.string(), z.unknown())
              .refine((rule) => nestsAtMost(rule, MAX_RULE_DEPTH), {
                message: `nests deeper than ${MAX_RULE_DEPTH} levels; a rule file is far shallower`,
              }),
          })
          .strict(),
      )
      .max(1000)
      .default([]),
    /** Files of the rules folder to leave out of the candidate. */
    remove: z.array(RuleFilePathSchema).max(1000).default([]),
  })
  .strict()
  .openapi("ImpactRequest");

const ImpactItemSchema = z
  .object({
    clusterId: SlugSchema,
    clusterName: z.string(),
    region: z.string(),
    assessmentId: z.string(),
    gained: z.array(SlugSchema),
    lost: z.array(SlugSchema),
    verdictChanges: z.array(
      z.object({
        instrumentId: SlugSchema,
        instrumentName: LocalizedTextSchema,
        before: VerdictSchema,
        after: VerdictSchema,
        nearMissBefore: z.boolean(),
        nearMissAfter: z.boolean(),
        /** The verdict and near-miss flag in one word: eligible, unknown, near_miss, not_eligible. */
        standingBefore: StandingSchema,
        standingAfter: StandingSchema,
        causes: z
          .array(ImpactCauseSchema)
          .describe(
            "The conditions whose outcome changed for this cluster (or the rule added, removed, starting or ending), with the condition as text before and after",
          ),
      }),
    ),
  })
  .openapi("ClusterImpact");

const ImpactSchema = pageOf(ImpactItemSchema)
  .extend({
    currentVersion: z.string(),
    candidateVersion: z.string(),
    evaluatedOn: IsoDateSchema,
    clustersEvaluated: z.number().int().nonnegative(),
    changedInstruments: z
      .array(SlugSchema)
      .openapi({ description: "Instruments whose rules differ in the candidate" }),
    byInstrument: z.array(
      z.object({
        instrumentId: SlugSchema,
        instrumentName: LocalizedTextSchema,
        gained: z.number().int(),
        lost: z.number().int(),
      }),
    ),
    rules: RulebookImpactSchema.shape.rules.describe(
      "Rules added, removed or changed, with a readable diff of their conditions",
    ),
    summary: RulebookImpactSchema.shape.summary,
  })
  .openapi("ImpactReport");

const impactRoute = createRoute({
  method: "post",
  path: "/rules/impact",
  operationId: "previewRuleImpact",
  tags: ["rules"],
  summary: "Which clusters gain or lose instruments under a candidate rule set",
  description:
    "The candidate is the rules folder as it is on disk, with `files` added or replaced and `remove` left out. It is validated like a reload; an invalid candidate answers 422 with every issue.",
  security,
  request: {
    query: PageQuerySchema.extend({
      date: IsoDateSchema.optional(),
      lang: LanguageSchema.default("pl"),
    }),
    body: { required: true, content: { "application/json": { schema: ImpactRequestSchema } } },
  },
  responses: {
    200: {
      description: "Clusters whose recommendations change",
      headers: rulebookVersionHeader,
      content: { "application/json": { schema: ImpactSchema } },
    },
    ...problemResponses(400, 401, 403, 413, 415, 422, 429, 503),
  },
});

const ReloadSchema = z
  .object({ version: z.string(), previousVersion: z.string().nullable(), changed: z.boolean() })
  .openapi("RulebookReloaded");

const reloadRoute = createRoute({
  method: "post",
  path: "/rules/reload",
  operationId: "reloadRules",
  tags: ["rules"],
  summary: "Re-read the rules folder; every API process follows within seconds",
  security,
  responses: {
    200: {
      description: "Reloaded",
      headers: rulebookVersionHeader,
      content: { "application/json": { schema: ReloadSchema } },
    },
    ...problemResponses(401, 403, 422, 429),
  },
});

function describeRules(rulebook: Rulebook) {
  return rulebook.rules.map((rule) => ({
    id: rule.id,
    file: rule.file,
    instrument: rule.instrument,
    weight: rule.weight,
    priority: rule.priority,
    ...(rule.validFrom === undefined ? {} : { validFrom: rule.validFrom }),
    ...(rule.validTo === undefined ? {} : { validTo: rule.validTo }),
    reasons: rule.definition.reasons,
  }));
}

export function ruleRoutes(deps: RouteDeps) {
  const { db, rulebookStore } = deps;
  return createRouter()
    .openapi(listRoute, async (c) => {
      await requireAdmin(c, deps.keys);
      const rulebook = pinRulebook(deps, c);
      const status = rulebookStore.status();
      return c.json(
        {
          version: rulebook.version,
          loadedAt: status.loadedAt,
          lastReloadFailed: status.lastReloadFailed,
          files: [...rulebook.files],
          rules: describeRules(rulebook),
        },
        200,
      );
    })
    .openapi(fileRoute, async (c) => {
      await requireAdmin(c, deps.keys);
      const { id } = c.req.valid("param");
      const rule = pinRulebook(deps, c).rules.find((candidate) => candidate.id === id);
      if (rule === undefined)
        throw new ApiError("NOT_FOUND", `no rule "${id}" in the served rulebook`);
      const source = readRuleSources(deps.env.RULES_DIR).find((entry) => entry.file === rule.file);
      if (source === undefined) {
        throw new ApiError(
          "NOT_FOUND",
          `the file of rule "${id}" (${rule.file}) is no longer in the rules folder`,
        );
      }
      c.header("Cache-Control", "no-store");
      return c.json({ id, file: source.file, text: source.text }, 200);
    })
    .openapi(impactRoute, async (c) => {
      await requireAdmin(c, deps.keys);
      const { page, pageSize, date, lang } = c.req.valid("query");
      const body = c.req.valid("json");
      const current = pinRulebook(deps, c);
      const removed = new Set(body.remove);
      const replaced = new Map(
        body.files.map((entry) => [entry.file, `${JSON.stringify(entry.rule, null, 2)}\n`]),
      );
      const sources = readRuleSources(deps.env.RULES_DIR)
        .filter((source) => !removed.has(source.file) && !replaced.has(source.file))
        .concat([...replaced].map(([file, text]) => ({ file, text })));
      const candidate = compileCandidate(sources, deps.knowledge, lang);
      // Private clusters stay out; those counted only in totals are shown under a pseudonym.
      const latest = await db.assessments.latestAll("totals");
      const report = computeImpact(
        current,
        candidate,
        impactSubjects(latest, await db.clusters.namedIds(), lang),
        date ?? todayInPoland(),
      );
      const { changed, ...summary } = report;
      return c.json(
        {
          ...summary,
          items: changed.slice((page - 1) * pageSize, page * pageSize),
          total: changed.length,
          page,
          pageSize,
        },
        200,
      );
    })
    .openapi(reloadRoute, async (c) => {
      await requireAdmin(c, deps.keys);
      const previousVersion = rulebookStore.status().version;
      const rulebook = await rulebookStore.reload();
      c.header("X-Rulebook-Version", rulebook.version);
      return c.json(
        {
          version: rulebook.version,
          previousVersion,
          changed: rulebook.version !== previousVersion,
        },
        200,
      );
    });
}
