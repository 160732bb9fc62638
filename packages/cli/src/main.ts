/**
 * @module
 * `klastry <group> <command> [options]`: the one CLI for policy designers and administrators.
 */
import { run } from "./run.ts";
import { processIo } from "./io.ts";

process.exitCode = await run(process.argv.slice(2), processIo);
