/**
 * @module
 * Turns validated rule files into a `Rulebook`: each rule compiled once to closures, numbered
 * into one node space so an evaluation needs a single frame, sorted by id for stable output.
 */
import type { FactSpec, Instrument, IsoDate, Language, LocalizedText } from "@klastry/domain";
import {
  compileCondition,
  type CompiledLeaf,
  type CompiledNode,
  type Frame,
  type Outcome,
} from "./compile-condition.ts";
import { RuleFileError } from "./errors.ts";
import { DEFAULT_CATALOGUE, isProblem, resolveAccess, type FactCatalogue } from "./fact-types.ts";
import { rulebookVersion } from "./rulebook-version.ts";
import {
  isFactReference,
  isLeaf,
  type Condition,
  type ConditionReason,
  type RuleFile,
} from "./rule-file.ts";
import { validateRuleSources, type RuleKnowledge, type ValidRuleFile } from "./validate-rule.ts";

/** What the catalogue says about one side of a leaf: for labels, codes and open questions. */
export interface AccessInfo {
  /** `cluster.kkk.holds`, `profile.members`: the answer an open question asks for. */
  readonly field: string;
  readonly label: LocalizedText;
  readonly spec?: FactSpec;
  /** The question that asks for `field`, from the catalogue. */
  readonly question?: LocalizedText;
}

export interface CompiledLeafInfo {
  readonly leaf: CompiledLeaf;
  readonly reason?: ConditionReason;
  readonly left: AccessInfo;
  readonly right?: AccessInfo;
}

/** One rule, compiled. */
export interface CompiledRule {
  readonly id: string;
  readonly file: string;
  readonly instrument: string;
  readonly weight: number;
  readonly priority: number;
  readonly validFrom?: IsoDate;
  readonly validTo?: IsoDate;
  readonly source: string;
  /** The rule as json-rules-engine receives it (params of instrument facts filled in). */
  readonly definition: RuleFile;
  readonly root: CompiledNode;
  readonly leaves: readonly CompiledLeafInfo[];
  /** The same leaves by node index, built once at compile time. */
  readonly leafByIndex: ReadonlyMap<number, CompiledLeafInfo>;
  /** Evaluates the rule into the frame and returns the root's outcome. */
  readonly evaluate: (frame: Frame) => Outcome;
}

/** A loaded, validated and compiled set of rules. */
export interface Rulebook {
  /** Short sha256 of the rule files (see `rulebookVersion`). */
  readonly version: string;
  /** Sorted by id. */
  readonly rules: readonly CompiledRule[];
  /** Rule files, relative to the rules folder, sorted. */
  readonly files: readonly string[];
  /** Size of an evaluation frame. */
  readonly nodeCount: number;
  readonly instruments: ReadonlyMap<string, Instrument>;
  readonly catalogue: FactCatalogue;
}

export interface CompileOptions {
  /** "Today" for the validity check (validTo in the past is an error); default today in Poland. */
  today?: IsoDate;
  language?: Language;
  catalogue?: FactCatalogue;
  /** Accept rules whose validTo is past; they stop applying (see ValidateOptions.allowExpired). */
  allowExpired?: boolean;
}

/**
 * Validates and compiles rule files given as objects (a benchmark's generated rulebook, a test).
 * Throws `RuleFileError` listing every issue. The version hashes the rules' JSON.
 *
 * @example
 * const rulebook = compileRulebook([buildRuleFile({ instrument: "demo-grant" })], { instruments });
 */
export function compileRulebook(
  ruleFiles: readonly (RuleFile | ValidRuleFile)[],
  knowledge: RuleKnowledge,
  options: CompileOptions = {},
): Rulebook {
  const sources = ruleFiles.map((entry) =>
    "rule" in entry
      ? { file: entry.file, text: JSON.stringify(entry.rule) }
      : { file: `${entry.id}.rule.json`, text: JSON.stringify(entry) },
  );
  return compileSources(sources, knowledge, options);
}

