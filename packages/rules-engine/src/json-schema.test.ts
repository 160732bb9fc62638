import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ruleFileJsonSchema, ruleFileJsonSchemaText } from "./json-schema.ts";

describe("ruleFileJsonSchema", () => {
  it("matches the committed rules/rule-file.schema.json (run `npm run -w @klastry/rules-engine schema` after changing the format)", () => {
    const committed = readFileSync(
      fileURLToPath(new URL("../../../rules/rule-file.schema.json", import.meta.url)),
      "utf8",
    );
    expect(committed).toBe(ruleFileJsonSchemaText());
  });

  it("describes the required fields of a rule file", () => {
    expect(ruleFileJsonSchema().required).toEqual([
      "id",
      "instrument",
      "weight",
      "source",
      "conditions",
      "event",
    ]);
  });
});
