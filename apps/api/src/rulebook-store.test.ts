import { openTestDatabase, type TestDatabase } from "@klastry/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";
import { RULEBOOK_STATE_KEY, RulebookStore } from "./rulebook-store.ts";

let test: TestDatabase;
beforeAll(async () => {
  test = await openTestDatabase("sqlite");
});
afterAll(async () => test?.dispose());

/** A loader over a value the test changes: the store's contract is about what the loader returns. */
function folder(initial: string) {
  let content: string | Error = initial;
  return {
    set(next: string | Error) {
      content = next;
    },
    load: () => (content instanceof Error ? Promise.reject(content) : Promise.resolve({ version: content })),
  };
}

describe("RulebookStore", () => {
  it("records its version at start when no process has, and follows a version published by another", async () => {
    const logs: string[] = [];
    const logger = createLogger({ write: (line) => logs.push(line) });
    const disk = folder("v1");
    const a = new RulebookStore({ load: disk.load, state: test.db.systemState, logger });
    const b = new RulebookStore({ load: disk.load, state: test.db.systemState, logger });
    await a.init();
    await b.init();
    expect((await test.db.systemState.readState(RULEBOOK_STATE_KEY))?.value).toBe("v1");

    disk.set("v2");
    await a.reload();
    expect(b.current().version).toBe("v1");
    await b.poll();
    expect(b.current().version).toBe("v2");
  });

  it("keeps the last good rulebook when a reload fails, says so, and refuses with the issues", async () => {
    const logger = createLogger({ level: "silent" });
    const disk = folder("good");
    const store = new RulebookStore({ load: disk.load, state: test.db.systemState, logger });
    await store.init();
    disk.set(Object.assign(new Error("rulebook is invalid"), { issues: [{ file: "a.rule.json", pointer: "/id", path: "id", code: "RULE_ID_MISMATCH", message: "id must equal the file name" }] }));
    await expect(store.reload()).rejects.toMatchObject({ code: "RULEBOOK_INVALID", status: 422, issues: [{ file: "a.rule.json", path: "id" }] });
    expect(store.current().version).toBe("good");
    expect(store.status()).toMatchObject({ version: "good", lastReloadFailed: true });
  });

  it("retries a failed follow-up reload on the next poll", async () => {
    const logger = createLogger({ level: "silent" });
    const disk = folder("r1");
    const leader = new RulebookStore({ load: disk.load, state: test.db.systemState, logger });
    const followerDisk = folder("r1");
    const follower = new RulebookStore({ load: followerDisk.load, state: test.db.systemState, logger });
    await leader.init();
    await follower.init();
    disk.set("r2");
    await leader.reload();
    followerDisk.set(new Error("caught mid-copy"));
    await follower.poll();
    expect(follower.status()).toMatchObject({ version: "r1", lastReloadFailed: true });
    followerDisk.set("r2");
    await follower.poll();
    expect(follower.status()).toMatchObject({ version: "r2", lastReloadFailed: false });
  });

  it("answers 503 before any rulebook loaded", async () => {
    const store = new RulebookStore({ load: () => Promise.reject(new Error("no folder")), state: test.db.systemState, logger: createLogger({ level: "silent" }) });
    await store.init();
    expect(() => store.current()).toThrow(expect.objectContaining({ code: "RULEBOOK_UNAVAILABLE", status: 503 }));
  });
});
