/**
 * Writes rules/rule-file.schema.json from the rule-file zod schema.
 * Run: npm run -w @klastry/rules-engine schema
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ruleFileJsonSchemaText } from "../src/json-schema.ts";

const target = fileURLToPath(new URL("../../../rules/rule-file.schema.json", import.meta.url));
writeFileSync(target, ruleFileJsonSchemaText());
console.log(`wrote ${target}`);
