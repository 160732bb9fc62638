/**
 * @module
 * The rule file editor: CodeMirror 6 with JSON, validation and completion from the rule-file
 * JSON Schema (`rules/rule-file.schema.json`, widened with the fact catalogue: fact names,
 * operators, paths), and a check that names an unknown fact or operator with the nearest known
 * one. Messages are in the page's language. Loaded only when a designer opens the editor, so
 * neither CodeMirror nor the schema is part of any other page.
 */
import { basicSetup } from "codemirror";
import { jsonLanguage, jsonParseLinter, json } from "@codemirror/lang-json";
import { linter, type Diagnostic } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import {
  handleRefresh,
  jsonCompletion,
  JSONValidation,
  parseJSONDocumentState,
  stateExtensions,
} from "codemirror-json-schema";
import ruleFileSchema from "@klastry/rulebook/rule-file.schema.json";
import {
  FACT_CATALOGUE,
  factPaths,
  isOperatorName,
  nearest,
  OPERATORS,
  type Language,
} from "@klastry/domain";

const FACTS = FACT_CATALOGUE.map((fact) => fact.name);
const PATHS = [...new Set(FACT_CATALOGUE.flatMap((fact) => factPaths(fact)))];

type SchemaNode = Record<string, unknown>;

/**
 * The rule-file schema with what the catalogue knows: every `fact` lists the catalogue's facts,
 * every `operator` the ten operators, every `path` the known paths as examples (completion).
 */
export function ruleSchemaWithCatalogue(schema: unknown = ruleFileSchema): SchemaNode {
  const copy = structuredClone(schema) as SchemaNode;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    const object = node as SchemaNode;
    const properties = object.properties as Record<string, SchemaNode> | undefined;
    if (properties?.fact) properties.fact = { ...properties.fact, enum: FACTS };
    if (properties?.operator)
      properties.operator = { ...properties.operator, enum: [...OPERATORS] };
    if (properties?.path) properties.path = { ...properties.path, examples: PATHS };
    Object.values(object).forEach(visit);
  };
  visit(copy);
  return copy;
}

const MESSAGES = {
  pl: {
    notJson: "To nie jest poprawny JSON: sprawdź przecinki, cudzysłowy i nawiasy.",
    unknownFact: (fact: string, hint?: string) =>
      `Nieznany fakt „${fact}”.${hint ? ` Czy chodziło o „${hint}”?` : ""} Dozwolone fakty podpowiada edytor (Ctrl+Spacja).`,
    unknownOperator: (op: string, hint?: string) =>
      `Nieznany operator „${op}”.${hint ? ` Czy chodziło o „${hint}”?` : ""} Dozwolone: ${OPERATORS.join(", ")}.`,
    required: (key: string) => `Brakuje wymaganego pola „${key}”.`,
    additional: (key: string) => `Pole „${key}” nie jest tu dozwolone.`,
    type: (expected: string) => `Zły typ wartości; oczekiwano: ${expected}.`,
    enum: (values: string) => `Niedozwolona wartość; dozwolone: ${values}.`,
    pattern: () => "Wartość ma zły format (np. identyfikator: małe litery, cyfry i myślniki).",
    min: (limit: string) => `Wartość jest za mała; najmniej ${limit}.`,
    max: (limit: string) => `Wartość jest za duża; najwyżej ${limit}.`,
    anyOf: () =>
      "Ten warunek nie pasuje do żadnej dozwolonej postaci: grupy all / any / not albo warunku z polami name, fact, operator i value.",
    other: () => "Ta wartość nie zgadza się ze schematem pliku reguły.",
  },
  en: {
    notJson: "This is not valid JSON: check commas, quotes and brackets.",
    unknownFact: (fact: string, hint?: string) =>
      `Unknown fact "${fact}".${hint ? ` Did you mean "${hint}"?` : ""} The editor suggests the allowed facts (Ctrl+Space).`,
    unknownOperator: (op: string, hint?: string) =>
      `Unknown operator "${op}".${hint ? ` Did you mean "${hint}"?` : ""} Allowed: ${OPERATORS.join(", ")}.`,
    required: (key: string) => `The required field "${key}" is missing.`,
    additional: (key: string) => `The field "${key}" is not allowed here.`,
    type: (expected: string) => `Wrong type of value; expected: ${expected}.`,
    enum: (values: string) => `Value not allowed; allowed: ${values}.`,
    pattern: () =>
      "The value has the wrong form (e.g. an id: lowercase letters, digits and hyphens).",
    min: (limit: string) => `The value is too small; at least ${limit}.`,
    max: (limit: string) => `The value is too large; at most ${limit}.`,
    anyOf: () =>
      "This condition matches none of the allowed shapes: an all / any / not group, or a condition with name, fact, operator and value.",
    other: () => "This value does not agree with the rule-file schema.",
  },
} as const;

