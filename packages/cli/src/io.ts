/**
 * @module
 * Where a command writes; tests pass their own to capture output.
 */
export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
  /** The terminal behind `err`, for progress bars; absent (tests) or not a TTY: no progress. */
  errTerminal?: NodeJS.WriteStream;
}

export const processIo: CommandIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  errTerminal: process.stderr,
};

/**
 * A command returns its exit code: 0 success, 1 a finding (invalid rules, failed scenarios), 2
 * misuse; a command that waits for nothing returns it at once.
 */
export type Command = (args: string[], io: CommandIo) => number | Promise<number>;
