/**
 * Writes packages/rules-engine/impact-report.schema.json from the impact-report zod schema.
 * Run: npm run -w @klastry/rules-engine schema
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { impactReportJsonSchemaText } from "../src/impact/impact-json-schema.ts";

const target = fileURLToPath(new URL("../impact-report.schema.json", import.meta.url));
writeFileSync(target, impactReportJsonSchemaText());
console.log(`wrote ${target}`);
