/**
 * @module
 * The rule file format, one zod schema that both validates files and generates
 * `rules/rule-file.schema.json` (see json-schema.ts). A rule file is a json-rules-engine rule
 * (`conditions`, `event`, `priority`, `name`) plus Klastry metadata and pl/en reasons keyed by
 * condition name (json-rules-engine drops unknown keys of a condition, but keeps `name`).
 */
import { IsoDateSchema, LocalizedTextSchema, SlugSchema, UrlSchema } from "@klastry/domain";
import { z } from "zod";

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const ParamsSchema = z
  .record(z.string(), Scalar)
  .meta({ description: 'Parameters of a parameterised fact, e.g. { "instrument": "..." }.' });

/** A fact-to-fact comparison: the value is another fact (and path) of the same evaluation. */
export const FactReferenceSchema = z
  .object({ fact: z.string().min(1), path: z.string().optional(), params: ParamsSchema.optional() })
  .strict();
export type FactReference = z.infer<typeof FactReferenceSchema>;

export const ConditionValueSchema = z.union([Scalar, z.array(Scalar), FactReferenceSchema]);

const name = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "must be a kebab-case name" })
  .max(80)
  .meta({ description: "Condition name, unique in the rule; reasons are keyed by it." });

export const LeafConditionSchema = z
  .object({
    name: name.optional(),
    fact: z.string().min(1),
    path: z.string().optional(),
    params: ParamsSchema.optional(),
    operator: z.string().min(1),
    value: ConditionValueSchema,
  })
  .strict();
export type LeafCondition = z.infer<typeof LeafConditionSchema>;

export interface AllCondition {
  name?: string | undefined;
  all: Condition[];
}
export interface AnyCondition {
  name?: string | undefined;
  any: Condition[];
}
export interface NotCondition {
  name?: string | undefined;
  not: Condition;
}
export type GroupCondition = AllCondition | AnyCondition | NotCondition;
export type Condition = LeafCondition | GroupCondition;

export const AllConditionSchema: z.ZodType<AllCondition> = z
  .object({
    name: name.optional(),
    get all() {
      return z.array(ConditionSchema);
    },
  })
  .strict();
export const AnyConditionSchema: z.ZodType<AnyCondition> = z
  .object({
    name: name.optional(),
    get any() {
      return z.array(ConditionSchema);
    },
  })
  .strict();
export const NotConditionSchema: z.ZodType<NotCondition> = z
  .object({
    name: name.optional(),
    get not() {
      return ConditionSchema;
    },
  })
  .strict();
export const ConditionSchema: z.ZodType<Condition> = z.union([
  AllConditionSchema,
  AnyConditionSchema,
  NotConditionSchema,
  LeafConditionSchema,
]);
export const TopConditionSchema = z.union([
  AllConditionSchema,
  AnyConditionSchema,
  NotConditionSchema,
]);

/**
 * A rule's own text for one condition, where the fact catalogue's default would say less: `pass`
 * when satisfied, `fail` when not, `question` when unknown. Each is optional; placeholders are
 * {label}, {actual} and {required}, values written by the one formatter (units, plurals, labels).
 */
export const ConditionReasonSchema = z
  .object({
    pass: LocalizedTextSchema.optional(),
    fail: LocalizedTextSchema.optional(),
    question: LocalizedTextSchema.optional(),
  })
  .strict();
export type ConditionReason = z.infer<typeof ConditionReasonSchema>;

export const RuleFileSchema = z
  .object({
    $schema: z.string().optional(),
    id: SlugSchema.meta({ description: "Stable rule id, equal to the file's base name." }),
    instrument: SlugSchema.meta({ description: "Id of the instrument in the knowledge base." }),
    name: z
      .string()
      .optional()
      .meta({ description: "json-rules-engine's rule name; the id when absent." }),
    description: LocalizedTextSchema.optional(),
    weight: z
      .number()
      .min(0)
      .max(100)
      .meta({ description: "Base score of a recommendation by this rule." }),
    validFrom: IsoDateSchema.optional().meta({ description: "First day the rule applies." }),
    validTo: IsoDateSchema.optional().meta({ description: "Last day the rule applies." }),
    source: UrlSchema.meta({ description: "Official page the conditions come from." }),
    priority: z.number().int().min(1).optional(),
    conditions: TopConditionSchema,
    event: z
      .object({
        type: z.literal("recommend"),
        params: z.object({ instrument: SlugSchema }).strict(),
      })
      .strict(),
    reasons: z
      .record(z.string(), ConditionReasonSchema)
      .default({})
      .meta({ description: "Texts keyed by condition name, only where the defaults say less." }),
  })
  .strict()
  .meta({
    title: "Klastry rule file",
    description: "One json-rules-engine rule with Klastry metadata.",
  });
export type RuleFile = z.infer<typeof RuleFileSchema>;

export function isLeaf(condition: Condition): condition is LeafCondition {
  return Object.hasOwn(condition, "fact");
}

export function isFactReference(value: unknown): value is FactReference {
  return (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    Object.hasOwn(value, "fact")
  );
}
