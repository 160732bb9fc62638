/**
 * @module
 * Dispatches `klastry <group> <command>` to the command modules, with a usage text on misuse.
 */
import type { Command, CommandIo } from "./io.ts";
import { commands } from "./commands/index.ts";

export function usage(): string {
  const lines = ["Usage: klastry <group> <command> [options]", ""];
  for (const [group, entries] of Object.entries(commands)) {
    for (const [name, entry] of Object.entries(entries))
      lines.push(
        `  klastry ${group} ${name} ${entry.synopsis}`.trimEnd() + `\n      ${entry.summary}`,
      );
  }
  return lines.join("\n");
}

export async function run(argv: string[], io: CommandIo): Promise<number> {
  const [group, name, ...rest] = argv;
  if (!group || group === "--help" || group === "help") {
    io.out(usage());
    return group ? 0 : 2;
  }
  const entries = commands[group];
  const entry = entries && name ? entries[name] : undefined;
  if (!entry) {
    io.err(`klastry: unknown command "${[group, name].filter(Boolean).join(" ")}".\n\n${usage()}`);
    return 2;
  }
  const command: Command = entry.run;
  try {
    return await command(rest, io);
  } catch (error) {
    io.err(`klastry ${group} ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
