/**
 * @module
 * The routes of the running API, read from its OpenAPI document (so a new route is covered by the
 * reliability tests without editing them), and validators for the documented response bodies.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: Record<string, unknown>;
}

interface OperationObject {
  parameters?: { in: string; name: string; required?: boolean }[];
  security?: Record<string, string[]>[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

export interface Operation {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The documented path, e.g. /api/v1/regions/{code}/clusters. */
  template: string;
  pathParams: string[];
  queryParams: string[];
  hasBody: boolean;
  /** No security requirement, or an empty one among the alternatives. */
  isPublic: boolean;
  responses: OperationObject["responses"];
}

export async function fetchOpenApi(baseUrl: string): Promise<OpenApiDocument> {
  const res = await fetch(`${baseUrl}/api/v1/openapi.json`);
  if (!res.ok) throw new Error(`GET /api/v1/openapi.json answered ${res.status}`);
  return (await res.json()) as OpenApiDocument;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      const params = op.parameters ?? [];
      operations.push({
        method: method.toUpperCase() as Operation["method"],
        template,
        pathParams: params.filter((p) => p.in === "path").map((p) => p.name),
        queryParams: params.filter((p) => p.in === "query").map((p) => p.name),
        hasBody: op.requestBody !== undefined,
        isPublic:
          op.security === undefined ||
          op.security.length === 0 ||
          op.security.some((alternative) => Object.keys(alternative).length === 0),
        responses: op.responses,
      });
    }
  }
  return operations;
}

/** Fills a path template; values are inserted as given (callers encode them). */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "x");
}

/** The operation a concrete path and method belong to, if any. */
export function matchOperation(
  operations: Operation[],
  method: string,
  path: string,
): Operation | undefined {
  const bare = path.split("?")[0] ?? path;
  return operations.find((op) => {
    if (op.method !== method) return false;
    const pattern = new RegExp(`^${op.template.replace(/\{\w+\}/g, "[^/]+")}$`);
    return pattern.test(bare);
  });
}

/**
 * Validates response bodies against the documented schemas (JSON Schema 2020-12 in OpenAPI 3.1).
 * Formats are not checked: the document's own examples of them are informal.
 */
export class ResponseValidator {
  readonly #ajv: Ajv2020;
  readonly #cache = new Map<string, ValidateFunction | null>();

  constructor(private readonly doc: OpenApiDocument) {
    this.#ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
  }

  /** Errors of `body` against the schema of `op`'s `status` answer in `mediaType`; null when valid or undocumented. */
  check(op: Operation, status: number, mediaType: string, body: unknown): string | null {
    const key = `${op.method} ${op.template} ${status} ${mediaType}`;
    let validate = this.#cache.get(key);
    if (validate === undefined) {
      const schema = op.responses[String(status)]?.content?.[mediaType]?.schema;
      validate =
        schema === undefined
          ? null
          : this.#ajv.compile({ ...(schema as object), components: this.doc.components });
      this.#cache.set(key, validate);
    }
    if (validate === null || validate(body)) return null;
    return this.#ajv.errorsText(validate.errors);
  }
}
