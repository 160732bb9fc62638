/**
 * @module
 * The JSON Schema of rule files, generated from the same zod schema the loader validates with,
 * so editors and the loader never disagree. `npm run -w @klastry/rules-engine schema` writes it
 * to `rules/rule-file.schema.json`; a test checks the committed file is current.
 */
import { z } from "zod";
import { RuleFileSchema } from "./rule-file.ts";

/** The rule-file JSON Schema (draft 2020-12), as an object. */
export function ruleFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(RuleFileSchema, { io: "input", target: "draft-2020-12" });
}

/** The schema as the committed file holds it: two-space JSON with a final newline. */
export function ruleFileJsonSchemaText(): string {
  return `${JSON.stringify(ruleFileJsonSchema(), null, 2)}\n`;
}
