import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@klastry/db";
import { run } from "./run.ts";
import type { CommandIo } from "./io.ts";

const cwd = mkdtempSync(join(tmpdir(), "klastry-cli-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

function capture(): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

describe("klastry keys", () => {
  it("creates a region key whose secret is shown once and stored only as a hash", async () => {
    const io = capture();
    expect(await run(["keys", "create", "--role", "region:14", "--label", "UM Mazowsze"], io)).toBe(
      0,
    );
    const secret = io.stdout.join("\n").match(/kl_[A-Za-z0-9_-]+/)?.[0];
    expect(secret).toBeDefined();
    const db = await openDatabase({ sqlitePath: join(cwd, "data/klastry.sqlite") });
    try {
      expect(await db.apiKeys.verify(secret!)).toMatchObject({
        role: "region:14",
        label: "UM Mazowsze",
      });
      const rows: unknown = await db.dataSource.query("SELECT key_hash FROM api_key");
      expect(JSON.stringify(rows)).not.toContain(secret!);
    } finally {
      await db.close();
    }
  });

  it("creates a national key for the ministry and the working group", async () => {
    const io = capture();
    expect(
      await run(["keys", "create", "--role", "national", "--label", "Grupa robocza"], io),
    ).toBe(0);
    const secret = io.stdout.join("\n").match(/kl_[A-Za-z0-9_-]+/)?.[0];
    const db = await openDatabase({ sqlitePath: join(cwd, "data/klastry.sqlite") });
    try {
      expect(await db.apiKeys.verify(secret!)).toMatchObject({ role: "national" });
    } finally {
      await db.close();
    }
  });

  it("refuses an unknown role and names the allowed ones", async () => {
    const io = capture();
    expect(await run(["keys", "create", "--role", "region:15", "--label", "x"], io)).toBe(2);
    expect(io.stderr.join("\n")).toMatch(/allowed: admin, national .*, or region:<TERYT>/);
  });

  it("lists keys without secrets and revokes one", async () => {
    const created = capture();
    await run(["keys", "create", "--role", "admin", "--label", "Admin"], created);
    const id = created.stdout[0]?.match(/Created key (\S+)/)?.[1];
    const listed = capture();
    expect(await run(["keys", "list"], listed)).toBe(0);
    expect(listed.stdout.join("\n")).toContain(id!);
    expect(listed.stdout.join("\n")).not.toMatch(/kl_/);
    const revoked = capture();
    expect(await run(["keys", "revoke", id!], revoked)).toBe(0);
    const again = capture();
    expect(await run(["keys", "revoke", id!], again)).toBe(1);
  });
});

describe("klastry", () => {
  it("prints usage and exits 2 on an unknown command", async () => {
    const io = capture();
    expect(await run(["rulez"], io)).toBe(2);
    expect(io.stderr.join("\n")).toMatch(/unknown command "rulez"/);
    expect(io.stderr.join("\n")).toMatch(/klastry keys create/);
  });
});