/** Validates and compiles sources (file + text); shared by `compileRulebook` and `loadRulebook`. */
export function compileSources(
  sources: readonly { file: string; text: string }[],
  knowledge: RuleKnowledge,
  options: CompileOptions = {},
): Rulebook {
  const catalogue = options.catalogue ?? DEFAULT_CATALOGUE;
  const { rules, issues } = validateRuleSources(sources, { ...options, knowledge, catalogue });
  if (issues.length > 0) throw new RuleFileError(issues);
  const sorted = [...rules].sort((a, b) => (a.rule.id < b.rule.id ? -1 : 1));
  let next = 0;
  const compiled = sorted.map(({ file, rule }) => {
    const result = compileRule(rule, file, catalogue, next);
    next += result.nodeCount;
    return result.rule;
  });
  return {
    version: rulebookVersion(sources),
    rules: compiled,
    files: sources.map((s) => s.file).sort(),
    nodeCount: next,
    instruments: new Map(knowledge.instruments.map((instrument) => [instrument.id, instrument])),
    catalogue,
  };
}

function compileRule(
  rule: RuleFile,
  file: string,
  catalogue: FactCatalogue,
  start: number,
): { rule: CompiledRule; nodeCount: number } {
  const definition = withInstrumentParams(rule, catalogue);
  const { root, nodeCount, nodes } = compileCondition(definition.conditions, { start });
  const leaves = nodes
    .filter((node): node is CompiledLeaf => node.kind === "leaf")
    .map((leaf) => {
      const reason = leaf.name === undefined ? undefined : definition.reasons[leaf.name];
      const right = leaf.valueFact
        ? accessInfo(catalogue, leaf.valueFact.fact, leaf.valueFact.path)
        : undefined;
      return {
        leaf,
        left: accessInfo(catalogue, leaf.fact, leaf.path),
        ...(reason && { reason }),
        ...(right && { right }),
      };
    });
  return {
    nodeCount,
    rule: {
      id: rule.id,
      file,
      instrument: rule.instrument,
      weight: rule.weight,
      priority: rule.priority ?? 1,
      ...(rule.validFrom !== undefined && { validFrom: rule.validFrom }),
      ...(rule.validTo !== undefined && { validTo: rule.validTo }),
      source: rule.source,
      definition,
      root,
      leaves,
      leafByIndex: new Map(leaves.map((info) => [info.leaf.index, info])),
      evaluate: root.evaluate,
    },
  };
}

function accessInfo(catalogue: FactCatalogue, fact: string, path: string | undefined): AccessInfo {
  const resolved = resolveAccess(catalogue, fact, path);
  if (isProblem(resolved))
    return { field: path ? `${fact}${path.slice(1)}` : fact, label: { pl: fact, en: fact } };
  const { origin, asks } = resolved.definition;
  const field = origin === "derived" && asks ? asks : resolved.field;
  const question = resolved.spec.question ?? askedSpec(catalogue, field)?.question;
  return {
    field,
    label: resolved.spec.label,
    spec: resolved.spec,
    ...(question !== undefined && { question }),
  };
}

/** The catalogue spec of an answer named by a dotted field (`profile.members`), if it has one. */
function askedSpec(catalogue: FactCatalogue, field: string): FactSpec | undefined {
  const [fact, ...rest] = field.split(".");
  if (fact === undefined) return undefined;
  const resolved = resolveAccess(
    catalogue,
    fact,
    rest.length > 0 ? `$.${rest.join(".")}` : undefined,
  );
  return isProblem(resolved) ? undefined : resolved.spec;
}

/**
 * Parameterised facts take the rule's own instrument unless the condition names another: the
 * default is written into the definition, so the compiled rule and json-rules-engine read the same.
 */
function withInstrumentParams(rule: RuleFile, catalogue: FactCatalogue): RuleFile {
  const fill = <T extends { fact: string; params?: Record<string, unknown> | undefined }>(
    access: T,
  ): T => {
    const takes = catalogue.get(access.fact)?.params?.includes("instrument");
    if (!takes || access.params?.instrument !== undefined) return access;
    return { ...access, params: { ...access.params, instrument: rule.instrument } };
  };
  const visit = (condition: Condition): Condition => {
    if (isLeaf(condition)) {
      const leaf = fill(condition);
      return isFactReference(leaf.value) ? { ...leaf, value: fill(leaf.value) } : leaf;
    }
    if ("not" in condition) return { ...condition, not: visit(condition.not) };
    if ("all" in condition) return { ...condition, all: condition.all.map(visit) };
    return { ...condition, any: condition.any.map(visit) };
  };
  return { ...rule, conditions: visit(rule.conditions) as RuleFile["conditions"] };
}
