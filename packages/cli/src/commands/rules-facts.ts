/**
 * @module
 * `klastry rules facts [--lang pl|en]` (also `klastry facts list`): the fact catalogue a rule may
 * use, with types, units, labels, allowed codes and, for object facts, every path.
 */
import { parseArgs } from "node:util";
import { FACT_CATALOGUE, type FactSpec } from "@klastry/domain";
import type { CommandIo } from "../io.ts";
import { languageOf } from "./rules-shared.ts";

export function rulesFacts(args: string[], io: CommandIo): number {
  const { values } = parseArgs({ args, options: { lang: { type: "string" } } });
  const language = languageOf(values.lang, "en");
  if (!language) {
    io.err(`--lang ${JSON.stringify(values.lang)} is not a language; allowed: pl, en`);
    return 2;
  }
  const describe = (spec: FactSpec) => {
    const unit = spec.unit ? ` [${spec.unit[language].other}]` : "";
    const codes =
      spec.values && spec.values.length <= 16
        ? ` {${spec.values.join(", ")}}`
        : spec.values
          ? ` (${spec.vocabulary ?? "codes"})`
          : "";
    return `${spec.type}${spec.nullable ? " | null" : ""}${unit}${codes}: ${spec.label[language]}`;
  };
  for (const fact of FACT_CATALOGUE) {
    const params = fact.params ? ` params: { ${fact.params.join(", ")} }` : "";
    io.out(`${fact.name} (${fact.origin})${params}: ${describe(fact)}`);
    io.out(`    ${fact.description[language]}`);
    const walk = (spec: FactSpec, prefix: string) => {
      for (const [key, child] of Object.entries(spec.properties ?? {})) {
        io.out(`    path ${prefix}.${key}: ${describe(child)}`);
        if (child.type === "object") walk(child, `${prefix}.${key}`);
      }
    };
    walk(fact, "$");
  }
  return 0;
}
