/**
 * @module
 * Where a command writes; tests pass their own to capture output.
 */
export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

export const processIo: CommandIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
};

/** A command returns its exit code: 0 success, 1 a finding (invalid rules, failed scenarios), 2 misuse. */
export type Command = (args: string[], io: CommandIo) => Promise<number>;
