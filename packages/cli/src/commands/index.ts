/**
 * @module
 * The table of commands by group. Each command lives in its own file.
 */
import type { Command } from "../io.ts";

export interface CommandEntry {
  synopsis: string;
  summary: string;
  run: Command;
}

export const commands: Record<string, Record<string, CommandEntry>> = {};
