/**
 * Problem documents say what was received: zod 4 keeps the offending value only when asked to
 * (`reportInput`), and the route validator does not ask, so the hook looks it up in the input.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonBody, openTestApi, type TestApi } from "../testing/harness.ts";

interface Problem {
  issues: { path: string; received?: string; message: string }[];
}

describe("problem documents of invalid bodies", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi("sqlite");
  });
  afterAll(async () => api?.dispose());

  async function issuesOf(body: unknown, lang = "en"): Promise<Problem["issues"]> {
    const res = await api.app.request(`/api/v1/recommendations?lang=${lang}`, jsonBody(body));
    expect(res.status).toBe(400);
    return ((await res.json()) as Problem).issues;
  }

  it("quotes the region code that was sent, not '(missing)'", async () => {
    const [issue] = await issuesOf({ cluster: { name: "A", region: "99" } });
    expect(issue?.path).toBe("cluster.region");
    expect(issue?.received).toBe('"99"');
    expect(issue?.message).toContain('"99"');
  });

  it("says '(missing)' only when the value is absent", async () => {
    const [issue] = await issuesOf({ cluster: { name: "A" } }, "pl");
    expect(issue?.path).toBe("cluster.region");
    expect(issue?.received).toBe("(missing)");
  });

  it("names the type that was sent for a value of the wrong type", async () => {
    const issues = await issuesOf({ cluster: { name: 12, region: "06" } });
    expect(issues.find((issue) => issue.path === "cluster.name")?.received).toBe("number");
  });
});
