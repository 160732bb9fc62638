/**
 * @module
 * The core of `npx klastry keys create | revoke | list`: API keys for regional systems and admins.
 * A key's secret is printed once at creation and stored only as its sha256 (db ApiKeyRepository).
 * Revocation takes effect at once in every API process, which verify keys against the database.
 * Runnable on its own: `node --import tsx apps/api/src/cli/keys.ts create --role region:14 --label "..."`.
 */
import type { ApiKeyInfo, Database } from "@klastry/db";

export interface CreatedKey {
  id: string;
  role: string;
  label: string;
  /** Shown once; never stored. */
  secret: string;
}

/** Creates a key with role `admin`, `national` or `region:<TERYT>`; throws DbError (ARGUMENT_INVALID) otherwise. */
export async function createApiKey(db: Database, role: string, label: string): Promise<CreatedKey> {
  const { id, secret } = await db.apiKeys.create({ role, label });
  return { id, role, label: label.trim(), secret };
}

/** Revokes a key; false when it is unknown or already revoked. */
export async function revokeApiKey(db: Database, id: string): Promise<boolean> {
  return db.apiKeys.revoke(id);
}

/** Every key without secrets or hashes. */
export async function listApiKeys(db: Database): Promise<ApiKeyInfo[]> {
  return db.apiKeys.list();
}

const USAGE = `usage:
  keys create --role <admin|national|region:TERYT> --label "<who uses it>"
  keys revoke <key id>
  keys list`;

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  if (inline !== undefined) return inline.slice(name.length + 3);
  return index >= 0 ? args[index + 1] : undefined;
}

/**
 * Runs one keys command; returns the exit code. Output goes through `write` (stdout by default).
 *
 * @example
 * await runKeysCommand(["create", "--role", "region:14", "--label", "Mazowsze open data"], { db });
 */
export async function runKeysCommand(
  args: readonly string[],
  io: { db: Database; write?: (line: string) => void; error?: (line: string) => void },
): Promise<number> {
  const write = io.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const error = io.error ?? ((line: string) => process.stderr.write(`${line}\n`));
  const [command, ...rest] = args;
  if (command === "create") {
    const role = option(rest, "role");
    const label = option(rest, "label");
    if (role === undefined || label === undefined) {
      error(`keys create: --role and --label are required\n${USAGE}`);
      return 2;
    }
    try {
      const key = await createApiKey(io.db, role, label);
      write(`created key ${key.id} (${key.role}, "${key.label}")`);
      write(`secret (shown only now; send it as "Authorization: Bearer <secret>"):`);
      write(key.secret);
      return 0;
    } catch (caught) {
      error(`keys create: ${caught instanceof Error ? caught.message : String(caught)}`);
      return 1;
    }
  }
  if (command === "revoke") {
    const id = rest[0];
    if (id === undefined) {
      error(`keys revoke: the key id is required\n${USAGE}`);
      return 2;
    }
    if (await revokeApiKey(io.db, id)) {
      write(`revoked key ${id}`);
      return 0;
    }
    error(`keys revoke: no active key ${id}; see "keys list"`);
    return 1;
  }
  if (command === "list") {
    for (const key of await listApiKeys(io.db)) {
      const state = key.revokedAt === null ? "active" : `revoked ${key.revokedAt}`;
      write(
        `${key.id}  ${key.role.padEnd(10)}  ${state.padEnd(8)}  last used ${key.lastUsedAt ?? "never"}  ${key.label}`,
      );
    }
    return 0;
  }
  error(USAGE);
  return 2;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { openDatabase } = await import("@klastry/db");
  const { loadEnv } = await import("../env.ts");
  const env = loadEnv();
  const db = await openDatabase(env.DATABASE_URL === undefined ? {} : { url: env.DATABASE_URL });
  try {
    await db.migrate();
    process.exitCode = await runKeysCommand(process.argv.slice(2), { db });
  } finally {
    await db.close();
  }
}
