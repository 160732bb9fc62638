import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { impactReportJsonSchema, impactReportJsonSchemaText } from "./impact-json-schema.ts";

describe("impactReportJsonSchema", () => {
  it("matches the committed impact-report.schema.json (run `npm run -w @klastry/rules-engine schema` after changing the report)", () => {
    const committed = readFileSync(
      fileURLToPath(new URL("../../impact-report.schema.json", import.meta.url)),
      "utf8",
    );
    expect(committed).toBe(impactReportJsonSchemaText());
  });

  it("requires the summary, the rule changes and the clusters", () => {
    expect(impactReportJsonSchema().required).toEqual([
      "evaluatedOn",
      "before",
      "after",
      "population",
      "summary",
      "rules",
      "instruments",
      "regions",
      "clusters",
    ]);
  });
});
