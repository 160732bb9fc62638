import { mkdtemp, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DbError } from "./errors.ts";
import { openDatabase, type Database } from "./open-database.ts";
import { databasesUnderTest, openTestDatabase, postgresUrl } from "./testing/index.ts";

describe("openDatabase (SQLite)", () => {
  let dir: string;
  const opened: Database[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "klastry-open-"));
  });
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("sets WAL, synchronous=FULL, foreign keys and a busy timeout on the connection", async () => {
    const db = await openDatabase({ sqlitePath: path.join(dir, "nested", "k.sqlite") });
    opened.push(db);
    const pragma = async (name: string) =>
      Object.values(
        (await db.dataSource.query<Record<string, unknown>[]>(`PRAGMA ${name}`))[0] ?? {},
      )[0];
    expect(db.kind).toBe("sqlite");
    expect(await pragma("journal_mode")).toBe("wal");
    expect(await pragma("synchronous")).toBe(2); // 2 = FULL
    expect(await pragma("foreign_keys")).toBe(1);
    expect(await pragma("busy_timeout")).toBe(5000);
  });

  it("defaults to ./data/klastry.sqlite under the working directory, creating the folder", async () => {
    const previous = process.cwd();
    process.chdir(dir);
    try {
      const db = await openDatabase();
      opened.push(db);
      expect(existsSync(path.join(dir, "data", "klastry.sqlite"))).toBe(true);
    } finally {
      process.chdir(previous);
    }
  });

  it("lets two connections to one file share state (one process each in production)", async () => {
    const file = path.join(dir, "shared.sqlite");
    const a = await openDatabase({ sqlitePath: file });
    const b = await openDatabase({ sqlitePath: file });
    opened.push(a, b);
    await a.migrate();
    expect(await b.migrate()).toEqual([]);
    await a.systemState.bumpState("rulebook_version", "rb-7");
    expect(await b.systemState.readState("rulebook_version")).toMatchObject({
      value: "rb-7",
      version: 1,
    });
  });

  it("refuses a url that is not PostgreSQL, naming what is allowed", async () => {
    const error = await openDatabase({ url: "mysql://localhost/x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbError);
    expect((error as DbError).code).toBe("CONFIG_INVALID");
    expect((error as DbError).message).toContain("postgres://");
  });

  it("reports an unhealthy database after it was closed", async () => {
    const db = await openDatabase({ sqlitePath: path.join(dir, "k.sqlite") });
    await db.close();
    expect(await db.health()).toMatchObject({ ok: false, kind: "sqlite" });
  });
});

const pg = (await databasesUnderTest()).find((d) => d.kind === "postgres");
describe.skipIf(pg?.skip !== undefined || pg?.failure !== undefined)(
  `openDatabase (PostgreSQL)${pg?.skip ? ` (skipped: ${pg.skip})` : ""}`,
  () => {
    it("switches to PostgreSQL for a postgresql:// url and shares state between processes", async () => {
      const { db, dispose } = await openTestDatabase("postgres");
      try {
        const url = (db.dataSource.options as { url: string }).url.replace(
          /^postgres:/,
          "postgresql:",
        );
        const other = await openDatabase({ url });
        try {
          expect(other.kind).toBe("postgres");
          await db.systemState.bumpState("rulebook_version", "rb-1");
          await other.systemState.bumpState("rulebook_version", "rb-2");
          expect(await db.systemState.readState("rulebook_version")).toMatchObject({
            value: "rb-2",
            version: 2,
          });
        } finally {
          await other.close();
        }
      } finally {
        await dispose();
      }
    });

    it("fails to open with the server's message when the database does not exist", async () => {
      const db = await openDatabase({ url: postgresUrl("klastry_no_such_database_x") }).catch(
        (e: unknown) => e,
      );
      // TypeORM connects eagerly, so a missing database fails at open with the server's message.
      expect(String(db)).toMatch(/does not exist/);
    });
  },
);
