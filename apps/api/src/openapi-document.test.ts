import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "./testing/harness.ts";

let api: TestApi;
let paths: Record<string, Record<string, { requestBody?: unknown; responses: object }>>;
beforeAll(async () => {
  api = await openTestApi("sqlite");
  const document = (await (await api.app.request("/api/v1/openapi.json")).json()) as {
    paths: typeof paths;
  };
  paths = document.paths;
});
afterAll(async () => api?.dispose());

describe("the served OpenAPI document", () => {
  it("documents 431 on every operation, 413 wherever a body is accepted, 429 wherever the rate limit applies", () => {
    let operations = 0;
    for (const [path, item] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(item)) {
        operations += 1;
        const statuses = Object.keys(operation.responses);
        const where = `${method.toUpperCase()} ${path}`;
        expect(statuses, where).toContain("431");
        if (operation.requestBody !== undefined) expect(statuses, where).toContain("413");
        const probe = path === "/api/v1/health" || path === "/api/v1/livez";
        expect(statuses.includes("429"), where).toBe(!probe);
      }
    }
    expect(operations).toBeGreaterThanOrEqual(18);
  });

  it("documents the 429 answer with its Retry-After header", () => {
    const tooMany = (
      paths["/api/v1/vocabulary"]!.get!.responses as Record<string, { headers?: object }>
    )["429"];
    expect(tooMany?.headers).toHaveProperty(["Retry-After"]);
  });

  it("gives every operation an operationId, unique, and marks public ones with security: []", () => {
    const ids: string[] = [];
    for (const item of Object.values(paths)) {
      for (const operation of Object.values(item) as {
        operationId?: string;
        security?: unknown[];
      }[]) {
        expect(operation.operationId).toMatch(/^[a-z][A-Za-z]+$/);
        ids.push(operation.operationId!);
        expect(operation.security).toBeDefined();
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(paths["/api/v1/vocabulary"]!.get).toMatchObject({ security: [] });
  });
});
