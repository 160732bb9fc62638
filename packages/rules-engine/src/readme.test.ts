import { readFileSync } from "node:fs";
import { FACT_CATALOGUE } from "@klastry/domain";
import { describe, expect, it } from "vitest";
import { OPERATORS } from "@klastry/domain";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README", () => {
  it.each(FACT_CATALOGUE.map((f) => f.name))("documents the fact %s", (name) => {
    expect(readme).toContain(`\`${name}\``);
  });

  it.each([...OPERATORS])("documents the operator %s", (operator) => {
    expect(readme).toContain(`\`${operator}\``);
  });
});
