/**
 * @module
 * The table of commands by group. Each command lives in its own file.
 */
import type { Command } from "../io.ts";
import { dbSeed } from "./db.ts";
import { keysCreate, keysList, keysRevoke } from "./keys.ts";

export interface CommandEntry {
  synopsis: string;
  summary: string;
  run: Command;
}

export const commands: Record<string, Record<string, CommandEntry>> = {
  keys: {
    create: { synopsis: "--role <admin|region:TERYT> --label <text>", summary: "create an API key; its secret is shown once", run: keysCreate },
    revoke: { synopsis: "<id>", summary: "revoke an API key in every API process", run: keysRevoke },
    list: { synopsis: "", summary: "list keys (ids, roles, labels; never secrets)", run: keysList },
  },
  db: {
    seed: { synopsis: "", summary: "migrate the database and seed it from the knowledge base", run: dbSeed },
  },
};
