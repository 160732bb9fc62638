/**
 * @module
 * A progress bar on stderr (cli-progress) while a long population is compared; nothing at all
 * when stderr is not a terminal (CI logs, pipes, tests) or the population is small.
 */
import { Presets, SingleBar } from "cli-progress";

/** Below this many assessments the comparison ends before a bar would be read. */
const MIN_POPULATION = 1000;

export interface Progress {
  readonly onProgress?: (done: number, total: number) => void;
  readonly stop: () => void;
}

export function progressOn(terminal: NodeJS.WriteStream | undefined, total: number): Progress {
  if (!terminal?.isTTY || total < MIN_POPULATION) return { stop: () => undefined };
  const bar = new SingleBar(
    {
      stream: terminal,
      format: "impact |{bar}| {value}/{total} assessments, {eta_formatted} left",
      hideCursor: true,
      clearOnComplete: true,
      // The comparison runs synchronously: redraw from update(), not from a timer.
      synchronousUpdate: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    onProgress: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}
