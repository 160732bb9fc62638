import { openTestDatabase, type TestDatabase } from "@klastry/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CachedKeyVerifier } from "./key-cache.ts";

let test: TestDatabase;
beforeAll(async () => {
  test = await openTestDatabase("sqlite");
});
afterAll(async () => test?.dispose());

describe("CachedKeyVerifier", () => {
  it("answers from the cache within the time-to-live and asks the database again after it", async () => {
    let now = 1_000;
    const verifier = new CachedKeyVerifier(test.db, { ttlMs: 60_000, now: () => now });
    const { id, secret } = await test.db.apiKeys.create({ role: "region:14", label: "cache" });
    expect(await verifier.verify(secret)).toMatchObject({ id, role: "region:14" });
    // Changed behind the cache's back (no revocation): the cached answer stands until it expires.
    await test.db.dataSource.query(`UPDATE api_key SET role = 'region:02' WHERE id = '${id}'`);
    expect(await verifier.verify(secret)).toMatchObject({ role: "region:14" });
    now += 60_001;
    expect(await verifier.verify(secret)).toMatchObject({ role: "region:02" });
  });

  it("refuses a revoked key at once, even when it was cached", async () => {
    const verifier = new CachedKeyVerifier(test.db, { ttlMs: 60_000 });
    const { id, secret } = await test.db.apiKeys.create({ role: "admin", label: "to revoke" });
    expect(await verifier.verify(secret)).not.toBeNull();
    await test.db.apiKeys.revoke(id);
    expect(await verifier.verify(secret)).toBeNull();
  });

  it("accepts a key created after an unknown secret was refused", async () => {
    const verifier = new CachedKeyVerifier(test.db, { ttlMs: 60_000 });
    expect(await verifier.verify("kl_unknown")).toBeNull();
    const { secret } = await test.db.apiKeys.create({ role: "region:02", label: "new" });
    expect(await verifier.verify(secret)).not.toBeNull();
  });
});
