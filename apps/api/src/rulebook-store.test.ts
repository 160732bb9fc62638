import { openTestDatabase, type TestDatabase } from "@klastry/db/testing";
import { buildKnowledgeBase } from "@klastry/knowledge/testing";
import { loadRulebook } from "@klastry/rules-engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";
import { RULEBOOK_STATE_KEY, RulebookStore } from "./rulebook-store.ts";
import { makeRulesDir, regionRule, writeRuleFile } from "./testing/rule-files.ts";

let test: TestDatabase;
const folders: { dispose: () => void }[] = [];
beforeAll(async () => {
  test = await openTestDatabase("sqlite");
});
afterAll(async () => {
  for (const folder of folders) folder.dispose();
  await test?.dispose();
});

const knowledge = buildKnowledgeBase();
const silent = createLogger({ level: "silent" });

function storeOver(dir: string) {
  return new RulebookStore({
    load: () => Promise.resolve(loadRulebook({ dir, knowledge })),
    state: test.db.systemState,
    logger: silent,
  });
}

function rulesDir() {
  const folder = makeRulesDir();
  folders.push(folder);
  return folder.dir;
}

const voucherRule = () => regionRule("test-eu-voucher-14", "test-eu-voucher", ["14"]);

describe("RulebookStore", () => {
  it("records its version at start when none is recorded, and follows a version another process publishes", async () => {
    const dir = rulesDir();
    const a = storeOver(dir);
    const b = storeOver(dir);
    await a.init();
    await b.init();
    const first = a.current().version;
    expect((await test.db.systemState.readState(RULEBOOK_STATE_KEY))?.value).toBe(first);

    writeRuleFile(dir, "grants/test-eu-voucher-14.rule.json", voucherRule());
    const second = (await a.reload()).version;
    expect(second).not.toBe(first);
    expect(b.current().version).toBe(first);
    await b.poll();
    expect(b.current().version).toBe(second);
  });

  it("keeps the last good rulebook when a reload fails, says so, and refuses with the issues", async () => {
    const dir = rulesDir();
    const store = storeOver(dir);
    await store.init();
    const good = store.current().version;
    writeRuleFile(dir, "grants/test-eu-voucher-14.rule.json", {
      ...voucherRule(),
      id: "another-id",
    });
    await expect(store.reload()).rejects.toMatchObject({
      code: "RULEBOOK_INVALID",
      status: 422,
      issues: [
        expect.objectContaining({
          file: "grants/test-eu-voucher-14.rule.json",
          code: "RULE_ID_MISMATCH",
        }),
      ],
    });
    expect(store.status()).toMatchObject({ version: good, lastReloadFailed: true });
  });

  it("retries a failed follow-up reload on the next poll", async () => {
    const leaderDir = rulesDir();
    const followerDir = rulesDir();
    const leader = storeOver(leaderDir);
    const follower = storeOver(followerDir);
    await leader.init();
    await follower.init();
    const first = follower.current().version;
    writeRuleFile(leaderDir, "grants/test-eu-voucher-14.rule.json", voucherRule());
    await leader.reload();
    // The follower's copy of the folder is caught half-written.
    writeRuleFile(followerDir, "grants/test-eu-voucher-14.rule.json", "{ half");
    await follower.poll();
    expect(follower.status()).toMatchObject({ version: first, lastReloadFailed: true });
    writeRuleFile(followerDir, "grants/test-eu-voucher-14.rule.json", voucherRule());
    await follower.poll();
    expect(follower.status()).toMatchObject({
      version: leader.current().version,
      lastReloadFailed: false,
    });
  });

  it("answers 503 while no rulebook ever loaded", async () => {
    const store = storeOver("/nonexistent-klastry-rules");
    await store.init();
    expect(() => store.current()).toThrow(
      expect.objectContaining({ code: "RULEBOOK_UNAVAILABLE", status: 503 }),
    );
  });
});
