/**
 * A candidate rule nested thousands of levels deep (found by the reliability fuzz, issue 7 item
 * 1) is refused with a 400 problem naming the field, not a 500 from JSON.stringify's recursion.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, openTestApi, type TestApi } from "../testing/harness.ts";

let api: TestApi;
let admin: string;
beforeAll(async () => {
  api = await openTestApi("sqlite");
  admin = await api.key("admin");
});
afterAll(async () => api?.dispose());

const impact = (body: string) =>
  api.app.request("/api/v1/rules/impact", {
    method: "POST",
    headers: bearer(admin, { "content-type": "application/json" }),
    body,
  });

describe("POST /rules/impact with a deeply nested candidate", () => {
  it("answers 400 naming files[0].rule for 20,000 levels", async () => {
    const rule = `${'{"a":['.repeat(20_000)}1${"]}".repeat(20_000)}`;
    const res = await impact(`{"files":[{"file":"finance/deep.rule.json","rule":${rule}}]}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await res.json()) as { issues: { path: string; message: string }[] };
    expect(problem.issues[0]?.path).toBe("files[0].rule");
    expect(problem.issues[0]?.message).toContain("64");
  });

  it("still takes a candidate of ordinary depth", async () => {
    const res = await impact(
      `{"files":[{"file":"finance/shallow.rule.json","rule":{"id":"shallow","conditions":{"all":[{"any":[]}]}}}]}`,
    );
    expect(res.status).not.toBe(500);
    expect(res.status).not.toBe(400);
  });
});