interface SchemaError {
  name?: string;
  data?: Record<string, unknown>;
}

function schemaMessage(error: SchemaError, language: Language): string {
  const m = MESSAGES[language];
  const data = error.data ?? {};
  const text = (value: unknown): string =>
    Array.isArray(value)
      ? value.map(text).join(", ")
      : typeof value === "string"
        ? value
        : value === undefined || value === null
          ? ""
          : JSON.stringify(value);
  switch (error.name) {
    case "RequiredPropertyError":
      return m.required(text(data.key));
    case "NoAdditionalPropertiesError":
    case "AdditionalPropertiesError":
      return m.additional(text(data.property));
    case "TypeError":
      return m.type(text(data.expected));
    case "EnumError":
      return m.enum(text(data.values).slice(0, 300));
    case "PatternError":
      return m.pattern();
    case "MinimumError":
    case "MinLengthError":
    case "MinLengthOneError":
    case "MinItemsError":
    case "MinItemsOneError":
      return m.min(text(data.minimum ?? data.minLength ?? data.minItems ?? 1));
    case "MaximumError":
    case "MaxLengthError":
    case "MaxItemsError":
      return m.max(text(data.maximum ?? data.maxLength));
    case "AnyOfError":
    case "OneOfError":
      return m.anyOf();
    default:
      return m.other();
  }
}

/** The value's place of a pointer, when the parser found a whole value there. */
function valueRange(place: unknown): { from: number; to: number } | undefined {
  const p = place as { valueFrom?: number; valueTo?: number } | undefined;
  return p?.valueFrom !== undefined && p.valueTo !== undefined
    ? { from: p.valueFrom, to: p.valueTo }
    : undefined;
}

/** Unknown facts and operators anywhere in the rule, each at its value, with the nearest name. */
function catalogueDiagnostics(view: EditorView, language: Language): Diagnostic[] {
  const parsed = parseJSONDocumentState(view.state);
  const data: unknown = parsed.data;
  const pointers = parsed.pointers;
  if (data === null || data === undefined) return [];
  const out: Diagnostic[] = [];
  const walk = (node: unknown, pointer: string) => {
    if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${pointer}/${i}`));
    if (node === null || typeof node !== "object") return;
    const object = node as Record<string, unknown>;
    const at = (key: string) => pointers.get(`${pointer}/${key}`);
    if (typeof object.fact === "string" && !FACTS.includes(object.fact)) {
      const place = valueRange(at("fact"));
      if (place)
        out.push({
          ...place,
          severity: "error",
          message: MESSAGES[language].unknownFact(object.fact, nearest(object.fact, FACTS)),
        });
    }
    if (typeof object.operator === "string" && !isOperatorName(object.operator)) {
      const place = valueRange(at("operator"));
      if (place)
        out.push({
          ...place,
          severity: "error",
          message: MESSAGES[language].unknownOperator(
            object.operator,
            nearest(object.operator, OPERATORS),
          ),
        });
    }
    for (const [key, child] of Object.entries(object)) walk(child, `${pointer}/${key}`);
  };
  walk(data, "");
  return out;
}

export interface RuleEditor {
  view: EditorView;
  /** Replaces the whole text (a rule opened, a file uploaded). */
  setText(text: string): void;
  destroy(): void;
}

/** Mounts the editor in `parent`. `describedBy` ties the hint and errors to the editing area. */
export function createRuleEditor(
  parent: HTMLElement,
  options: {
    text: string;
    label: string;
    describedBy?: string;
    language: Language;
    onChange: (text: string) => void;
  },
): RuleEditor {
  const schemaCheck = new JSONValidation();
  // Our wording, in the page's language, instead of the library's English.
  (schemaCheck as unknown as { rewriteError: (e: SchemaError) => string }).rewriteError = (error) =>
    schemaMessage(error, options.language);
  const parseCheck = jsonParseLinter();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        basicSetup,
        // Long lines wrap: the editor never scrolls sideways, so no region needs its own keyboard access.
        EditorView.lineWrapping,
        json(),
        linter((v) =>
          parseCheck(v).map((d) => ({ ...d, message: MESSAGES[options.language].notJson })),
        ),
        linter(
          (v) => [...schemaCheck.doValidation(v), ...catalogueDiagnostics(v, options.language)],
          {
            needsRefresh: handleRefresh,
          },
        ),
        jsonLanguage.data.of({ autocomplete: jsonCompletion() }),
        stateExtensions(ruleSchemaWithCatalogue()),
        EditorView.contentAttributes.of({
          "aria-label": options.label,
          ...(options.describedBy ? { "aria-describedby": options.describedBy } : {}),
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    setText: (text) =>
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    destroy: () => view.destroy(),
  };
}
