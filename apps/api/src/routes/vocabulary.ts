/**
 * @module
 * `GET /vocabulary`: every closed vocabulary with its pl/en labels, for forms and filters.
 */
import { createRoute, z } from "@hono/zod-openapi";
import {
  LocalizedTextSchema,
  REGION_CODES,
  vocabularyDocument,
  type VocabularyEntry,
} from "@klastry/domain";
import { createRouter } from "./router.ts";

const Entry = z.object({ code: z.string(), label: LocalizedTextSchema });
const entries = z.array(Entry);

export const VocabularySchema = z
  .object({
    regions: z.array(Entry.extend({ code: z.enum(REGION_CODES), capitals: z.array(z.string()) })),
    actorTypes: entries,
    supportFunctions: entries,
    publicTasks: entries,
    readinessLevels: entries,
    fundingSourceKinds: entries,
    instrumentForms: entries,
    levels: entries,
    maturityStages: entries,
    escaLabels: entries,
    legalForms: entries,
    confidences: entries,
    callStatuses: entries,
    verdicts: entries,
    recordKinds: entries,
    prerequisites: entries,
    currencies: entries,
  })
  .openapi("Vocabulary");

const route = createRoute({
  method: "get",
  path: "/vocabulary",
  operationId: "getVocabulary",
  security: [],
  tags: ["catalogue"],
  summary: "All vocabularies (regions, actor types, functions, public tasks, forms, levels...)",
  responses: {
    200: {
      description: "Codes with Polish and English labels",
      content: { "application/json": { schema: VocabularySchema } },
    },
  },
});

export function vocabularyRoutes() {
  const document = vocabularyDocument();
  const copy = (entries: readonly VocabularyEntry[]) =>
    entries.map(({ code, label }) => ({ code, label }));
  const body = {
    regions: document.regions.map((r) => ({
      code: r.code,
      label: r.label,
      capitals: [...r.capitals],
    })),
    actorTypes: copy(document.actorTypes),
    supportFunctions: copy(document.supportFunctions),
    publicTasks: copy(document.publicTasks),
    readinessLevels: copy(document.readinessLevels),
    fundingSourceKinds: copy(document.fundingSourceKinds),
    instrumentForms: copy(document.instrumentForms),
    levels: copy(document.levels),
    maturityStages: copy(document.maturityStages),
    escaLabels: copy(document.escaLabels),
    legalForms: copy(document.legalForms),
    confidences: copy(document.confidences),
    callStatuses: copy(document.callStatuses),
    verdicts: copy(document.verdicts),
    recordKinds: copy(document.recordKinds),
    prerequisites: copy(document.prerequisites),
    currencies: copy(document.currencies),
  };
  return createRouter().openapi(route, (c) => {
    c.header("cache-control", "public, max-age=3600");
    return c.json(body, 200);
  });
}
