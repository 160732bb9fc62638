import { openTestDatabase, type TestDatabase } from "@klastry/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKeysCommand } from "./keys.ts";

let test: TestDatabase;
beforeAll(async () => {
  test = await openTestDatabase("sqlite");
});
afterAll(async () => test?.dispose());

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runKeysCommand(args, {
    db: test.db,
    write: (l) => out.push(l),
    error: (l) => err.push(l),
  });
  return { code, out, err };
}

describe("keys command", () => {
  it("creates a region key, prints its secret once, lists it without the secret and revokes it", async () => {
    const created = await run(["create", "--role", "region:14", "--label", "Mazowsze test"]);
    expect(created.code).toBe(0);
    const secret = created.out.at(-1)!;
    expect(secret).toMatch(/^kl_[A-Za-z0-9_-]{43}$/);
    expect(await test.db.apiKeys.verify(secret)).toMatchObject({ role: "region:14" });

    const id = /created key (\S+)/.exec(created.out[0]!)![1]!;
    const listed = await run(["list"]);
    expect(listed.out.join("\n")).toContain(id);
    expect(listed.out.join("\n")).not.toContain(secret);

    expect((await run(["revoke", id])).code).toBe(0);
    expect(await test.db.apiKeys.verify(secret)).toBeNull();
    expect((await run(["revoke", id])).code).toBe(1);
  });

  it("refuses an unknown role with the allowed ones named", async () => {
    const result = await run(["create", "--role", "region:99", "--label", "x"]);
    expect(result.code).toBe(1);
    expect(result.err.join("\n")).toMatch(/admin, national or region/);
  });

  it("prints usage for missing arguments", async () => {
    expect((await run(["create", "--role", "admin"])).code).toBe(2);
    expect((await run(["frobnicate"])).err.join("\n")).toContain("usage");
  });
});
