/**
 * @module
 * `klastry keys create | revoke | list`: API keys for regional authorities and administrators.
 * A key's secret is printed once and stored only as a hash.
 */
import { parseArgs } from "node:util";
import { ApiKeyRoleSchema } from "@klastry/db";
import type { CommandIo } from "../io.ts";
import { openMigratedDatabase } from "../open-db.ts";

export async function keysCreate(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { role: { type: "string" }, label: { type: "string" } },
  });
  const role = ApiKeyRoleSchema.safeParse(values.role);
  if (!role.success) {
    io.err(
      `--role ${JSON.stringify(values.role ?? "")} is not a role; allowed: admin, national (the national picture and reports), or region:<TERYT> with a code 02, 04, ..., 32 (e.g. region:14).`,
    );
    return 2;
  }
  if (!values.label?.trim()) {
    io.err(
      `--label is required: say whose key this is, e.g. --label "UM Województwa Mazowieckiego"`,
    );
    return 2;
  }
  const db = await openMigratedDatabase(io.cwd);
  try {
    const { id, secret } = await db.apiKeys.create({ role: role.data, label: values.label.trim() });
    io.out(`Created key ${id} (${role.data}, "${values.label.trim()}").`);
    io.out(`Secret (shown once, store it now): ${secret}`);
    io.out(`Use it as: Authorization: Bearer ${secret}`);
    return 0;
  } finally {
    await db.close();
  }
}

export async function keysRevoke(args: string[], io: CommandIo): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const id = positionals[0];
  if (!id) {
    io.err("usage: klastry keys revoke <id>   (ids: klastry keys list)");
    return 2;
  }
  const db = await openMigratedDatabase(io.cwd);
  try {
    if (!(await db.apiKeys.revoke(id))) {
      io.err(`no active key with id ${id}; see klastry keys list`);
      return 1;
    }
    io.out(`Revoked key ${id}. Every API process refuses it from now on.`);
    return 0;
  } finally {
    await db.close();
  }
}

export async function keysList(_args: string[], io: CommandIo): Promise<number> {
  const db = await openMigratedDatabase(io.cwd);
  try {
    const keys = await db.apiKeys.list();
    if (keys.length === 0)
      io.out('No keys yet. Create one with: klastry keys create --role region:14 --label "..."');
    for (const key of keys) {
      io.out(
        `${key.id}\t${key.role}\t${key.revokedAt ? `revoked ${key.revokedAt}` : "active"}\t${key.label}`,
      );
    }
    return 0;
  } finally {
    await db.close();
  }
}
