/**
 * @module
 * Structured JSON logs, one line per event, to a sink (stdout by default). Callers pass data,
 * never credentials: request logs carry the path without its query string.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";
type Threshold = LogLevel | "silent";

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<Threshold, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/**
 * A logger writing one JSON object per line.
 *
 * @example
 * const lines: string[] = [];
 * const logger = createLogger({ level: "info", write: (line) => lines.push(line) });
 */
export function createLogger(
  options: { level?: Threshold; write?: (line: string) => void } = {},
): Logger {
  const threshold = ORDER[options.level ?? "info"];
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  return {
    log(level, message, fields = {}) {
      if (ORDER[level] < threshold) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields }));
    },
  };
}
