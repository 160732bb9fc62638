/**
 * Rule reloads while requests run (issue 7 item 3): a broken rules folder and then a good one are
 * reloaded in the middle of a stream of evaluations; no request fails and every response names
 * exactly one rulebook version, in its header and its body alike.
 */
import { buildAssessment } from "@klastry/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, jsonBody, openTestApi, type TestApi } from "./testing/harness.ts";
import { regionRule, writeRuleFile } from "./testing/rule-files.ts";

let api: TestApi;
let admin: string;
beforeAll(async () => {
  api = await openTestApi("sqlite", {
    env: { RATE_LIMIT_BURST: "100000", RATE_LIMIT_PER_MINUTE: "100000" },
  });
  admin = await api.key("admin");
});
afterAll(async () => api?.dispose());

describe("reload under load", () => {
  it("answers every request with one consistent rulebook version across a failed and a good reload", async () => {
    const first = api.deps.rulebookStore.status().version!;
    const evaluations: Promise<Response>[] = [];
    const fire = (n: number) => {
      for (let i = 0; i < n; i += 1)
        evaluations.push(
          Promise.resolve(
            api.app.request("/api/v1/recommendations?date=2026-06-01", jsonBody(buildAssessment())),
          ),
        );
    };
    fire(50);
    writeRuleFile(api.rulesDir, "grants/zz-broken.rule.json", "{ not json");
    const broken = Promise.resolve(
      api.app.request("/api/v1/rules/reload", { method: "POST", headers: bearer(admin) }),
    );
    fire(50);
    expect((await broken).status).toBe(422);
    writeRuleFile(
      api.rulesDir,
      "grants/zz-broken.rule.json",
      regionRule("zz-broken", "test-eu-voucher", ["24"]),
    );
    const good = Promise.resolve(
      api.app.request("/api/v1/rules/reload", { method: "POST", headers: bearer(admin) }),
    );
    fire(50);
    const reloaded = await good;
    expect(reloaded.status).toBe(200);
    const second = ((await reloaded.json()) as { version: string }).version;
    fire(50);

    const responses = await Promise.all(evaluations);
    const versions = new Set<string>();
    for (const res of responses) {
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        rulebookVersion: string;
        recommendations: { instrumentId: string }[];
      };
      expect(res.headers.get("x-rulebook-version")).toBe(body.rulebookVersion);
      versions.add(body.rulebookVersion);
      // The voucher rule exists only in the second rulebook, so the body matches its version.
      const hasVoucher = body.recommendations.some((r) => r.instrumentId === "test-eu-voucher");
      expect(hasVoucher).toBe(body.rulebookVersion === second);
    }
    expect([...versions].every((v) => v === first || v === second)).toBe(true);
    expect(versions.has(second)).toBe(true);
  });
});
