/**
 * @module
 * What a condition's fact and path refer to in the fact catalogue: the value's type, unit,
 * labels and codes. Used by validation (type checks) and by reasons (labels for codes).
 */
import {
  FACT_CATALOGUE,
  factPaths,
  nearest,
  type FactDefinition,
  type FactSpec,
} from "@klastry/domain";
import { parsePath } from "./json-path.ts";

/** The facts a rulebook may use, by name. */
export type FactCatalogue = ReadonlyMap<string, FactDefinition>;

export const DEFAULT_CATALOGUE: FactCatalogue = new Map(FACT_CATALOGUE.map((f) => [f.name, f]));

export interface ResolvedAccess {
  readonly definition: FactDefinition;
  /** Spec of the value the path reaches (the fact's own spec without a path). */
  readonly spec: FactSpec;
  /** `fact.kkk.holds`-style field name, used as an open question's `fact`. */
  readonly field: string;
}

/** Why a fact and path do not resolve; `params` feed the issue message. */
export interface AccessProblem {
  code: "UNKNOWN_FACT" | "UNKNOWN_PATH" | "PATH_REQUIRED";
  params: Record<string, string>;
  allowed: string[];
}

/** Resolves a fact and path against the catalogue, or says what is wrong with them. */
export function resolveAccess(
  catalogue: FactCatalogue,
  fact: string,
  path: string | undefined,
): ResolvedAccess | AccessProblem {
  const definition = catalogue.get(fact);
  if (!definition) {
    const suggestion = nearest(fact, catalogue.keys());
    return {
      code: "UNKNOWN_FACT",
      params: { fact, ...(suggestion && { suggestion }) },
      allowed: [],
    };
  }
  const allowed = definition.type === "object" ? factPaths(definition) : [];
  if (!path) {
    if (definition.type !== "object") return { definition, spec: definition, field: fact };
    return { code: "PATH_REQUIRED", params: { fact, allowed: allowed.join(", ") }, allowed };
  }
  const parsed = parsePath(path);
  let spec: FactSpec | undefined = parsed ? definition : undefined;
  for (const [i, key] of (parsed?.keys ?? []).entries()) {
    if (!spec) break;
    if (parsed?.indexes[i]) spec = spec.type === "string[]" ? elementSpec(spec) : undefined;
    else spec = spec.type === "object" ? spec.properties?.[key] : undefined;
  }
  if (!spec || !parsed || parsed.keys.length === 0) {
    const suggestion = allowed.length > 0 ? nearest(path, allowed) : undefined;
    const listed = allowed.length > 0 ? allowed.join(", ") : "none (this fact takes no path)";
    return {
      code: "UNKNOWN_PATH",
      params: { fact, path, allowed: listed, ...(suggestion && { suggestion }) },
      allowed,
    };
  }
  return { definition, spec, field: `${fact}${parsed.canonical.slice(1)}` };
}

function elementSpec(spec: FactSpec): FactSpec {
  return {
    type: "string",
    label: spec.label,
    ...(spec.values && { values: spec.values }),
    ...(spec.vocabulary && { vocabulary: spec.vocabulary }),
  };
}

export function isProblem(result: ResolvedAccess | AccessProblem): result is AccessProblem {
  return "code" in result;
}
