/**
 * @module
 * @klastry/cli: the `klastry` command, also callable in-process (tests, other tools).
 */
export { run, usage } from "./run.ts";
export type { Command, CommandIo } from "./io.ts";
