/**
 * @module
 * The scenario file format: `<rule-id>.scenarios.yaml` beside each rule file, a YAML list of
 * scenarios a policy designer can read. Each names a sentence, a date, an input (a full assessment
 * or a sample cluster with overrides) and what the rule must conclude.
 */
import { readFileSync } from "node:fs";
import {
  CallStatusSchema,
  IsoDateSchema,
  LanguageSchema,
  SlugSchema,
  VerdictSchema,
  issuesFromZod,
} from "@klastry/domain";
import { parseDocument } from "yaml";
import { z } from "zod";

/**
 * A sample cluster of the knowledge base with optional overrides. Objects merge into the sample's
 * assessment, lists replace it, `null` removes an answer (to make a fact unknown).
 */
export const SampleInputSchema = z
  .object({
    sample: SlugSchema.meta({ description: "Id of a sample cluster of the knowledge base." }),
    assessedOn: IsoDateSchema.optional().meta({
      description: "Which dated assessment; default the latest.",
    }),
    cluster: z.record(z.string(), z.unknown()).optional(),
    profile: z.record(z.string(), z.unknown()).optional(),
    /** A list replaces the sample's; `null` removes the answer (not answered), `[]` is "none". */
    needs: z.array(z.unknown()).nullable().optional(),
    publicTasks: z.array(z.unknown()).nullable().optional(),
    ownContribution: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type SampleInput = z.infer<typeof SampleInputSchema>;

/** A full assessment (checked by the engine's own schema when the scenario runs), or a sample. */
export type ScenarioInput =
  SampleInput | ({ cluster: Record<string, unknown> } & Record<string, unknown>);

/**
 * `sample: <id>` with overrides, or a full assessment with `cluster`; told apart by the `sample`
 * key, so a misspelt override is reported by name instead of as "invalid input".
 */
export const ScenarioInputSchema = z
  .record(z.string(), z.unknown())
  .transform((value, ctx): ScenarioInput => {
    if ("sample" in value) {
      const parsed = SampleInputSchema.safeParse(value);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues)
        ctx.addIssue({
          code: "custom",
          path: issue.path,
          message: issue.message,
          input: value,
        });
      return z.NEVER;
    }
    if (!("cluster" in value)) {
      ctx.addIssue({
        code: "custom",
        input: value,
        message:
          "give sample: <sample cluster id> (with optional overrides) or a full assessment with cluster, profile, needs",
      });
      return z.NEVER;
    }
    return value as ScenarioInput;
  });

export const ScenarioExpectSchema = z
  .object({
    /** The rule's verdict: who is eligible (whatever the date's availability). */
    verdict: VerdictSchema,
    /** Not eligible, failing only on 1-2 things the cluster can change. */
    nearMiss: z.boolean().optional(),
    /** Not eligible, failing only on needs the cluster did not mark ("also funds"). */
    alsoFunds: z.boolean().optional(),
    /** The instrument's availability on the date (open, expected, ended...). */
    status: CallStatusSchema.optional(),
    /** Whether the cluster sees it among its recommendations (false once it ended or closed). */
    shown: z.boolean().optional(),
    /** Satisfied conditions: each entry is a condition name or a fragment of its reason text. */
    reasons: z.array(z.string().min(1)).optional(),
    /** Conditions that made the rule fail: names or text fragments. */
    missing: z.array(z.string().min(1)).optional(),
    /** Open questions: the field asked (e.g. `cluster.foundedYear`) or a fragment of its label. */
    questions: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type ScenarioExpect = z.infer<typeof ScenarioExpectSchema>;

export const ScenarioSchema = z
  .object({
    name: z.string().min(3).meta({ description: "A sentence saying what the scenario shows." }),
    date: IsoDateSchema,
    /** The rule the scenario is about; default the rule file beside the scenario file. */
    rule: SlugSchema.optional(),
    /** Language of reason texts the fragments are matched against; default Polish. */
    language: LanguageSchema.optional(),
    input: ScenarioInputSchema,
    expect: ScenarioExpectSchema,
  })
  .strict();
export type Scenario = z.infer<typeof ScenarioSchema>;

export const ScenarioFileSchema = z
  .array(ScenarioSchema)
  .min(1, { message: "a scenario file lists at least one scenario" });

/** A parsed scenario file: its scenarios and the rule they are about. */
export interface ScenarioFile {
  file: string;
  /** Base name: `rules/cluster/kkk-status.scenarios.yaml` -> `kkk-status`. */
  ruleId: string;
  scenarios: Scenario[];
}

/** One problem in a scenario file: where (dotted path, empty for the whole file) and what. */
export interface ScenarioFileIssue {
  file: string;
  path: string;
  message: string;
}

/** Parses scenario text; returns every problem (YAML syntax, schema) instead of throwing. */
export function parseScenarioFile(
  file: string,
  text: string,
): { value?: ScenarioFile; issues: ScenarioFileIssue[] } {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((error) => ({
        file,
        path: "",
        message: error.message.split("\n")[0] ?? error.message,
      })),
    };
  }
  const parsed = ScenarioFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      issues: issuesFromZod(parsed.error).map((issue) => ({
        file,
        path: issue.path,
        message: issue.message,
      })),
    };
  }
  return { value: { file, ruleId: ruleIdOf(file), scenarios: parsed.data }, issues: [] };
}

/** Renders issues as `file: path: message`, one a line. */
export function formatScenarioIssues(issues: readonly ScenarioFileIssue[]): string {
  return issues
    .map((issue) => `${issue.file}: ${issue.path || "(file)"}: ${issue.message}`)
    .join("\n");
}

/** Reads and parses a scenario file; throws an Error listing every problem. */
export function readScenarioFile(file: string): ScenarioFile {
  const { value, issues } = parseScenarioFile(file, readFileSync(file, "utf8"));
  if (!value) throw new Error(`invalid scenario file:\n${formatScenarioIssues(issues)}`);
  return value;
}

function ruleIdOf(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.scenarios\.ya?ml$/, "");
}
