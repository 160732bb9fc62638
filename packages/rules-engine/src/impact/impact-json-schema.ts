/**
 * @module
 * The JSON Schema of the impact report, generated from `RulebookImpactSchema` and committed as
 * `packages/rules-engine/impact-report.schema.json` (`npm run -w @klastry/rules-engine schema`);
 * a test checks the committed file is current, as for rule files.
 */
import { z } from "zod";
import { RulebookImpactSchema } from "./impact-schema.ts";

/** The impact-report JSON Schema (draft 2020-12), as an object. */
export function impactReportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(RulebookImpactSchema, {
    io: "output",
    target: "draft-2020-12",
    // `actual` is any JSON value; zod's `unknown` becomes `{}` (anything), which is what it is.
    unrepresentable: "any",
  });
}

/** The schema as the committed file holds it: two-space JSON with a final newline. */
export function impactReportJsonSchemaText(): string {
  return `${JSON.stringify(impactReportJsonSchema(), null, 2)}\n`;
}
